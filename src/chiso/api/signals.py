"""A person's API tokens end with their password or their account (chiso.accounts.signals)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.dispatch import receiver

from chiso.accounts.signals import access_revoked
from chiso.api.tokens import revoke_all_tokens

if TYPE_CHECKING:
    from chiso.accounts.models import User


@receiver(access_revoked, dispatch_uid="chiso.api.revoke_tokens")
def revoke_tokens(sender: Any, user: User, reason: str, **kwargs: Any) -> None:
    revoke_all_tokens(user, reason)
