"""The API declared as data: every endpoint's operations, parameters and responses. The OpenAPI
3.1 document is generated from this list and the URL patterns (paths come from `api/urls.py`,
so the two cannot drift apart silently; a test checks every URL is declared here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.urls import URLPattern

from chiso.api.converters import CONVERTERS
from chiso.api.query import DEFAULT_PAGE_SIZE, ID, MAX_PAGE_SIZE, PAGE, PAGE_SIZE, YEAR
from chiso.api.schemas import BOOL, SCHEMAS, STR, Schema, page_of, ref
from chiso.plans.evidence import KINDS as EVIDENCE_KINDS
from chiso.plans.models import Relation
from chiso.plans.services.reports import TEXT_LIMIT as REPORT_TEXT_LIMIT
from chiso.plans.status import Status

API_VERSION = "1.6.0"
JSON = "application/json"
# Every error status an operation may answer, with what it means; each operation lists its own.
ERRORS = {
    400: "Tham số hoặc dữ liệu không hợp lệ (bad parameter or field, named in `field`)",
    401: "Chưa đăng nhập / mã truy cập không hợp lệ (not authenticated)",
    403: "Không có quyền (forbidden)",
    404: "Không tìm thấy hoặc không thuộc phạm vi của người dùng (not found or not yours)",
    409: "Xung đột với trạng thái hiện tại, ví dụ báo cáo trước đang chờ duyệt (conflict)",
    413: "Dữ liệu gửi lên quá lớn (request body too large)",
    415: "Không phải multipart/form-data (unsupported media type)",
    503: "Cơ sở dữ liệu đang bận ghi; chưa lưu gì, hãy thử lại (busy; see Retry-After)",
}


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    schema: Schema = field(default_factory=ID.schema)
    required: bool = False


# Which index's results: PAPI by default (results endpoints, API 1.4).
INDEX_PARAM = Param(
    "index",
    "Bộ chỉ số: PAPI (mặc định), PCI, PAR_INDEX, SIPAS (which index's results)",
    {"type": "string", "enum": ["PAPI", "PCI", "PAR_INDEX", "SIPAS"]},
)


@dataclass(frozen=True)
class FormBody:
    """A multipart/form-data request body; `encoding` says which files a field takes."""

    schema: Schema
    encoding: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Operation:
    method: str
    summary: str
    response: Schema
    params: tuple[Param, ...] = ()
    status: int = 200
    public: bool = False
    paged: bool = False
    body: FormBody | None = None
    media_types: tuple[str, ...] = (JSON,)
    errors: tuple[int, ...] = (400, 404)  # 401 and 403 are added unless the operation is public


@dataclass(frozen=True)
class Endpoint:
    url_name: str
    tag: str
    operations: tuple[Operation, ...]
    examples: dict[str, Any] = field(default_factory=dict)  # path parameter → example value


PAGING = (
    Param("page", "Số trang, từ 1; quá trang cuối: 404 (page number)", PAGE.schema()),
    Param(
        "page_size",
        f"Số dòng mỗi trang, mặc định {DEFAULT_PAGE_SIZE}, tối đa {MAX_PAGE_SIZE}",
        PAGE_SIZE.schema(),
    ),
)
NO_NUL = "^[^\\x00]*$"
# OpenAPI 3.1 spelling of a file part (the encoding below names the accepted types).
FILE: Schema = {"type": "string", "contentMediaType": "application/octet-stream"}
REPORT_FORM = FormBody(
    {
        "type": "object",
        "required": ["narrative", "progress"],
        "properties": {
            # Some character other than white space, and no NUL (a database cannot store it).
            "narrative": {
                "type": "string",
                "pattern": "^[^\\x00]*[^\\x00\\s][^\\x00]*$",
                "maxLength": REPORT_TEXT_LIMIT,
            },
            "figures": {"type": "string", "pattern": NO_NUL, "maxLength": REPORT_TEXT_LIMIT},
            "progress": {"type": "integer", "minimum": 0, "maximum": 100},
            "is_final": {**BOOL, "description": "true: nhiệm vụ đã xong; cần progress = 100"},
            "revises": {**ID.schema(), "description": "Mã báo cáo bị trả lại mà báo cáo này sửa"},
            "evidence": {"type": "array", "items": FILE},
        },
        # A final report says the task is done: its progress is 100.
        "if": {"properties": {"is_final": {"const": True}}, "required": ["is_final"]},
        "then": {"properties": {"progress": {"const": 100}}},
    },
    {"evidence": {"contentType": ", ".join(kind.content_type for kind in EVIDENCE_KINDS)}},
)


def decision_form(choices: tuple[str, str]) -> FormBody:
    """A reviewer's or head's decision on a report (optimistic locking by `version`)."""
    return FormBody(
        {
            "type": "object",
            "required": ["decision", "version"],
            "properties": {
                "decision": {"type": "string", "enum": list(choices)},
                "comment": {
                    "type": "string",
                    "pattern": NO_NUL,
                    "description": "Bắt buộc khi trả lại (required to return)",
                },
                "version": {**ID.schema(), "description": "`version` của báo cáo đang xem"},
            },
            # Returning a report says why: some character other than white space.
            "if": {"properties": {"decision": {"const": "return"}}, "required": ["decision"]},
            "then": {
                "required": ["comment"],
                "properties": {"comment": {"pattern": "^[^\\x00]*[^\\x00\\s][^\\x00]*$"}},
            },
        }
    )


DECIDED = (400, 404, 409, 415, 503)

ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint(
        "api-openapi",
        "meta",
        (
            Operation(
                "get", "Tài liệu OpenAPI này (this document)", {"type": "object"}, public=True
            ),
        ),
    ),
    Endpoint(
        "api-plans",
        "plans",
        (
            Operation(
                "get",
                "Danh sách kế hoạch (plans)",
                page_of("Plan"),
                paged=True,
                params=(Param("year", "Năm kế hoạch", YEAR.schema()),),
            ),
        ),
    ),
    Endpoint(
        "api-plan",
        "plans",
        (
            Operation(
                "get",
                "Kế hoạch, mục tiêu và các mục (plan with objectives and sections)",
                ref("PlanDetail"),
            ),
        ),
    ),
    Endpoint(
        "api-plan-objectives",
        "plans",
        (
            Operation(
                "get",
                "Tình trạng thực hiện mục tiêu (objective status)",
                ref("ObjectiveStatusList"),
                params=(
                    Param(
                        "year",
                        "Năm kết quả dùng để đánh giá; mặc định năm kế hoạch",
                        YEAR.schema(),
                    ),
                ),
            ),
        ),
    ),
    Endpoint(
        "api-tasks",
        "tasks",
        (
            Operation(
                "get",
                "Bộ khung nhiệm vụ (tasks)",
                page_of("Task"),
                paged=True,
                params=(
                    Param("plan", "Mã (id) kế hoạch"),
                    Param("section", "Mã (id) mục của kế hoạch"),
                    Param(
                        "unit",
                        "Mã chỉ số/chỉ số nội dung của chỉ số của kế hoạch, ví dụ 2 hoặc 2.4; "
                        "của chỉ số khác: PCI:time_costs",
                        dict(STR),
                    ),
                ),
            ),
        ),
    ),
    Endpoint(
        "api-task",
        "tasks",
        (
            Operation(
                "get", "Nhiệm vụ và các phân công mà người dùng được xem (task)", ref("TaskDetail")
            ),
        ),
    ),
    Endpoint(
        "api-assignments",
        "assignments",
        (
            Operation(
                "get",
                "Phân công (assignments)",
                page_of("Assignment"),
                paged=True,
                params=(
                    Param("agency", "Mã (id) cơ quan"),
                    Param("plan", "Mã (id) kế hoạch"),
                    Param("task", "Mã (id) nhiệm vụ"),
                    Param("relation", "Quan hệ", {"type": "string", "enum": list(Relation.values)}),
                    Param("status", "Trạng thái", {"type": "string", "enum": list(Status.values)}),
                    Param(
                        "overdue",
                        "Chỉ các phân công quá hạn (true) hoặc loại trừ chúng (false)",
                        dict(BOOL),
                    ),
                ),
            ),
        ),
    ),
    Endpoint(
        "api-assignment",
        "assignments",
        (Operation("get", "Một phân công (assignment)", ref("Assignment")),),
    ),
    Endpoint(
        "api-assignment-reports",
        "reports",
        (
            Operation(
                "get", "Các báo cáo tiến độ của phân công (reports)", page_of("Report"), paged=True
            ),
            Operation(
                "post",
                "Gửi báo cáo tiến độ kèm tệp minh chứng (submit a report)",
                ref("Report"),
                status=201,
                body=REPORT_FORM,
                errors=(400, 404, 409, 413, 415, 503),
            ),
        ),
    ),
    Endpoint(
        "api-report", "reports", (Operation("get", "Một báo cáo tiến độ (report)", ref("Report")),)
    ),
    Endpoint(
        "api-report-review",
        "reports",
        (
            Operation(
                "post",
                "Sở Nội vụ chấp nhận hoặc trả lại báo cáo (review; never one's own report)",
                ref("Report"),
                body=decision_form(("accept", "return")),
                errors=DECIDED,
            ),
        ),
    ),
    Endpoint(
        "api-report-signoff",
        "reports",
        (
            Operation(
                "post",
                "Lãnh đạo cơ quan đồng ý gửi Sở Nội vụ hoặc trả lại (agency head sign-off)",
                ref("Report"),
                body=decision_form(("approve", "return")),
                errors=DECIDED,
            ),
        ),
    ),
    Endpoint(
        "api-inbox",
        "reports",
        (
            Operation(
                "get",
                "Báo cáo chờ người dùng xử lý, cũ nhất trước (review inbox)",
                page_of("Report"),
                paged=True,
                params=(
                    Param(
                        "queue",
                        "review: chờ duyệt; returned: cần bổ sung; signoff: chờ lãnh đạo cơ quan",
                        {"type": "string", "enum": ["review", "returned", "signoff"]},
                    ),
                ),
            ),
        ),
    ),
    Endpoint(
        "api-assignment-periods",
        "assignments",
        (Operation("get", "Các kỳ báo cáo của phân công (reporting periods)", ref("PeriodList")),),
    ),
    Endpoint(
        "api-notifications",
        "notifications",
        (
            Operation(
                "get",
                "Thông báo của người dùng, mới nhất trước (notifications)",
                page_of("Notification"),
                paged=True,
                params=(Param("unread", "Chỉ chưa đọc (true) hoặc đã đọc (false)", dict(BOOL)),),
            ),
        ),
    ),
    Endpoint(
        "api-notification-read",
        "notifications",
        (
            Operation(
                "post",
                "Đánh dấu đã đọc (mark read)",
                ref("Notification"),
                errors=(404,),
            ),
        ),
    ),
    Endpoint(
        "api-evidence",
        "reports",
        (
            Operation(
                "get",
                "Tải tệp minh chứng (evidence file)",
                {"type": "string", "format": "binary"},
                media_types=tuple(kind.content_type for kind in EVIDENCE_KINDS),
            ),
        ),
    ),
    Endpoint(
        "api-results-ranking",
        "results",
        (
            Operation(
                "get",
                "Xếp hạng các tỉnh theo một chỉ số (ranking; public data)",
                ref("Ranking"),
                public=True,
                params=(
                    Param("unit", "Mã chỉ số; mặc định aggregate (tổng hợp)", dict(STR)),
                    INDEX_PARAM,
                ),
            ),
        ),
        examples={"year": 2022},
    ),
    Endpoint(
        "api-results-profile",
        "results",
        (
            Operation(
                "get",
                "Kết quả của một tỉnh (province profile; public data)",
                ref("Profile"),
                public=True,
                params=(INDEX_PARAM,),
            ),
        ),
        examples={"year": 2022, "province": "khanh-hoa"},
    ),
)


def _with_activities(core: tuple[Endpoint, ...]) -> tuple[Endpoint, ...]:
    """The activities' endpoints and sub-assignments, and the supervision loop's, declared in
    their own modules."""
    from chiso.api.spec_activities import ACTIVITY_ENDPOINTS
    from chiso.api.spec_supervision import SUPERVISION_ENDPOINTS

    return (*core, *ACTIVITY_ENDPOINTS, *SUPERVISION_ENDPOINTS)


ENDPOINTS = _with_activities(ENDPOINTS)


_CONVERTER = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>")
_CONVERTER_SCHEMA: dict[str, Schema] = {
    "str": {"type": "string", "pattern": "^[^/]+$"},
    **{name: converter.allowed.schema() for name, converter in CONVERTERS.items()},
}


def _routes() -> dict[str, str]:
    from chiso.api import urls

    return {
        p.name: str(p.pattern) for p in urls.urlpatterns if isinstance(p, URLPattern) and p.name
    }


def _path_params(route: str, examples: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    params = [
        {
            "name": m["name"],
            "in": "path",
            "required": True,
            "schema": _CONVERTER_SCHEMA[m["conv"] or "str"],
        }
        for m in _CONVERTER.finditer(route)
    ]
    for param in params:
        if param["name"] in examples:
            param["example"] = examples[param["name"]]
    return "/" + _CONVERTER.sub(r"{\g<name>}", route), params


def _responses(op: Operation) -> dict[str, Any]:
    success = {"schema": op.response}
    responses: dict[str, Any] = {
        str(op.status): {"description": "OK", "content": {t: success for t in op.media_types}}
    }
    statuses = sorted({*op.errors, *(() if op.public else (401, 403))})
    for status in statuses:
        responses[str(status)] = {
            "description": ERRORS[status],
            "content": {JSON: {"schema": ref("Error")}},
        }
    return responses


def _operation(
    endpoint: Endpoint, op: Operation, path_params: list[dict[str, Any]]
) -> dict[str, Any]:
    params = path_params + [
        {
            "name": p.name,
            "in": "query",
            "required": p.required,
            "description": p.description,
            "schema": p.schema,
        }
        for p in (*op.params, *(PAGING if op.paged else ()))
    ]
    result: dict[str, Any] = {
        "operationId": f"{endpoint.url_name.replace('-', '_')}_{op.method}",
        "summary": op.summary,
        "tags": [endpoint.tag],
        "parameters": params,
        "responses": _responses(op),
        "security": [] if op.public else [{"bearer": []}, {"session": []}],
    }
    if op.body is not None:
        form: dict[str, Any] = {"schema": op.body.schema}
        if op.body.encoding:
            form["encoding"] = op.body.encoding
        result["requestBody"] = {"required": True, "content": {"multipart/form-data": form}}
    return result


def openapi_document(server_url: str = "/api/v1") -> dict[str, Any]:
    routes = _routes()
    paths: dict[str, Any] = {}
    for endpoint in ENDPOINTS:
        path, path_params = _path_params(routes[endpoint.url_name], endpoint.examples)
        paths[path] = {
            op.method: _operation(endpoint, op, path_params) for op in endpoint.operations
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "chiso API",
            "version": API_VERSION,
            "description": "Kế hoạch, nhiệm vụ, phân công, báo cáo tiến độ và kết quả chỉ số. "
            'Lỗi: {"error": {"code", "message"}}. Ngày theo ISO 8601. '
            "Tiếng Anh: Accept-Language: en.",
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "chiso token create USERNAME",
                },
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
        },
    }
