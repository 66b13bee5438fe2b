"""The activities app's panels on other apps' pages (chiso.web.panels): on the home page,
inspections and their follow-up for coordinators and leadership, the visits to their own agency
for agency staff; on a plan's dashboard, the plan's inspections; on an agency's page, the
inspection visits to it; in an assignment's report thread, the work counted for it."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from chiso.accounts import roles
from chiso.accounts.models import Agency, Role, User
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import reads_province, role_of
from chiso.activities import access
from chiso.activities.access import visits_for
from chiso.activities.models import InspectionKind, InspectionPlan, VisitState
from chiso.activities.summary import InspectionSummary, agency_inspections, inspection_summary
from chiso.plans.models import Assignment, Plan
from chiso.site import clock
from chiso.web.panels import AGENCY, ASSIGNMENT_THREAD, HOME, PLAN_DASHBOARD, Panel, register_panel

SHOWN = 5


def activities_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    if not isinstance(user, User) or user.province is None:
        return None
    if reads_province(user):
        if not InspectionPlan.objects.filter(province=user.province).exists():
            return None
        # Wide: its table of inspected agencies needs the row's width.
        return _summary_panel(inspection_summary(user.province), wide=True)
    if user.agency is None:
        return None
    visits = agency_inspections(user.agency)[:3]
    if not visits:
        return None
    return Panel(
        _("Kiểm tra tại đơn vị"),
        "activities/_agency_inspections.html",
        {"visits": visits, "agency": user.agency, "compact": True},
    )


def supervision_panel(request: HttpRequest) -> Panel | None:
    """The Fatherland Front's own supervision: the plans it leads and their visits, planned
    ones first (what it has to do next)."""
    user = request.user
    if role_of(user) != Role.SUPERVISOR or roles.agency_id_of(user) is None:
        return None
    plans = (
        access.inspection_plans_for(user)
        .filter(kind=InspectionKind.FRONT_SUPERVISION, lead_agency_id=roles.agency_id_of(user))
        .annotate(
            planned=Count("visits", filter=Q(visits__state=VisitState.PLANNED)),
            done=Count("visits", filter=Q(visits__state=VisitState.DONE)),
        )
        .order_by("-starts_on", "-id")[:SHOWN]
    )
    return Panel(
        _("Giám sát của Mặt trận"),
        "activities/_panel_supervision.html",
        {"plans": list(plans), "can_create": access.can_create_inspection_plan(user)},
        priority=12,
    )


def plan_inspections_panel(request: HttpRequest, plan: Plan) -> Panel | None:
    """The plan's inspection results, for those who read the whole province (issue 7)."""
    if not reads_province(request.user):
        return None
    if not InspectionPlan.objects.filter(province_id=plan.province_id, plan=plan).exists():
        return None
    return _summary_panel(
        inspection_summary(plan.province, plan, clock.today()),
        testid="dashboard-inspections",
        link_url=reverse("activities:inspection-list"),
        link_label=_("Xem các kế hoạch kiểm tra"),
    )


def _summary_panel(summary: InspectionSummary, **options: Any) -> Panel | None:
    """Inspections and their follow-up (the home page's and a plan dashboard's), checked first
    for an inspection plan at all: the usual case costs one query, not the summary's six."""
    if not summary.inspection_plans:
        return None
    return Panel(
        _("Kiểm tra và khắc phục"),
        "activities/_panel_summary.html",
        {"summary": summary},
        **options,
    )


def agency_inspections_panel(request: HttpRequest, agency: Agency) -> Panel:
    """Inspection visits to the agency that the user may see (the activities app's rule)."""
    visible = set(visits_for(request.user).filter(agency=agency).values_list("pk", flat=True))
    return Panel(
        _("Kiểm tra việc thực hiện"),
        "activities/_agency_inspections.html",
        {"visits": [v for v in agency_inspections(agency) if v.pk in visible], "compact": False},
        testid="agency-inspections",
        link_url=reverse("activities:agency-inspections", args=[agency.pk]),
        link_label=_("Tất cả đợt kiểm tra của đơn vị"),
    )


def assignment_work_panel(
    request: AuthenticatedHttpRequest, assignment: Assignment
) -> Panel | None:
    """In an assignment's report thread: the work counted for it, and the form that sends the
    work not yet reported as a progress report (chiso.activities.counting)."""
    from chiso.activities.counting import work_panel

    work = work_panel(request.user, assignment)
    if not work.lines:
        return None
    return Panel(
        _("Công việc đã thực hiện, tính cho nhiệm vụ này"),
        "activities/_assignment_work.html",
        {"panel": work},
        testid="assignment-work",
    )


register_panel(HOME, supervision_panel)
register_panel(HOME, activities_panel)
register_panel(PLAN_DASHBOARD, plan_inspections_panel)
register_panel(AGENCY, agency_inspections_panel)
register_panel(ASSIGNMENT_THREAD, assignment_work_panel)
