"""The session engine (SESSION_ENGINE): Django's database sessions, each row tagged with its
user, so that `end_sessions` can end every session of one person in one query."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore as DBStore

if TYPE_CHECKING:
    from chiso.accounts.models import User, UserSession


class SessionStore(DBStore):
    @classmethod
    def get_model_class(cls) -> Any:
        from chiso.accounts.models import UserSession

        return UserSession

    def create_model_instance(self, data: dict[str, Any]) -> Any:
        instance = cast("UserSession", super().create_model_instance(data))
        user_id = data.get(SESSION_KEY)
        instance.user_id = int(user_id) if user_id is not None else None
        return instance


def end_sessions(user: User) -> int:
    """Delete every session of `user`; returns how many there were."""
    from chiso.accounts.models import UserSession

    deleted, _by_model = UserSession.objects.filter(user=user).delete()
    return deleted
