from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header (Django 5.2 has no built-in one)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
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
