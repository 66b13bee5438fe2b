"""The API's inspections, activities, postings, survey support, work that counts and
sub-assignments, declared as data (joined to `spec.ENDPOINTS`)."""

from __future__ import annotations

from chiso.activities.models import ActivityKind, AudienceType, InspectionKind, PlaceType
from chiso.api.query import ID
from chiso.api.schemas import DATE, INT, STR, page_of, ref
from chiso.api.spec import NO_NUL, Endpoint, FormBody, Operation, Param

WRITE_ERRORS = (400, 404, 409, 415, 503)

SPLIT_FORM = FormBody(
    {
        "type": "object",
        "required": ["agencies"],
        "properties": {
            "agencies": {
                "type": "array",
                "items": ID.schema(),
                "minItems": 1,
                "description": "Mã (id) các đơn vị cấp dưới nhận một phần việc",
            },
            "deadline": {
                **DATE,
                "description": "Thời hạn (YYYY-MM-DD); để trống: thời hạn của phân công cha",
            },
        },
    }
)
COUNT_FORM = FormBody(
    {
        "type": "object",
        "required": ["kind", "work"],
        "properties": {
            "kind": {"type": "string", "enum": ["activity", "posting", "visit", "logistics"]},
            "work": {**ID.schema(), "description": "Mã (id) của hoạt động, niêm yết, đợt kiểm tra"},
            "progress": {
                **INT,
                "minimum": 0,
                "maximum": 100,
                "description": "Có: gửi luôn làm báo cáo tiến độ với tiến độ này",
            },
            "note": {**STR, "pattern": NO_NUL, "maxLength": 2000},
        },
    }
)


TEXT = {**STR, "pattern": NO_NUL}
LINE = {"type": "string", "pattern": "^[^\\x00]*[^\\x00\\s][^\\x00]*$", "maxLength": 300}
ACTIVITY_FORM = FormBody(
    {
        "type": "object",
        "required": ["plan", "kind", "title", "held_on", "organiser", "audience_type"],
        "properties": {
            "plan": ID.schema(),
            "kind": {"type": "string", "enum": list(ActivityKind.values)},
            "title": LINE,
            "held_on": {**DATE, "description": "Đã diễn ra, trong năm của kế hoạch"},
            "organiser": {**ID.schema(), "description": "Đơn vị tổ chức: của mình hoặc cấp dưới"},
            "audience_type": {"type": "string", "enum": list(AudienceType.values)},
            "audience_count": {**INT, "minimum": 0, "maximum": 999_999_999},
            "place": {**TEXT, "maxLength": 300},
            "description": {**TEXT, "maxLength": 5000},
        },
    }
)
POSTING_FORM = FormBody(
    {
        "type": "object",
        "required": ["plan", "commune", "place_type", "place", "posted_on"],
        "properties": {
            "plan": ID.schema(),
            "commune": {**ID.schema(), "description": "UBND cấp xã (của mình hoặc cấp dưới)"},
            "place_type": {"type": "string", "enum": list(PlaceType.values)},
            "village": {**ID.schema(), "description": "Thôn, tổ dân phố của xã (nhà văn hóa)"},
            "place": LINE,
            "posted_on": {**DATE, "description": "Không ở tương lai"},
            "notes": {**TEXT, "maxLength": 5000},
        },
    }
)


def _reads(
    url_name: str,
    tag: str,
    summary: str,
    item: str,
    *params: Param,
    create: Operation | None = None,
) -> Endpoint:
    read = Operation("get", summary, page_of(item), paged=True, params=params)
    return Endpoint(url_name, tag, (read, create) if create else (read,))


def _one(url_name: str, tag: str, summary: str, schema: str) -> Endpoint:
    return Endpoint(url_name, tag, (Operation("get", summary, ref(schema)),))


PLAN = Param("plan", "Mã (id) kế hoạch")
ACTIVITY_ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "api-sub-assignments",
        "assignments",
        (
            Operation("get", "Phần việc đã giao cho đơn vị cấp dưới", ref("AssignmentList")),
            Operation(
                "post",
                "Giao một phần cho các đơn vị cấp dưới (split an assignment)",
                ref("AssignmentList"),
                status=201,
                body=SPLIT_FORM,
                errors=WRITE_ERRORS,
            ),
        ),
    ),
    Endpoint(
        "api-assignment-work",
        "assignments",
        (
            Operation("get", "Công việc đã thực hiện tính cho phân công", ref("WorkLinkList")),
            Operation(
                "post",
                "Tính một công việc cho phân công, có thể gửi luôn làm báo cáo (count work)",
                ref("WorkLink"),
                status=201,
                body=COUNT_FORM,
                errors=WRITE_ERRORS,
            ),
        ),
    ),
    _reads(
        "api-activities",
        "activities",
        "Hoạt động tập huấn, tuyên truyền (activities)",
        "Activity",
        PLAN,
        Param("kind", "Loại hoạt động", {"type": "string", "enum": list(ActivityKind.values)}),
        Param("organiser", "Mã (id) đơn vị tổ chức"),
        create=Operation(
            "post",
            "Ghi nhận một hoạt động đã diễn ra (record an activity)",
            ref("Activity"),
            status=201,
            body=ACTIVITY_FORM,
            errors=WRITE_ERRORS,
        ),
    ),
    _one("api-activity", "activities", "Một hoạt động (activity)", "Activity"),
    _reads(
        "api-postings",
        "activities",
        "Niêm yết Bộ khung nhiệm vụ (postings)",
        "Posting",
        PLAN,
        Param("commune", "Mã (id) UBND cấp xã"),
        create=Operation(
            "post",
            "Ghi nhận một điểm niêm yết (record a posting)",
            ref("Posting"),
            status=201,
            body=POSTING_FORM,
            errors=WRITE_ERRORS,
        ),
    ),
    _one("api-posting", "activities", "Một điểm niêm yết (posting)", "Posting"),
    _reads(
        "api-villages",
        "activities",
        "Thôn, tổ dân phố (villages and residential groups)",
        "Village",
        Param("commune", "Mã (id) UBND cấp xã"),
    ),
    _one("api-village", "activities", "Một thôn, tổ dân phố (village)", "Village"),
    _reads(
        "api-inspections",
        "inspections",
        "Kế hoạch kiểm tra, giám sát (inspection plans)",
        "Inspection",
        PLAN,
        Param("kind", "Hình thức", {"type": "string", "enum": list(InspectionKind.values)}),
    ),
    _one("api-inspection", "inspections", "Kế hoạch kiểm tra và các đợt", "InspectionDetail"),
    _one(
        "api-visit",
        "inspections",
        "Đợt kiểm tra: kết quả, kiến nghị, nhiệm vụ khắc phục (visit)",
        "Visit",
    ),
    _reads("api-surveys", "survey", "Các đợt khảo sát PAPI (survey support)", "Survey"),
    _one("api-survey", "survey", "Một đợt khảo sát: địa bàn, công việc hậu cần", "SurveyDetail"),
)
