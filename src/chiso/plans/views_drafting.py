"""Drafting a plan (coordinators of the province): the plan's particulars, next year's copy,
objectives and sections (add, edit, delete, reorder), objectives to and from a YAML plan file.

Objects are fetched through `chiso.plans.access` (other provinces: 404) and every change goes
through a service (`services/plans.py`, `drafting.py`, `copying.py`, `importing.py`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import own_province_id
from chiso.index.plan_file import KIND_FIELDS
from chiso.plans import access, services
from chiso.plans.forms_drafting import (
    CopyForm,
    MoveForm,
    ObjectiveForm,
    ObjectiveImportForm,
    PlanForm,
    SectionForm,
    VersionForm,
    new_plan_initial,
    objective_initial,
    plan_initial,
)
from chiso.plans.models import Objective, Plan, Section
from chiso.plans.objective_file import objectives_yaml
from chiso.plans.services.copying import copy_plan_to_next_year, shift_years
from chiso.plans.services.drafting import (
    delete_objective,
    delete_section,
    move_objective,
    move_section,
    save_objective,
    save_section,
)
from chiso.plans.services.importing import import_objectives
from chiso.site import clock
from chiso.workflow.errors import ServiceError
from chiso.workflow.forms import show_error


def _plan_to_edit(request: HttpRequest, pk: int) -> Plan:
    plan = access.get_or_404(access.plans_for(request.user).select_related("province"), pk=pk)
    if not access.can_edit_plan(request.user, plan):
        raise PermissionDenied
    return plan


def _part_to_edit(request: HttpRequest, model: type[Objective | Section], pk: int) -> Any:
    """An objective or section of a plan the user may see; 403 unless they may change it."""
    rows = model.objects.filter(plan__in=access.plans_for(request.user))
    part = access.get_or_404(rows.select_related("plan__province"), pk=pk)
    if not access.can_edit_plan(request.user, part.plan):
        raise PermissionDenied
    return part


def _posted(request: HttpRequest) -> Any:
    """The posted data, bound even when empty (a bare confirmation posts no fields)."""
    return request.POST if request.method == "POST" else None


def _confirm_delete(
    request: HttpRequest,
    part: Objective | Section,
    remove: Callable[..., Any],
    *,
    done: str,
    heading: str,
    anchor: str,
    task_count: int = 0,
) -> HttpResponse:
    """The confirm page of an objective or a section, and its removal on POST (a stale page —
    someone changed the part meanwhile — asks again with the current values)."""
    form = VersionForm(_posted(request), initial={"version": part.version})
    if request.method == "POST" and form.is_valid():
        try:
            remove(request.user, part, version=form.cleaned_data["version"])
        except ServiceError as error:
            show_error(form, error)
            part.refresh_from_db()
        else:
            messages.success(request, done)
            return redirect(_plan_url(part.plan, anchor))
    return render(
        request,
        "plans/drafting/confirm_delete.html",
        {
            "form": form,
            "plan": part.plan,
            "heading": heading,
            "what": str(part),
            "task_count": task_count,
            "cancel_url": _plan_url(part.plan, anchor),
        },
    )


def _plan_url(plan: Plan, anchor: str = "") -> str:
    return reverse("plans:plan-detail", args=[plan.pk]) + (f"#{anchor}" if anchor else "")


def _form_page(request: HttpRequest, form: Any, plan: Plan | None, **context: Any) -> HttpResponse:
    return render(request, "plans/drafting/form_page.html", {"form": form, "plan": plan, **context})


# --- the plan -------------------------------------------------------------------------------


@login_required
def plan_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_edit_plan(request.user):
        raise PermissionDenied
    province_id = own_province_id(request.user)
    if request.method == "POST":
        form = PlanForm(province_id, request.POST)
        if form.is_valid():
            try:
                plan = services.create_plan(request.user, **form.service_fields())
            except ServiceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Đã tạo kế hoạch. Hãy thêm mục tiêu và các mục."))
                return redirect("plans:plan-detail", pk=plan.pk)
    else:
        form = PlanForm(province_id, initial=new_plan_initial(province_id, clock.today().year))
    return _form_page(
        request,
        form,
        None,
        heading=_("Tạo kế hoạch"),
        submit=_("Tạo kế hoạch"),
        cancel_url=reverse("plans:plan-list"),
        testid="plan-form",
    )


@login_required
def plan_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = _plan_to_edit(request, pk)
    if request.method == "POST":
        form = PlanForm(plan.province_id, request.POST)
        if form.is_valid():
            try:
                services.update_plan(
                    request.user,
                    plan,
                    version=form.cleaned_data["version"],
                    **form.service_fields(),
                )
            except ServiceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Đã lưu thông tin kế hoạch."))
                return redirect("plans:plan-detail", pk=plan.pk)
    else:
        form = PlanForm(plan.province_id, initial=plan_initial(plan))
    return _form_page(
        request,
        form,
        plan,
        heading=_("Sửa thông tin kế hoạch"),
        submit=_("Lưu"),
        cancel_url=_plan_url(plan),
        latest_url=_plan_url(plan),
        testid="plan-form",
    )


@login_required
def plan_copy(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    source = _plan_to_edit(request, pk)
    if request.method == "POST":
        form = CopyForm(request.POST)
        if form.is_valid():
            try:
                summary = copy_plan_to_next_year(request.user, source, **form.cleaned_data)
            except ServiceError as error:
                show_error(form, error)
            else:
                messages.success(request, _copy_message(summary))
                if summary.texts_shifted:
                    messages.info(
                        request,
                        _(
                            "%(n)d tên mục, mục tiêu, nhiệm vụ nêu năm kế hoạch hoặc năm cơ sở đã "
                            "được đổi sang năm mới; đề nghị rà soát trước khi ban hành."
                        )
                        % {"n": summary.texts_shifted},
                    )
                if summary.skipped_agencies:
                    messages.warning(
                        request,
                        _("Không chuyển phân công cho cơ quan đã ngừng hoạt động: %(names)s.")
                        % {"names": ", ".join(summary.skipped_agencies)},
                    )
                return redirect("plans:plan-detail", pk=summary.plan.pk)
    else:
        form = CopyForm(initial={"title": shift_years(source.title, source)})
    return _form_page(
        request,
        form,
        source,
        heading=_("Lập kế hoạch năm %(year)d từ kế hoạch này") % {"year": source.year + 1},
        intro=_(
            "Các mục, mục tiêu và nhiệm vụ (kèm chỉ số liên quan và cơ quan được giao) được "
            "chép sang kế hoạch mới cho năm %(year)d, năm cơ sở %(base)d; thời hạn lùi một năm. "
            "Báo cáo, tiến độ và minh chứng không được chép. Kế hoạch mới chưa công khai."
        )
        % {"year": source.year + 1, "base": source.year},
        submit=_("Lập kế hoạch mới"),
        cancel_url=_plan_url(source),
        testid="copy-form",
    )


def _copy_message(summary: Any) -> str:
    return _(
        "Đã lập kế hoạch năm %(year)d: %(sections)d mục, %(objectives)d mục tiêu, "
        "%(tasks)d nhiệm vụ, %(assignments)d phân công."
    ) % {
        "year": summary.plan.year,
        "sections": summary.sections,
        "objectives": summary.objectives,
        "tasks": summary.tasks,
        "assignments": summary.assignments,
    }


# --- objectives -----------------------------------------------------------------------------


def _objective_save(
    request: AuthenticatedHttpRequest, plan: Plan, objective: Objective | None
) -> tuple[ObjectiveForm, bool]:
    """Validate and save a posted objective form; (form to show, saved?)."""
    form = ObjectiveForm(plan, request.POST)
    if not form.is_valid():
        return form, False
    try:
        save_objective(
            request.user,
            plan,
            objective,
            version=form.cleaned_data["version"],
            **form.service_fields(),
        )
    except ServiceError as error:
        show_error(form, error, {"version", "code", "text", "kind", *KIND_FIELDS[form.chosen_kind]})
    else:
        return form, True
    return form, False


def _objective_page(
    request: AuthenticatedHttpRequest, plan: Plan, objective: Objective | None = None
) -> HttpResponse:
    if request.method == "POST" and "refresh" not in request.POST:
        form, saved = _objective_save(request, plan, objective)
        if saved:
            messages.success(request, _("Đã lưu mục tiêu."))
            return redirect(_plan_url(plan, "muc-tieu"))
    elif request.method == "POST":
        # "Đổi loại" without JavaScript: show the new kind's fields, keep what was typed.
        form = ObjectiveForm(plan, initial=request.POST.dict())
    elif objective is not None:
        form = ObjectiveForm(plan, initial=objective_initial(objective))
    else:
        form = ObjectiveForm(plan, initial={"code": str(plan.objectives.count() + 1)})
    return render(
        request,
        "plans/drafting/objective_form.html",
        {"form": form, "plan": plan, "objective": objective},
    )


@login_required
def objective_create(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    return _objective_page(request, _plan_to_edit(request, plan_pk))


@login_required
def objective_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    objective = _part_to_edit(request, Objective, pk)
    return _objective_page(request, objective.plan, objective)


@login_required
@require_GET
def objective_fields(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    """The kind-specific fields for the kind chosen (htmx swaps them in; nothing is saved)."""
    plan = _plan_to_edit(request, plan_pk)
    form = ObjectiveForm(plan, initial=request.GET.dict())
    return render(request, "plans/drafting/_objective_kind_fields.html", {"form": form})


@login_required
def objective_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    objective = _part_to_edit(request, Objective, pk)
    return _confirm_delete(
        request,
        objective,
        delete_objective,
        done=_("Đã xóa mục tiêu."),
        heading=_("Xóa mục tiêu?"),
        anchor="muc-tieu",
    )


@login_required
@require_POST
def objective_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    objective = _part_to_edit(request, Objective, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        move_objective(request.user, objective, form.cleaned_data["direction"])
    return redirect(_plan_url(objective.plan, "muc-tieu"))


@login_required
def objectives_import(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = _plan_to_edit(request, plan_pk)
    form = ObjectiveImportForm(_posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = import_objectives(
                request.user,
                plan,
                upload.read(),
                upload.name,
                replace=form.cleaned_data["replace"],
            )
        except ServiceError as error:
            form.add_error("file", error.message)
        else:
            messages.success(
                request,
                _(
                    "Đã nhập mục tiêu: %(created)d thêm mới, %(updated)d cập nhật, "
                    "%(unchanged)d không đổi, %(removed)d xóa."
                )
                % asdict(summary),
            )
            return redirect(_plan_url(plan, "muc-tieu"))
    return _form_page(
        request,
        form,
        plan,
        heading=_("Nhập mục tiêu từ tệp YAML"),
        intro=_(
            "Tệp ghi đúng chỉ số, tỉnh, năm và năm cơ sở của kế hoạch này. Nếu có lỗi, không "
            "mục tiêu nào được lưu; thông báo nêu tên tệp, mã mục tiêu và trường bị lỗi."
        ),
        submit=_("Nhập mục tiêu"),
        cancel_url=_plan_url(plan, "muc-tieu"),
        multipart=True,
        testid="import-form",
    )


@login_required
@require_GET
def objectives_export(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    """Anyone who reads the plan may download its objectives (nothing beyond the plan page)."""
    plan = access.get_or_404(access.plans_for(request.user).select_related("province"), pk=plan_pk)
    response = HttpResponse(objectives_yaml(plan), content_type="application/yaml; charset=utf-8")
    name = f"muc-tieu-{slugify(plan.index)}-{plan.year}-{slugify(plan.province.name)}.yaml"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- sections -------------------------------------------------------------------------------


def _section_page(
    request: AuthenticatedHttpRequest, plan: Plan, section: Section | None = None
) -> HttpResponse:
    if request.method == "POST":
        form = SectionForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                saved = save_section(
                    request.user,
                    plan,
                    section,
                    version=data["version"],
                    code=data["code"],
                    title=data["title"],
                )
            except ServiceError as error:
                show_error(form, error)
            else:
                messages.success(request, _("Đã lưu mục."))
                return redirect(_plan_url(plan, f"muc-{slugify(saved.code)}"))
    elif section is not None:
        form = SectionForm(
            initial={"version": section.version, "code": section.code, "title": section.title}
        )
    else:
        form = SectionForm()
    return _form_page(
        request,
        form,
        plan,
        heading=_("Sửa mục") if section else _("Thêm mục"),
        submit=_("Lưu mục"),
        cancel_url=_plan_url(plan, "cac-muc"),
        latest_url=_plan_url(plan, "cac-muc") if section else "",
        testid="section-form",
    )


@login_required
def section_create(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    return _section_page(request, _plan_to_edit(request, plan_pk))


@login_required
def section_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    section = _part_to_edit(request, Section, pk)
    return _section_page(request, section.plan, section)


@login_required
def section_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    section = _part_to_edit(request, Section, pk)
    return _confirm_delete(
        request,
        section,
        delete_section,
        done=_("Đã xóa mục."),
        heading=_("Xóa mục?"),
        anchor="cac-muc",
        task_count=section.tasks.count(),
    )


@login_required
@require_POST
def section_move(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    section = _part_to_edit(request, Section, pk)
    form = MoveForm(request.POST)
    if form.is_valid():
        move_section(request.user, section, form.cleaned_data["direction"])
    return redirect(_plan_url(section.plan, f"muc-{slugify(section.code)}"))
