"""Who sees and changes villages. Everyone of a province sees its villages (they are public
places); coordinators and administrators of the province change them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from chiso.accounts.models import Role
from chiso.places.models import Village


def villages_for(user: Any) -> QuerySet[Village]:
    """The villages a user may see: their province's, every province's for a national viewer."""
    qs = Village.objects.select_related("commune", "commune__parent")
    if not user.is_authenticated:
        return qs.none()
    if user.sees_all_provinces:
        return qs
    if user.province_id is None:
        return qs.none()
    return qs.filter(province_id=user.province_id)


def can_manage_villages(user: Any, province_id: int | None) -> bool:
    return bool(
        user.is_authenticated
        and user.role in (Role.COORDINATOR, Role.ADMIN)
        and province_id is not None
        and user.province_id == province_id
    )
