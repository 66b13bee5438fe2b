"""Home-page panel: the latest PAPI aggregate of the province(s) this deployment serves."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.public import deployment
from chiso.public.data import current_results
from chiso.web.panels import HOME, Panel, register_panel


def latest_results_panel(request: HttpRequest) -> Panel | None:
    results = current_results()
    if results is None:
        return None
    links = deployment.profile_links(results, get_language() or "vi")
    year = results.years[-1]
    return Panel(
        title=_("Kết quả PAPI năm %(year)s") % {"year": year},
        template="public/panel.html",
        context={"links": links, "year": year},
    )


register_panel(HOME, latest_results_panel)
