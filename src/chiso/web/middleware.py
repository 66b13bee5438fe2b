from collections.abc import Callable

from django.conf import settings
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header (Django 5.2 has no built-in one)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        return response


class PrivatePagesMiddleware:
    """Pages and files served to a logged-in user are not stored by browsers or proxies
    (`Cache-Control: no-store`) unless the view chose its own caching (the public pages
    revalidate with an ETag; see chiso.public.caching)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_store=True)
        return response


def database_busy(exception: Exception) -> bool:
    """A write that waited its whole timeout for SQLite's lock ("database is locked")."""
    return isinstance(exception, OperationalError) and "locked" in str(exception)


def busy_message() -> str:
    return _(
        "Hệ thống đang bận lưu thay đổi của người khác nên chưa lưu được thay đổi của bạn. "
        "Vui lòng thử lại sau ít giây."
    )


class DatabaseBusyMiddleware:
    """A write that found the database busy is told to try again (503, Retry-After) with the
    nothing-was-saved message, not a server error. The API answers the same in its own error
    format (chiso.api.middleware, listed after this one so it sees the exception first)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not database_busy(exception):
            return None
        response = render(request, "web/busy.html", {"message": busy_message()}, status=503)
        response["Retry-After"] = "5"
        return response


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Pages are Vietnamese unless the user picked English with the language switch.

    Office PCs often run an English browser; its Accept-Language must not turn the pages
    into English for Vietnamese officials. The JSON API still honours Accept-Language.
    """

    def process_request(self, request: HttpRequest) -> None:
        if not request.path.startswith("/api/"):
            request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
