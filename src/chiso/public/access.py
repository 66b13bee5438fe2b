"""Who may open the results pages that only leadership reads (the cross-index page)."""

from __future__ import annotations

from chiso.accounts.roles import DOCUMENT_REQUESTERS, Viewer, has_role


def can_see_indices(user: Viewer) -> bool:
    """Provincial leadership, the plan's coordinators (Sở Nội vụ) and administrators."""
    return has_role(user, DOCUMENT_REQUESTERS)
