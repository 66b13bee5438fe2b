"""The home-page panel: the user's current plan's progress and its overdue count."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.accounts.roles import is_read_only
from chiso.dashboards import work_panels  # noqa: F401  (its panels register before this one)
from chiso.dashboards.dashboard import plan_summary
from chiso.plans.access import current_plans_first, plans_for
from chiso.site import clock
from chiso.web.panels import HOME, Panel, register_panel


def plan_progress_panel(request: HttpRequest) -> Panel | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    plan = current_plans_first(plans_for(user), clock.today()).first()
    if plan is None:
        return None
    counts = plan_summary(plan, clock.today())
    # Leadership's work is the plan's state: it comes first for them, an overview for others.
    leads = is_read_only(user)
    return Panel(
        title=_("Tiến độ kế hoạch"),
        template="dashboards/home_panel.html",
        context={"plan": plan, "counts": counts},
        priority=12 if leads else 100,
    )


register_panel(HOME, plan_progress_panel)
