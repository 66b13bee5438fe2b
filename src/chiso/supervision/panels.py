"""The supervision app's panels on other apps' pages (chiso.web.panels): on the home page, the
open, overdue and escalated difficulties and recommendations the user sees (the province's for
coordinators, leadership and the Front; their agency's for staff) and the People's Committee's
directions: given, done on time, done late, overdue; on a plan's dashboard, the plan's
difficulties and recommendations."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.plans.access import current_plans_first, plans_for
from chiso.plans.models import Plan
from chiso.site import clock
from chiso.supervision import access
from chiso.supervision.listing import counts, direction_counts
from chiso.web.panels import HOME, PLAN_DASHBOARD, Panel, register_panel


def supervision_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not user.is_authenticated or getattr(user, "province", None) is None:
        return None
    plan = current_plans_first(plans_for(user), clock.today()).first()
    if plan is None:
        return None
    today = clock.today()
    figures = counts(access.difficulties_for(user).filter(plan=plan), today)
    directions = direction_counts(access.directions_for(user).filter(plan=plan), today)
    if not figures.any and not directions.given:
        return None
    return Panel(
        _("Khó khăn, kiến nghị và chỉ đạo"),
        "supervision/_panel.html",
        {"counts": figures, "plan": plan, "directions": directions},
        testid="home-supervision",
    )


def plan_supervision_panel(request: HttpRequest, plan: Plan) -> Panel | None:
    """Open, overdue and escalated difficulties and recommendations of the plan (issue 20)."""
    figures = counts(access.difficulties_for(request.user).filter(plan=plan), clock.today())
    if not figures.any:
        return None
    return Panel(
        _("Khó khăn, vướng mắc và kiến nghị"),
        "supervision/_panel.html",
        {"counts": figures, "plan": plan},
        testid="dashboard-supervision",
    )


register_panel(HOME, supervision_panel)
register_panel(PLAN_DASHBOARD, plan_supervision_panel)
