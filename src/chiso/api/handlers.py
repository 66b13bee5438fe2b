"""The site's 400 and 500 handlers: JSON in the API's error shape under /api/, Django's own
pages everywhere else. They answer what `auth.api_view` leaves to Django: a bug in a view (after
Django has logged it and middleware had its say), a middleware failing, a forged Host header."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.views import defaults

from chiso.api import errors


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request: HttpRequest, exception: Any) -> HttpResponse:
    if _is_api(request):
        return errors.unreadable_body()
    return defaults.bad_request(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _is_api(request):
        return errors.server_error()
    return defaults.server_error(request)
