"""Who reads and changes the responsibilities map: everyone of the province reads it (every
agency should know its own and the others' areas); coordinators and administrators set it."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from chiso.accounts.models import Agency, Role
from chiso.responsibilities.models import Responsibility


def agencies_for(user: Any) -> QuerySet[Agency]:
    """The agencies whose areas a user may open: their province's (404 for the others)."""
    if not user.is_authenticated or user.province_id is None:
        return Agency.objects.none()
    return Agency.objects.filter(province_id=user.province_id)


def responsibilities_for(user: Any) -> QuerySet[Responsibility]:
    if not user.is_authenticated or user.province_id is None:
        return Responsibility.objects.none()
    return Responsibility.objects.filter(province_id=user.province_id)


def can_edit_map(user: Any, province_id: int | None) -> bool:
    return bool(
        user.is_authenticated
        and user.role in (Role.COORDINATOR, Role.ADMIN)
        and province_id is not None
        and user.province_id == province_id
    )
