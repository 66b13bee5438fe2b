"""The home-page panels: inspections and their follow-up for coordinators and leadership, the
visits to their own agency for agency staff, the Front's own supervision for supervisors."""

from __future__ import annotations

from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.accounts.models import Role
from chiso.accounts.roles import reads_province, role_of
from chiso.activities import access
from chiso.activities.models import InspectionKind, VisitState
from chiso.activities.summary import agency_inspections, inspection_summary
from chiso.web.home import HomePanel

SHOWN = 5


def activities_panel(request: HttpRequest) -> HomePanel | None:
    user = request.user
    if not user.is_authenticated or getattr(user, "province", None) is None:
        return None
    if reads_province(user):
        summary = inspection_summary(user.province)
        if not summary.inspection_plans:
            return None
        # Wide: its table of inspected agencies needs the row's width.
        return HomePanel(
            _("Kiểm tra và khắc phục"),
            "activities/_panel_summary.html",
            {"summary": summary},
            wide=True,
        )
    if user.agency is None:
        return None
    visits = agency_inspections(user.agency)[:3]
    if not visits:
        return None
    return HomePanel(
        _("Kiểm tra tại đơn vị"),
        "activities/_agency_inspections.html",
        {"visits": visits, "agency": user.agency, "compact": True},
    )


def supervision_panel(request: HttpRequest) -> HomePanel | None:
    """The Fatherland Front's own supervision: the plans it leads and their visits, planned
    ones first (what it has to do next)."""
    user = request.user
    if role_of(user) != Role.SUPERVISOR or user.agency_id is None:
        return None
    plans = (
        access.inspection_plans_for(user)
        .filter(kind=InspectionKind.FRONT_SUPERVISION, lead_agency_id=user.agency_id)
        .annotate(
            planned=Count("visits", filter=Q(visits__state=VisitState.PLANNED)),
            done=Count("visits", filter=Q(visits__state=VisitState.DONE)),
        )
        .order_by("-starts_on", "-id")[:SHOWN]
    )
    return HomePanel(
        _("Giám sát của Mặt trận"),
        "activities/_panel_supervision.html",
        {"plans": list(plans), "can_create": access.can_create_inspection_plan(user)},
        priority=12,
    )
