"""XLSX pages: import a task framework (upload → preview → confirm) and the exports. Thin
views over framework_import and exports; objects only through the scoped access helpers."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.plans.access import (
    assignments_for,
    can_edit_plan,
    get_or_404,
    plans_for,
    reports_for,
    tasks_for,
)
from chiso.plans.errors import PlanError
from chiso.plans.models import Plan
from chiso.plans.queries import TaskFilter, filter_tasks
from chiso.site import clock
from chiso.spreadsheets import plan_exports
from chiso.spreadsheets.filters import filter_assignments, filter_reports
from chiso.spreadsheets.forms import FrameworkUploadForm
from chiso.spreadsheets.framework_import import (
    ImportFailed,
    confirm_import,
    preview_upload,
    upload_framework,
)
from chiso.spreadsheets.models import TaskImport
from chiso.spreadsheets.template_file import framework_template
from chiso.spreadsheets.xlsx import xlsx_response
from chiso.web.params import int_param


def _stamp() -> str:
    return clock.today().strftime("%Y%m%d")


def _editable_plan(request: HttpRequest, plan_id: int) -> Plan:
    plan: Plan = get_or_404(plans_for(request.user).select_related("province"), pk=plan_id)
    if not can_edit_plan(request.user, plan):
        raise PermissionDenied(_("Chỉ Sở Nội vụ (điều phối kế hoạch) được nhập bộ khung nhiệm vụ."))
    return plan


@login_required
@require_http_methods(["GET", "POST"])
def import_upload(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = _editable_plan(request, plan_id)
    form = FrameworkUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        task_import = upload_framework(request.user, plan, upload.name, upload.read())
        return redirect("spreadsheets:import_preview", import_id=task_import.pk)
    recent = plan.task_imports.select_related("uploaded_by")[:10]
    return render(
        request, "spreadsheets/import_upload.html", {"plan": plan, "form": form, "recent": recent}
    )


def _own_import(request: HttpRequest, import_id: int) -> TaskImport:
    qs = TaskImport.objects.select_related("plan", "uploaded_by").defer("data")
    task_import: TaskImport = get_or_404(qs.filter(plan__in=plans_for(request.user)), pk=import_id)
    if not can_edit_plan(request.user, task_import.plan):
        raise PermissionDenied(_("Chỉ Sở Nội vụ (điều phối kế hoạch) được nhập bộ khung nhiệm vụ."))
    return task_import


@login_required
def import_preview(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    task_import = _own_import(request, import_id)
    preview = preview_upload(task_import)
    return render(
        request,
        "spreadsheets/import_preview.html",
        {"task_import": task_import, "plan": task_import.plan, "preview": preview},
    )


@login_required
@require_POST
def import_confirm(request: AuthenticatedHttpRequest, import_id: int) -> HttpResponse:
    task_import = _own_import(request, import_id)
    try:
        result = confirm_import(request.user, task_import)
    except ImportFailed as exc:
        for error in exc.errors[:20]:
            messages.error(request, str(error))
        return redirect("spreadsheets:import_preview", import_id=task_import.pk)
    except PlanError as exc:
        messages.error(request, exc.message)
        return redirect("spreadsheets:import_preview", import_id=task_import.pk)
    messages.success(
        request,
        _("Đã nhập %(tasks)s nhiệm vụ (%(assignments)s phân công, %(sections)s mục mới).")
        % {"tasks": result.tasks, "assignments": result.assignments, "sections": result.sections},
    )
    return redirect("dashboards:plan", plan_id=task_import.plan_id)


@login_required
def framework_template_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    return xlsx_response("mau-bo-khung-nhiem-vu.xlsx", framework_template(clock.today().year))


@login_required
def plan_xlsx(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = get_or_404(plans_for(request.user).select_related("issuer"), pk=plan_id)
    name = f"ke-hoach-{plan.pk}-{_stamp()}.xlsx"
    return xlsx_response(name, plan_exports.plan_workbook(plan))


@login_required
def tasks_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The workspace's task list as filtered there (same TaskFilter, plus ?plan=)."""
    tasks = tasks_for(request.user)
    plan_id = int_param(request.GET, "plan")
    if plan_id is not None:
        tasks = tasks.filter(plan_id=plan_id)
    tasks = filter_tasks(tasks, TaskFilter.from_query(request.GET), clock.today())
    return xlsx_response(f"nhiem-vu-{_stamp()}.xlsx", plan_exports.tasks_workbook(tasks))


@login_required
def assignments_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = clock.today()
    qs = filter_assignments(assignments_for(request.user), request.GET, today)
    return xlsx_response(f"phan-cong-{_stamp()}.xlsx", plan_exports.assignments_workbook(qs, today))


@login_required
def reports_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = filter_reports(reports_for(request.user), request.GET)
    return xlsx_response(f"bao-cao-{_stamp()}.xlsx", plan_exports.reports_workbook(qs))
