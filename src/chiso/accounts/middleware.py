"""How long a log-in lasts: CHISO_SESSION_IDLE_HOURS without a request, and at most
CHISO_SESSION_MAX_DAYS after logging in, whatever happens in between."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

STARTED, SEEN = "chiso_login_at", "chiso_seen_at"
# The session (its row and cookie expiry) is saved again at most this often while in use,
# not on every request.
REFRESH_SECONDS = 300


def now() -> int:
    return int(time.time())


def stamp_login(session: object) -> None:
    """Called when someone logs in: the start of both clocks."""
    session[STARTED] = session[SEEN] = now()  # type: ignore[index]


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> None:
        session, t = request.session, now()
        started, seen = session.setdefault(STARTED, t), session.setdefault(SEEN, t)
        if t - started > settings.CHISO_SESSION_MAX_SECONDS or (
            t - seen > settings.SESSION_COOKIE_AGE
        ):
            logout(request)
            messages.info(request, _("Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."))
        elif t - seen > REFRESH_SECONDS:
            session[SEEN] = t  # saved with a new expiry: SESSION_COOKIE_AGE from now
