"""The form where a province enters its own published results for one year (all components).
A thin view over `chiso.results.entry`; refusals are shown with `chiso.workflow.forms`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.index.framework import Framework, FrameworkError, load_framework, shipped_frameworks
from chiso.results.access import can_enter_results
from chiso.results.entry import enter_province_results, score_field
from chiso.results.forms import EntryForm
from chiso.site import clock
from chiso.workflow.forms import run


def _choice(request: HttpRequest) -> tuple[Framework, int]:
    data = request.POST if request.method == "POST" else request.GET
    try:
        fw = load_framework(str(data.get("index") or "PAPI"))
        year = int(str(data.get("year") or clock.today().year - 1))
    except (FrameworkError, ValueError):
        fw, year = load_framework("PAPI"), clock.today().year - 1
    return fw, max(fw.first_year, min(year, clock.today().year))


@login_required
def enter(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_enter_results(request.user):
        raise PermissionDenied
    fw, year = _choice(request)
    form = EntryForm(fw, year, request.POST if request.method == "POST" else None)
    saved = (
        form.is_bound
        and form.is_valid()
        and run(form, enter_province_results, request.user, fw.code, year, form.values())
        is not None
    )
    if saved:
        messages.success(
            request,
            _("Đã lưu kết quả %(index)s năm %(year)s của %(province)s.")
            % {"index": fw.code, "year": year, "province": request.user.province.name},  # type: ignore[union-attr]
        )
        return redirect(f"{reverse('results:enter')}?index={fw.code}&year={year}")
    lang = get_language() or "vi"
    rows = [
        {
            "code": f.unit.code,
            "field": form[score_field(f.unit.code)],
            "name": f.unit.name(year, lang),
            "required": f.required,
            "low": f.scale[0],
            "high": f.scale[1],
            "percent": f.unit.scale.percent,
        }
        for f in form.entries
    ]
    context = {
        "frameworks": [(f.code, f.name.get(lang)) for f in shipped_frameworks()],
        "fw": fw,
        "fw_name": fw.name.get(lang),
        "year": year,
        "form": form,
        "rows": rows,
        "unconfirmed": fw.weights_unconfirmed(year),
    }
    return render(request, "results/enter.html", context)
