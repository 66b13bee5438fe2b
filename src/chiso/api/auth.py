"""The one decorator every API view goes through: who is calling (bearer token or session,
with the CSRF check for session writes), which methods are allowed, and errors as JSON."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.exceptions import (
    PermissionDenied,
    RequestDataTooBig,
    SuspiciousOperation,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse, UnreadablePostError
from django.http.multipartparser import MultiPartParserError
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from chiso.api.errors import ApiError, error_response, unreadable_body
from chiso.api.tokens import user_for_secret
from chiso.workflow.errors import ServiceError, StaleVersion

View = Callable[..., HttpResponseBase]
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
EXPECTED_ERRORS = (ApiError, Http404, PermissionDenied, ServiceError, ValidationError)
# A body Django cannot read (too big, too many fields, broken multipart) is the client's fault.
BODY_ERRORS = (SuspiciousOperation, MultiPartParserError, UnreadablePostError)


def _csrf_failure(request: HttpRequest) -> HttpResponse | None:
    """Run Django's CSRF check on a session request (the API views themselves are exempt so
    that token clients, which carry no cookie, can write)."""
    check = CsrfViewMiddleware(lambda req: HttpResponse())
    check.process_request(request)
    return check.process_view(request, lambda req: HttpResponse(), (), {})


def _authenticate(request: HttpRequest) -> HttpResponse | None:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _sep, secret = header.partition(" ")
        user = user_for_secret(secret.strip()) if scheme.lower() == "bearer" else None
        if user is None:
            return error_response(
                401, "invalid_token", _("Mã truy cập không hợp lệ hoặc đã bị thu hồi.")
            )
        request.user = user
        return None
    writes_with_session = request.user.is_authenticated and request.method not in SAFE_METHODS
    if writes_with_session and _csrf_failure(request) is not None:
        return error_response(
            403, "csrf_failed", _("Thiếu hoặc sai mã CSRF cho yêu cầu ghi qua phiên đăng nhập.")
        )
    return None


def _translate(exc: Exception) -> HttpResponse:
    if isinstance(exc, ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.field)
    if isinstance(exc, Http404):
        return error_response(404, "not_found", _("Không tìm thấy."))
    if isinstance(exc, PermissionDenied):
        return error_response(
            403, "forbidden", str(exc) or _("Bạn không có quyền thực hiện thao tác này.")
        )
    if isinstance(exc, StaleVersion):
        return error_response(409, "stale_version", exc.message, exc.field)
    if isinstance(exc, ServiceError):
        return error_response(400, "invalid", exc.message, exc.field)
    assert isinstance(exc, ValidationError)
    return error_response(400, "invalid", " ".join(exc.messages))


def _body_error(exc: Exception) -> HttpResponse:
    if isinstance(exc, RequestDataTooBig):
        return error_response(413, "too_large", _("Dữ liệu gửi lên quá lớn."))
    return unreadable_body()


def _call(
    view: View, public: bool, request: HttpRequest, *args: Any, **kwargs: Any
) -> HttpResponseBase:
    refused = _authenticate(request)
    if refused is not None:
        return refused
    if not public and not request.user.is_authenticated:
        return error_response(
            401, "not_authenticated", _("Cần đăng nhập hoặc mã truy cập (Bearer).")
        )
    return view(request, *args, **kwargs)


def api_view(
    *, methods: tuple[str, ...] = ("GET",), public: bool = False
) -> Callable[[View], View]:
    """Wrap a view of the API. `public` views (published index results) need no log-in."""
    allowed = frozenset(methods) | ({"HEAD"} if "GET" in methods else frozenset())

    def decorate(view: View) -> View:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if request.method not in allowed:
                response = error_response(
                    405, "method_not_allowed", _("Phương thức không được hỗ trợ.")
                )
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                return _call(view, public, request, *args, **kwargs)
            except EXPECTED_ERRORS as exc:
                return _translate(exc)
            except BODY_ERRORS as exc:  # the CSRF check reads the body too
                return _body_error(exc)
            # Anything else is Django's: logged, middleware's process_exception (a locked
            # SQLite database: 503 busy), then the site's handler500, JSON under /api/.

        return csrf_exempt(wrapper)

    return decorate
