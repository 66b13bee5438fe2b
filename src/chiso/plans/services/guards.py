"""The check every plan service starts with: may this user change the plan (optimistic locking
is `chiso.workflow.locking`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from chiso.accounts.roles import Viewer
from chiso.plans import access
from chiso.plans.models import Plan


def require_plan_editor(user: Viewer, plan: Plan | None = None) -> None:
    if not access.can_edit_plan(user, plan):
        raise PermissionDenied(_("Chỉ Sở Nội vụ (điều phối kế hoạch) được thay đổi kế hoạch này."))
