"""JSON errors: every failure of the API is `{"error": {"code", "message"}}` with its status."""

from __future__ import annotations

from typing import Any

from django.http import JsonResponse
from django.utils.translation import gettext as _

JSON_PARAMS = {"ensure_ascii": False}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.field = field


def json_response(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params=JSON_PARAMS)


def error_response(status: int, code: str, message: str, field: str | None = None) -> JsonResponse:
    body: dict[str, Any] = {"code": code, "message": message}
    if field:
        body["field"] = field
    response = json_response({"error": body}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="chiso"'
    return response


def bad_request(message: str, field: str | None = None) -> ApiError:
    return ApiError(400, "bad_request", message, field)


def not_found(message: str | None = None, field: str | None = None) -> ApiError:
    return ApiError(404, "not_found", message or _("Không tìm thấy."), field)


def forbidden(message: str | None = None) -> ApiError:
    return ApiError(403, "forbidden", message or _("Bạn không có quyền thực hiện thao tác này."))


def unreadable_body() -> JsonResponse:
    return error_response(400, "bad_request", _("Không đọc được dữ liệu gửi lên."))


def server_error() -> JsonResponse:
    """What the caller hears of a bug (the traceback goes to the log only)."""
    return error_response(500, "server_error", _("Lỗi máy chủ; lỗi đã được ghi lại."))
