"""Who may change the stored index results, on `chiso.accounts.roles`: importing a whole
source is the administrators' (`store.import_results`), entering one's own province's
published figures for a year is its coordinator's (Sở Nội vụ) or an administrator's."""

from __future__ import annotations

from chiso.accounts import roles


def can_enter_results(user: roles.Viewer) -> bool:
    """The province's coordinator, or an administrator attached to a province."""
    return roles.is_coordinator(user) and roles.province_id_of(user) is not None
