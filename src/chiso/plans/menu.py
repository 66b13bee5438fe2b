"""The plan workspace in the menu: plans, the inbox with its count, the guides
(chiso.web.navigation)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from chiso.accounts.roles import REPORTING_ROLES, REVIEWING_ROLES, has_role
from chiso.plans.inbox import inbox_count
from chiso.web.navigation import NavEntry, register_entry

if TYPE_CHECKING:
    from chiso.accounts.models import User


def _inbox_users(user: User) -> bool:
    # By role alone (no query on every page): leadership sees the entry even when the province
    # has not named them to review Sở Nội vụ's reports.
    return has_role(user, REPORTING_ROLES | REVIEWING_ROLES)


register_entry(NavEntry("plans:plan-list", _("Kế hoạch"), order=50))
register_entry(
    NavEntry("plans:inbox", _("Chờ xử lý"), order=60, visible_to=_inbox_users, badge=inbox_count)
)
register_entry(NavEntry("plans:help", _("Hướng dẫn"), order=100))
