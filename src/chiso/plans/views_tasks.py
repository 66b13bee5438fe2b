"""Task pages: list with filters, detail, create/edit/delete, group drift, history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts import roles
from chiso.accounts.models import Agency
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.audit.history import entries_for, history_rows
from chiso.audit.services import with_revision
from chiso.plans import access, services, task_table
from chiso.plans.forms import (
    ConfirmForm,
    ScheduleForm,
    TaskForm,
    schedule_initial,
    unit_filter_choices,
)
from chiso.plans.models import Task
from chiso.plans.queries import TaskFilter, filter_tasks, task_rows, with_task_details
from chiso.plans.status import Status
from chiso.plans.units import UnitRef, unit_labels
from chiso.site import clock
from chiso.site.language import content_language
from chiso.web.fragments import fragment
from chiso.workflow.errors import ServiceError
from chiso.workflow.forms import show_error

PAGE_SIZE = 25


@login_required
def task_list(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    """The plan's tasks, filtered and paged. The body is cached in layers (plans.task_table): the
    whole under the province's data revision, the frame under what the page's tasks depend on,
    each row under its own task's changes; the values are lazy, queried only on a miss."""
    plan = access.get_or_404(with_revision(access.plans_for(request.user), shared=True), pk=plan_pk)
    today = clock.today()
    current = TaskFilter.from_query(request.GET)
    parts = (plan.pk, roles.viewer_key(request.user), sorted(request.GET.lists()))
    body = fragment(plan.province_id, "task-list", *parts, revision=plan.data_revision)
    frame = task_table.frame_fragment(
        plan.province_id, current, plan.data_revision, plan.shared_revision, *parts
    )

    def tasks_page() -> Page[int]:
        tasks = filter_tasks(access.tasks_for(request.user).filter(plan=plan), current, today)
        ids = tasks.order_by("order", "id").values_list("pk", flat=True)
        return Paginator(ids, PAGE_SIZE).get_page(request.GET.get("page"))

    page = SimpleLazyObject(tasks_page)

    def rows() -> list[SafeString]:
        ids = task_table.page_ids(frame, lambda: list(page.object_list))
        return task_table.row_html(plan.province_id, ids, plan.shared_revision, today)

    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/task_list.html",
        {
            "plan": plan,
            "fragment": body,
            "frame": frame,
            "page": page,
            "row_html": SimpleLazyObject(rows),
            "filter": current,
            "query": query.urlencode(),
            "today": today,
            "sections": SimpleLazyObject(lambda: list(plan.sections.all())),
            "statuses": Status.choices,
            # (id, name) pairs: a province has a hundred agencies or more once communes report.
            "agencies": SimpleLazyObject(
                lambda: list(
                    Agency.objects.filter(province_id=plan.province_id, active=True)
                    .order_by("name")
                    .values_list("id", "name")
                )
            ),
            "units": SimpleLazyObject(lambda: unit_filter_choices(plan)),
            "can_edit": access.can_edit_plan(request.user, plan),
        },
    )


@login_required
def task_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = access.get_or_404(
        with_task_details(access.tasks_for(request.user)).select_related("plan"), pk=pk
    )
    today = clock.today()
    visible = set(
        access.assignments_for(request.user).filter(task=task).values_list("pk", flat=True)
    )
    can_edit = access.can_edit_plan(request.user, task.plan)
    return render(
        request,
        "plans/task_detail.html",
        {
            "task": task,
            "plan": task.plan,
            "row": task_rows([task], today)[0],
            "today": today,
            "visible": visible,
            "can_edit": can_edit,
            "drift": services.group_drift(task) if can_edit else None,
            "schedule_form": _schedule_form(task) if can_edit else None,
            "unit_labels": unit_labels(
                [UnitRef(u.index, u.unit_code) for u in task.units.all()],
                task.plan.index,
                task.plan.year,
                content_language(),
            ),
        },
    )


def _schedule_form(task: Task) -> ScheduleForm:
    return ScheduleForm(initial=schedule_initial(task))


def _task_form_page(
    request: HttpRequest, form: TaskForm, plan: object, task: object = None
) -> HttpResponse:
    return render(request, "plans/task_form.html", {"form": form, "plan": plan, "task": task})


@login_required
def task_create(request: AuthenticatedHttpRequest, plan_pk: int) -> HttpResponse:
    plan = access.get_or_404(access.plans_for(request.user), pk=plan_pk)
    if not access.can_edit_plan(request.user, plan):
        raise PermissionDenied
    form = TaskForm(plan, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            task = services.create_task(request.user, plan, **form.service_fields())
        except ServiceError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Đã tạo nhiệm vụ và giao cho các cơ quan."))
            return redirect("plans:task-detail", pk=task.pk)
    return _task_form_page(request, form, plan)


@login_required
def task_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = access.get_or_404(access.tasks_for(request.user).select_related("plan"), pk=pk)
    if not access.can_edit_plan(request.user, task.plan):
        raise PermissionDenied
    if request.method == "POST":
        form = TaskForm(task.plan, request.POST)
        if form.is_valid():
            try:
                services.update_task(
                    request.user,
                    task,
                    version=form.cleaned_data["version"],
                    **form.service_fields(),
                )
            except ServiceError as error:
                # A stale version keeps the user's input in the form: nothing typed is lost.
                show_error(form, error)
            else:
                messages.success(request, _("Đã lưu nhiệm vụ."))
                return redirect("plans:task-detail", pk=task.pk)
    else:
        form = TaskForm(task.plan, initial=_initial(task))
    return _task_form_page(request, form, task.plan, task)


def _initial(task: Task) -> dict[str, object]:
    direct = [
        a for a in task.assignments.top_level().select_related("agency") if a.via_group_id is None
    ]
    return {
        "version": task.version,
        "code": task.code,
        "title": task.title,
        "section": task.section_id,
        "description": task.description,
        "lead_group": task.lead_group_id,
        "deadline": task.deadline,
        "recurring": task.recurring,
        "reporting_period": task.reporting_period,
        "expected_output": task.expected_output,
        "is_public": task.is_public,
        "unit_codes": [
            UnitRef(u.index, u.unit_code).token(task.plan.index) for u in task.units.all()
        ],
        "lead_agencies": [a.agency_id for a in direct if a.leads],
        "coordinating": [a.agency_id for a in direct if not a.leads],
    }


@login_required
def task_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = access.get_or_404(access.tasks_for(request.user).select_related("plan"), pk=pk)
    if not access.can_edit_plan(request.user, task.plan):
        raise PermissionDenied
    form = ConfirmForm(request.POST or None, initial={"version": task.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_task(request.user, task, version=form.cleaned_data["version"])
        except ServiceError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Đã xóa nhiệm vụ."))
            return redirect("plans:task-list", plan_pk=task.plan_id)
    return render(
        request, "plans/task_delete.html", {"task": task, "form": form, "plan": task.plan}
    )


@login_required
@require_POST
def task_apply_drift(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = access.get_or_404(access.tasks_for(request.user).select_related("plan"), pk=pk)
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return redirect("plans:task-detail", pk=task.pk)
    try:
        services.apply_group_drift(request.user, task, version=form.cleaned_data["version"])
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã cập nhật phân công theo thành viên hiện tại của nhóm."))
    return redirect("plans:task-detail", pk=task.pk)


@login_required
@require_POST
def task_schedule(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = access.get_or_404(access.tasks_for(request.user).select_related("plan"), pk=pk)
    if not access.can_edit_plan(request.user, task.plan):
        raise PermissionDenied
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("plans:task-detail", pk=task.pk)
    try:
        services.set_schedule(request.user, task, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã lưu lịch báo cáo; các cơ quan được giao có kỳ báo cáo mới.")
        )
    return redirect("plans:task-detail", pk=task.pk)


@login_required
def task_history(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = access.get_or_404(access.tasks_for(request.user).select_related("plan"), pk=pk)
    objects = [
        task,
        *access.assignments_for(request.user).filter(task=task),
        *access.reports_for(request.user).filter(assignment__task=task),
    ]
    return render(
        request,
        "plans/history.html",
        {
            "object": task,
            "plan": task.plan,
            "back_url": reverse("plans:task-detail", args=[task.pk]),
            "history": history_rows(entries_for(objects)),
        },
    )
