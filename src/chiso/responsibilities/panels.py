"""Home panel for agency staff: the PAPI units their agency guides or answers for (registered
with chiso.web.panels)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.plans.access import current_plans_first, plans_for
from chiso.responsibilities import filters  # noqa: F401  (registers the dashboard filter)
from chiso.responsibilities.models import Responsibility
from chiso.responsibilities.queries import agency_areas
from chiso.site import clock
from chiso.web.panels import HOME, Panel, register_panel


def areas_panel(request: HttpRequest) -> Panel | None:
    user = request.user
    agency = getattr(user, "agency", None)
    if not user.is_authenticated or agency is None:
        return None
    if not Responsibility.objects.filter(agency=agency).exists():
        return None
    today = clock.today()
    plan = current_plans_first(plans_for(user), today).first()
    return Panel(
        _("Lĩnh vực của cơ quan"),
        "responsibilities/_panel.html",
        {"areas": agency_areas(agency, plan, today)},
    )


register_panel(HOME, areas_panel)
