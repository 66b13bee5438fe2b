"""The request type of a page behind a log-in, for the type checker.

`login_required` (and the API's token check) guarantee that `request.user` is a chiso User, never
Django's AnonymousUser; annotating those views with `AuthenticatedHttpRequest` lets mypy see it,
so the services they call can take a `User` instead of `Any`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest

if TYPE_CHECKING:
    from chiso.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User  # narrower than HttpRequest's User | AnonymousUser
