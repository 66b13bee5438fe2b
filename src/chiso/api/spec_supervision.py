"""The API's supervision loop declared as data (joined to `spec.ENDPOINTS`): difficulties and the
Front's recommendations, directions, citizens' feedback for staff."""

from __future__ import annotations

from typing import Any

from chiso.api.query import ID
from chiso.api.schemas import BOOL, DATE, Schema, page_of, ref
from chiso.api.spec import NO_NUL, Endpoint, FormBody, Operation, Param
from chiso.supervision.models import DirectionStatus, FeedbackState, Kind, State
from chiso.supervision.services.difficulties import TEXT_LIMIT, TITLE_LIMIT
from chiso.supervision.services.directions import NUMBER_LIMIT, SIGNER_LIMIT

WRITE_ERRORS = (400, 404, 409, 415, 503)
# Some character other than white space, and no NUL.
FILLED = "^[^\\x00]*[^\\x00\\s][^\\x00]*$"
LINE: Schema = {"type": "string", "pattern": FILLED, "maxLength": TITLE_LIMIT}
TEXT: Schema = {"type": "string", "pattern": FILLED, "maxLength": TEXT_LIMIT}
VERSION: Schema = {**ID.schema(), "description": "`version` của mục đang xem (optimistic lock)"}
UNIT_CODES: Schema = {
    "type": "array",
    "items": {"type": "string", "pattern": NO_NUL, "maxLength": 20},
    "description": "Mã chỉ số PAPI (2, 2.4); để trống: theo nhiệm vụ",
}
DUE: Schema = {**DATE, "description": "Đề nghị trả lời trước ngày; để trống: 15 ngày"}


def _form(required: tuple[str, ...], **properties: Schema) -> FormBody:
    return FormBody({"type": "object", "required": list(required), "properties": properties})


DIFFICULTY_FORM = _form(
    ("plan", "title", "text"),
    plan=ID.schema(),
    title=LINE,
    text=TEXT,
    assignment={**ID.schema(), "description": "Phân công của cơ quan mình trong kế hoạch"},
    handler={**ID.schema(), "description": "Cơ quan xử lý; để trống: Sở Nội vụ"},
    unit_codes=UNIT_CODES,
    due_on=DUE,
)
RECOMMENDATION_FORM = _form(
    ("plan", "agency", "title", "text"),
    plan=ID.schema(),
    agency={**ID.schema(), "description": "Cơ quan nhận kiến nghị (không phải Mặt trận)"},
    task={**ID.schema(), "description": "Nhiệm vụ của kế hoạch được giám sát"},
    title=LINE,
    text=TEXT,
    unit_codes=UNIT_CODES,
    due_on=DUE,
)

IDS: Schema = {"type": "array", "items": ID.schema()}
DIRECTION_FORM = _form(
    ("plan", "number", "issued_on", "signer", "content", "deadline", "agencies"),
    plan=ID.schema(),
    number={**LINE, "maxLength": NUMBER_LIMIT, "description": "Số, ký hiệu văn bản chỉ đạo"},
    issued_on={**DATE, "description": "Ngày văn bản, không sau hôm nay"},
    signer={**LINE, "maxLength": SIGNER_LIMIT, "description": "Người ký"},
    signer_title={
        "type": "string",
        "pattern": NO_NUL,
        "maxLength": SIGNER_LIMIT,
        "description": "Chức vụ người ký",
    },
    content=TEXT,
    deadline={**DATE, "description": "Thời hạn thực hiện, từ ngày văn bản trở đi"},
    agencies={
        **IDS,
        "minItems": 1,
        "description": "Cơ quan thực hiện (của tỉnh); mỗi cơ quan nhận một phần việc theo dõi",
    },
    difficulties={
        **IDS,
        "description": "Khó khăn, kiến nghị đang chờ UBND tỉnh chỉ đạo mà văn bản này trả lời",
    },
    unit_codes={**UNIT_CODES, "description": "Mã chỉ số PAPI; để trống: theo các khó khăn"},
)


def _text_step(name: str) -> FormBody:
    return _form((name, "version"), **{name: TEXT, "version": VERSION})


HAND_OVER_FORM = _form(
    ("handler", "version"),
    handler={**ID.schema(), "description": "Cơ quan của tỉnh nhận xử lý"},
    due_on={**DATE, "description": "Hạn xử lý mới, không trước hôm nay; để trống: giữ hạn cũ"},
    version=VERSION,
)
MODERATE_FORM = _form(
    ("decision", "version"),
    decision={"type": "string", "enum": ["accept", "reject"]},
    version=VERSION,
)
FEEDBACK_ANSWER_FORM = _form(
    ("answer", "version"),
    answer=TEXT,
    publish={**BOOL, "description": "true: công khai góp ý và trả lời bên cạnh nhiệm vụ"},
    version=VERSION,
)

PLAN = Param("plan", "Mã (id) kế hoạch")
ITEM_FILTERS = (
    PLAN,
    Param("state", "Trạng thái", {"type": "string", "enum": list(State.values)}),
    Param("overdue", "Chỉ các mục quá hạn xử lý (true) hoặc loại trừ chúng (false)", dict(BOOL)),
    Param("handler", "Mã (id) cơ quan xử lý"),
    Param("raised_by", "Mã (id) cơ quan nêu"),
)


def _post(summary: str, response: str, body: FormBody, status: int = 200) -> Operation:
    return Operation("post", summary, ref(response), status=status, body=body, errors=WRITE_ERRORS)


def _step(url_name: str, summary: str, body: FormBody, item: str = "Difficulty") -> Endpoint:
    return Endpoint(url_name, "supervision", (_post(summary, item, body),))


def _read(summary: str, response: Schema, *params: Param, **kw: Any) -> Operation:
    return Operation("get", summary, response, params=params, **kw)


SUPERVISION_ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "api-difficulties",
        "supervision",
        (
            _read(
                "Khó khăn, vướng mắc và kiến nghị giám sát (difficulties and recommendations)",
                page_of("Difficulty"),
                Param("kind", "Loại", {"type": "string", "enum": list(Kind.values)}),
                *ITEM_FILTERS,
                paged=True,
            ),
            _post(
                "Nêu khó khăn, vướng mắc của cơ quan mình (raise a difficulty)",
                "Difficulty",
                DIFFICULTY_FORM,
                201,
            ),
        ),
    ),
    Endpoint(
        "api-recommendations",
        "supervision",
        (
            _read(
                "Kiến nghị giám sát của Mặt trận và tình trạng xử lý (recommendations)",
                page_of("Difficulty"),
                *ITEM_FILTERS,
                paged=True,
            ),
            _post(
                "Mặt trận ghi kiến nghị giám sát tới một cơ quan (record a recommendation)",
                "Difficulty",
                RECOMMENDATION_FORM,
                201,
            ),
        ),
    ),
    Endpoint(
        "api-difficulty",
        "supervision",
        (_read("Một khó khăn hoặc kiến nghị", ref("Difficulty")),),
    ),
    _step(
        "api-difficulty-answer",
        "Cơ quan xử lý hoặc Sở Nội vụ hướng dẫn, trả lời (answer)",
        _text_step("text"),
    ),
    _step(
        "api-difficulty-hand-over",
        "Sở Nội vụ chuyển cho cơ quan khác xử lý (hand over)",
        HAND_OVER_FORM,
    ),
    _step(
        "api-difficulty-escalate",
        "Sở Nội vụ tham mưu UBND tỉnh chỉ đạo xử lý (escalate with a proposal)",
        _text_step("proposal"),
    ),
    _step(
        "api-difficulty-resolve",
        "Ghi nhận đã giải quyết (resolve): cơ quan xử lý, Sở Nội vụ, cơ quan nêu",
        _text_step("resolution"),
    ),
    Endpoint(
        "api-directions",
        "supervision",
        (
            _read(
                "Chỉ đạo của UBND tỉnh và tình trạng thực hiện (directions)",
                page_of("Direction"),
                PLAN,
                Param(
                    "status",
                    "Tình trạng thực hiện",
                    {"type": "string", "enum": list(DirectionStatus.values)},
                ),
                paged=True,
            ),
            _post(
                "Sở Nội vụ ghi nhận chỉ đạo của UBND tỉnh và giao việc (record a direction)",
                "DirectionDetail",
                DIRECTION_FORM,
                201,
            ),
        ),
    ),
    Endpoint(
        "api-direction",
        "supervision",
        (
            _read(
                "Một chỉ đạo: các phần việc theo dõi và khó khăn được trả lời",
                ref("DirectionDetail"),
            ),
        ),
    ),
    Endpoint(
        "api-feedback",
        "supervision",
        (
            _read(
                "Góp ý, phản ánh của người dân (cho cán bộ; không có cách liên hệ)",
                page_of("Feedback"),
                PLAN,
                Param("task", "Mã (id) nhiệm vụ"),
                Param("commune", "Mã (id) xã, phường"),
                Param(
                    "state", "Trạng thái", {"type": "string", "enum": list(FeedbackState.values)}
                ),
                paged=True,
            ),
        ),
    ),
    Endpoint(
        "api-feedback-item",
        "supervision",
        (
            _read(
                "Một góp ý; `contact` chỉ cho người kiểm duyệt, trả lời được (else null)",
                ref("FeedbackDetail"),
            ),
        ),
    ),
    _step(
        "api-feedback-moderate",
        "Sở Nội vụ tiếp nhận hoặc không tiếp nhận góp ý (moderate)",
        MODERATE_FORM,
        "FeedbackDetail",
    ),
    _step(
        "api-feedback-answer",
        "Sở Nội vụ hoặc cơ quan có nhiệm vụ trả lời, có thể công khai (answer)",
        FEEDBACK_ANSWER_FORM,
        "FeedbackDetail",
    ),
)
