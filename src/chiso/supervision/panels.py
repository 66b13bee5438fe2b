"""The supervision app's panels on other apps' pages (chiso.web.panels): on the home page and
on a plan's dashboard, the open, overdue and escalated difficulties and recommendations the user
sees (the province's for coordinators, leadership and the Front; their agency's for staff)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.plans.access import current_plans_first, plans_for
from chiso.plans.models import Plan
from chiso.site import clock
from chiso.supervision import access
from chiso.supervision.listing import counts
from chiso.web.panels import HOME, PLAN_DASHBOARD, Panel, register_panel


def _counts_panel(request: HttpRequest, plan: Plan, title: str, testid: str) -> Panel | None:
    figures = counts(access.difficulties_for(request.user).filter(plan=plan), clock.today())
    if not figures.any:
        return None
    return Panel(title, "supervision/_panel.html", {"counts": figures, "plan": plan}, testid=testid)


def supervision_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not user.is_authenticated or getattr(user, "province", None) is None:
        return None
    plan = current_plans_first(plans_for(user), clock.today()).first()
    if plan is None:
        return None
    return _counts_panel(request, plan, _("Khó khăn, kiến nghị"), "home-supervision")


def plan_supervision_panel(request: HttpRequest, plan: Plan) -> Panel | None:
    """Open, overdue and escalated difficulties and recommendations of the plan (issue 20)."""
    return _counts_panel(
        request, plan, _("Khó khăn, vướng mắc và kiến nghị"), "dashboard-supervision"
    )


register_panel(HOME, supervision_panel)
register_panel(PLAN_DASHBOARD, plan_supervision_panel)
