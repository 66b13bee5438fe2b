"""Service functions for API tokens: create (the secret is shown once), revoke, authenticate."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.api.models import ApiToken
from chiso.audit.services import record

if TYPE_CHECKING:
    from chiso.accounts.models import User

SECRET_PREFIX = "chiso_"
PREFIX_LENGTH = 12  # "chiso_" + 6 random characters: enough to tell tokens apart in a list
# Writing last_used_at on every request would turn each read into a write; once a minute is enough.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown to the person once, never stored


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(user: User, name: str = "", actor: User | None = None) -> IssuedToken:
    """Issue a new token for `user`. `actor` is who asked (None = the command line)."""
    if not user.is_active:
        raise ValidationError(_("Tài khoản %(user)s đã bị khóa.") % {"user": user.username})
    secret = SECRET_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            name=name.strip(),
            prefix=secret[:PREFIX_LENGTH],
            token_hash=hash_secret(secret),
        )
        record(
            actor,
            token,
            "api_token.create",
            {"user": [None, user.username], "name": [None, token.name]},
            province=user.province,
        )
    return IssuedToken(token, secret)


def revoke_token(token: ApiToken, actor: User | None = None) -> ApiToken:
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().select_related("user").get(pk=token.pk)
        if token.revoked:
            raise ValidationError(
                _("Mã %(prefix)s đã bị thu hồi trước đó.") % {"prefix": token.prefix}
            )
        token.revoked = True
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked", "revoked_at"])
        record(
            actor,
            token,
            "api_token.revoke",
            {"revoked": [False, True]},
            province=token.user.province,
        )
    return token


def revoke_all_tokens(user: User, reason: str) -> int:
    """Revoke every live token of `user` (password set or account locked); returns how many."""
    with transaction.atomic():
        tokens = list(ApiToken.objects.select_for_update().filter(user=user, revoked=False))
        now = timezone.now()
        for token in tokens:
            token.revoked, token.revoked_at = True, now
            token.save(update_fields=["revoked", "revoked_at"])
            record(
                None,
                token,
                "api_token.revoke",
                {"revoked": [False, True]},
                province=user.province,
                note=reason,
            )
    return len(tokens)


def find_token(reference: str) -> ApiToken:
    """A token by id or by prefix, for the command line."""
    qs = ApiToken.objects.select_related("user")
    found = (
        list(qs.filter(pk=int(reference)))
        if reference.isdigit()
        else list(qs.filter(prefix=reference))
    )
    if len(found) != 1:
        raise ValidationError(
            _("Không tìm thấy đúng một mã khớp với “%(ref)s”.") % {"ref": reference}
        )
    return found[0]


def user_for_secret(secret: str) -> Any | None:
    """The active user a bearer secret belongs to, or None (unknown, revoked, inactive)."""
    if not secret.startswith(SECRET_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(token_hash=hash_secret(secret), revoked=False, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def tokens_of(username: str | None = None) -> list[ApiToken]:
    qs = ApiToken.objects.select_related("user")
    if username:
        qs = qs.filter(user__username=username)
    return list(qs)


def user_by_name(username: str) -> Any:
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise ValidationError(_("Không có người dùng “%(user)s”.") % {"user": username})
    return user
