"""Who sees and changes villages (on chiso.accounts.roles). Everyone of a province sees its
villages (they are public places); coordinators and administrators of the province change them."""

from __future__ import annotations

from django.db.models import QuerySet

from chiso.accounts.roles import Viewer, in_province, is_coordinator, scoped
from chiso.places.models import Village


def villages_for(user: Viewer) -> QuerySet[Village]:
    """The villages a user may see: their province's, every province's for a national viewer."""
    return scoped(Village.objects.select_related("commune", "commune__parent"), user)


def can_manage_villages(user: Viewer, province_id: int | None) -> bool:
    return is_coordinator(user) and in_province(user, province_id)
