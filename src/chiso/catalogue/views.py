"""The task catalogue: list by unit, XLSX export/import, and suggestions for a plan's weak units
with one-click "add to plan". Thin views over chiso.catalogue.services."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from chiso.accounts.models import Province
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.catalogue.export import catalogue_workbook
from chiso.catalogue.from_plans import add_plan_tasks
from chiso.catalogue.services import (
    CatalogueImportError,
    add_to_plan,
    entries_for,
    find_entry,
    for_plan,
    other_index_groups,
    replace_catalogue,
    update_entry,
    usual_leads,
)
from chiso.dashboards.weakness import WeakUnits, weak_units_from
from chiso.index import load_framework
from chiso.index.catalogue import CatalogueError, suggest
from chiso.plans.access import can_edit_plan, current_plans_first, get_or_404, plans_for
from chiso.plans.units import index_name
from chiso.public.data import current_results
from chiso.site import clock
from chiso.spreadsheets.xlsx import xlsx_response
from chiso.workflow.errors import ServiceError


def _province(request: HttpRequest) -> Province:
    province = getattr(request.user, "province", None)
    if province is None:
        raise Http404  # a national viewer has no province catalogue
    return province


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    entries, starter = entries_for(province)
    fw = load_framework("PAPI")
    units = [u for u in fw.units if u.level != "aggregate"]
    by_unit = suggest(entries, [u.code for u in units], fw)
    groups = [
        (u.code, f"{u.code}. {u.name(None, 'vi')}", by_unit[u.code])
        for u in units
        if by_unit[u.code]
    ]
    groups += other_index_groups(entries)
    context = {
        "groups": groups,
        "starter": starter,
        "count": len(entries),
        "can_edit": can_edit_plan(request.user),
        "plans": current_plans_first(plans_for(request.user), clock.today()),
    }
    return render(request, "catalogue/index.html", context)


@login_required
@require_POST
def from_plan(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Add a plan's tasks (a past year's, usually) to the province's catalogue."""
    _province(request)
    if not can_edit_plan(request.user):
        raise PermissionDenied
    plan_id = request.POST.get("ke_hoach", "")
    plan = get_or_404(plans_for(request.user), pk=int(plan_id) if plan_id.isdigit() else 0)
    added = add_plan_tasks(request.user, plan)
    if added:
        message = _("Đã thêm %(n)s nhiệm vụ của %(plan)s vào danh mục.")
        messages.success(request, message % {"n": added, "plan": plan.label})
    else:
        messages.info(request, _("Danh mục đã có mọi nhiệm vụ gắn chỉ số của kế hoạch này."))
    return redirect("catalogue:index")


@login_required
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    entries, _starter = entries_for(province)
    return xlsx_response("danh-muc-nhiem-vu.xlsx", catalogue_workbook(entries, province.name))


@login_required
@require_POST
def import_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    if not can_edit_plan(request.user):
        raise PermissionDenied
    upload = request.FILES.get("tep")
    if upload is None:
        messages.error(request, _("Chưa chọn tệp."))
        return redirect("catalogue:index")
    try:
        done = replace_catalogue(request.user, province, upload.name or "", upload.read())
    except CatalogueImportError as exc:
        for error in exc.errors[:20]:
            messages.error(request, error)
        return redirect("catalogue:index")
    messages.success(request, _("Đã nhập %(n)s nhiệm vụ vào danh mục.") % {"n": done.count})
    return redirect("catalogue:index")


@login_required
def plan_suggestions(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_or_404(plans_for(request.user).select_related("province"), pk=plan_pk)
    results = current_results(plan.index)
    no_results = _("Chưa nhập kết quả %(index)s nào; quản trị hệ thống cần nhập kết quả trước.") % {
        "index": index_name(plan.index)
    }
    weak = weak_units_from(results, plan) if results else WeakUnits(None, {}, {}, no_results)
    entries, starter = entries_for(plan.province)
    entries = tuple(for_plan(e, plan) for e in entries)
    fw = load_framework(plan.index)
    units = [u for u in weak.units.values()]
    found = suggest(entries, [u.code for u in units], fw)
    existing = set(plan.tasks.values_list("title", flat=True))
    shown = {e.code: e for u in units for e in found[u.code]}
    leads = {
        code: ", ".join(a.name for a in usual_leads(plan.province, e)) for code, e in shown.items()
    }
    context = {
        "plan": plan,
        "weak": weak,
        "rows": [(u, [(e, leads[e.code]) for e in found[u.code]]) for u in units],
        "existing": existing,
        "starter": starter,
        "can_edit": can_edit_plan(request.user, plan),
        "sections": plan.sections.all(),
    }
    return render(request, "catalogue/plan.html", context)


@login_required
@require_POST
def plan_add(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = get_or_404(plans_for(request.user).select_related("province"), pk=plan_pk)
    section_id = request.POST.get("muc", "")
    section = plan.sections.filter(pk=int(section_id)).first() if section_id.isdigit() else None
    try:
        task = add_to_plan(request.user, plan, request.POST.get("ma", ""), section)
    except (CatalogueError, ServiceError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Đã thêm nhiệm vụ “%(title)s” vào kế hoạch.") % {"title": task.title}
        )
    return redirect("catalogue:plan", plan.pk)


class EntryForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Nhiệm vụ"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )
    units = forms.CharField(
        label=gettext_lazy("Chỉ số"),
        max_length=200,
        help_text=gettext_lazy(
            "Mã chỉ số PAPI, cách nhau bởi dấu cách: 2.4 5.3; chỉ số khác kèm tên chỉ số: "
            "PCI:time_costs PAR_INDEX:3"
        ),
    )
    lead = forms.CharField(
        label=gettext_lazy("Cơ quan chủ trì thường giao"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Để trống: khi thêm vào kế hoạch, giao cơ quan hướng dẫn chỉ số theo bảng phân công."
        ),
    )
    ref = forms.CharField(label=gettext_lazy("Trích dẫn"), max_length=80, required=False)


@login_required
def entry_edit(request: AuthenticatedHttpRequest, code: str) -> HttpResponse:
    province = _province(request)
    if not can_edit_plan(request.user):
        raise PermissionDenied
    entry = find_entry(province, code)
    if entry is None:
        raise Http404
    initial = {
        "title": entry.title,
        "units": " ".join(entry.units),
        "lead": entry.lead,
        "ref": entry.ref,
    }
    form = EntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update_entry(request.user, province, code, **form.cleaned_data)
        except CatalogueError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu nhiệm vụ %(code)s.") % {"code": code})
            return redirect(f"{reverse('catalogue:index')}#entry-{code}")
    context = {"form": form, "entry": entry, "leads": usual_leads(province, entry)}
    return render(request, "catalogue/edit.html", context)
