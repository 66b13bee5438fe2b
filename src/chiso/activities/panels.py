"""The home-page panel: inspections and their follow-up for coordinators and leadership, the
visits to their own agency for agency staff."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.activities import access
from chiso.activities.summary import agency_inspections, inspection_summary
from chiso.web.home import HomePanel


def activities_panel(request: HttpRequest) -> HomePanel | None:
    user = request.user
    if not user.is_authenticated or getattr(user, "province", None) is None:
        return None
    if access.reads_province(user):
        summary = inspection_summary(user.province)
        if not summary.inspection_plans:
            return None
        return HomePanel(
            _("Kiểm tra và khắc phục"), "activities/_panel_summary.html", {"summary": summary}
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
