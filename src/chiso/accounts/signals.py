"""When a person's credentials change, whatever proved who they were ends — in this one place.

A password set (changed by the person, reset through the e-mail link, set by an administrator
in the admin or with `chiso changepassword`) or an account that is saved inactive ends every
session of that person and sends `access_revoked`, on which the API revokes their tokens
(chiso.api.signals). The page where people change their own password keeps them logged in:
Django's update_session_auth_hash then gives that one session a new key.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver
from django.http import HttpRequest

from chiso.accounts.middleware import stamp_login
from chiso.accounts.models import User
from chiso.accounts.sessions import end_sessions
from chiso.audit.services import record

# Sent with `user` and `reason` ("password" or "deactivated") inside the saving transaction.
access_revoked = Signal()


def _revocation_reason(user: User, created: bool) -> str | None:
    if created:
        return None
    # AbstractBaseUser.set_password keeps the new raw password in `_password` until the save
    # that stores it; the silent re-hash at log-in (a newer hasher) clears it before saving,
    # so only a real password change is seen here.
    if getattr(user, "_password", None) is not None:
        return "password"
    if not user.is_active:
        return "deactivated"
    return None


@receiver(post_save, sender=User, dispatch_uid="chiso.accounts.revoke_access")
def revoke_access(sender: Any, instance: User, created: bool, **kwargs: Any) -> None:
    reason = _revocation_reason(instance, created)
    if reason is None:
        return
    sessions = end_sessions(instance)
    if reason == "password":
        record(None, instance, "user.password_set", province=instance.province)
    elif sessions:
        record(
            None,
            instance,
            "user.sessions_ended",
            {"sessions": [sessions, 0]},
            province=instance.province,
        )
    access_revoked.send(sender=User, user=instance, reason=reason)


@receiver(user_logged_in, dispatch_uid="chiso.accounts.stamp_login")
def start_session_clocks(
    sender: Any, request: HttpRequest | None, user: User, **kwargs: Any
) -> None:
    if request is not None and hasattr(request, "session"):
        stamp_login(request.session)
