"""Who may restructure: a province's coordinators and administrators abolish a level of its
agencies; only an administrator merges two provinces (a change across provinces)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from chiso.accounts.models import Province
from chiso.accounts.roles import in_province, is_admin, is_coordinator, province_id_of

if TYPE_CHECKING:
    from chiso.accounts.models import User


def can_abolish(user: User, province: Province | None) -> bool:
    return province is not None and is_coordinator(user) and in_province(user, province.pk)


def can_merge(user: User, absorbed: Province | None = None, into: Province | None = None) -> bool:
    """An administrator of the deployment, or of one of the two provinces (without them: any
    administrator may open the page)."""
    if not is_admin(user):
        return False
    own = province_id_of(user)
    named = {p.pk for p in (absorbed, into) if p is not None}
    return own is None or not named or own in named
