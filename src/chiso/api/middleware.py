"""The API's answer to a busy database: the same 503 and Retry-After as the pages
(chiso.web.middleware.DatabaseBusyMiddleware), in the API's JSON error format."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from chiso.api.errors import error_response
from chiso.web.middleware import busy_message, database_busy


class ApiDatabaseBusyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not (request.path.startswith("/api/") and database_busy(exception)):
            return None
        response: HttpResponse = error_response(503, "busy", busy_message())
        response["Retry-After"] = "5"
        return response
