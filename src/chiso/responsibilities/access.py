"""Who reads and changes the responsibilities map: everyone of the province reads it (every
agency should know its own and the others' areas); coordinators and administrators set it.
Built on the shared rules of `chiso.accounts.roles`."""

from __future__ import annotations

from django.db.models import QuerySet

from chiso.accounts import roles
from chiso.accounts.models import Agency
from chiso.accounts.roles import Viewer
from chiso.responsibilities.models import Responsibility


def agencies_for(user: Viewer) -> QuerySet[Agency]:
    """The agencies whose areas a user may open: their province's (404 for the others)."""
    province_id = roles.province_id_of(user)
    if roles.role_of(user) is None or province_id is None:
        return Agency.objects.none()
    return Agency.objects.filter(province_id=province_id)


def responsibilities_for(user: Viewer) -> QuerySet[Responsibility]:
    province_id = roles.province_id_of(user)
    if roles.role_of(user) is None or province_id is None:
        return Responsibility.objects.none()
    return Responsibility.objects.filter(province_id=province_id)


def can_edit_map(user: Viewer, province_id: int | None) -> bool:
    return roles.is_coordinator(user) and roles.in_province(user, province_id)
