"""Work that counts: count a piece of work for an assignment (and report it in the same step),
send counted work as a progress report, stop counting work not yet reported."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities.counting import count_block, find_work
from chiso.activities.forms_counting import CountForm, WorkReportForm
from chiso.activities.models import WorkLink
from chiso.activities.services.counting import Work, count_work, report_work, unlink_work
from chiso.plans import access as plan_access
from chiso.plans.access import get_or_404
from chiso.workflow.errors import ServiceError


def _work_page(work: Work, kind: str) -> str:
    if kind == "logistics":
        return reverse("activities:survey-detail", args=[work.survey_id])  # type: ignore[union-attr]
    name = {"activity": "activity-detail", "posting": "posting-detail", "visit": "visit-detail"}
    return reverse(f"activities:{name[kind]}", args=[work.pk])


def _errors(form: Any) -> str:
    return " ".join(str(m) for messages_ in form.errors.values() for m in messages_)


@login_required
@require_POST
def work_count(request: AuthenticatedHttpRequest) -> HttpResponse:
    kind, pk = request.POST.get("kind", ""), request.POST.get("work", "")
    if kind not in ("activity", "posting", "visit", "logistics") or not pk.isdigit():
        raise PermissionDenied
    work = find_work(request.user, kind, int(pk))
    block = count_block(request.user, work)
    if not block.choices:
        raise PermissionDenied  # no open assignment of the user's agency this work may count for
    form = CountForm(request.POST, choices=block.choices)
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect(_work_page(work, kind))
    data = form.cleaned_data
    try:
        link = count_work(
            request.user,
            data["assignment"],
            work,
            progress=data["progress"],
            note=data["note"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_work_page(work, kind))
    if link.report_id:
        messages.success(request, _("Đã tính vào nhiệm vụ và gửi báo cáo tiến độ."))
    else:
        messages.success(request, _("Đã tính công việc vào nhiệm vụ được giao."))
    return redirect(_work_page(work, kind))


@login_required
@require_POST
def work_report(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = get_or_404(
        plan_access.assignments_for(request.user).select_related("agency"), pk=pk
    )
    if not plan_access.can_report_on(request.user, assignment):
        raise PermissionDenied
    waiting = WorkLink.objects.filter(assignment=assignment, report__isnull=True)
    form = WorkReportForm(request.POST, link_ids=list(waiting.values_list("pk", flat=True)))
    url = reverse("plans:assignment-detail", args=[assignment.pk])
    if not form.is_valid():
        messages.error(request, _errors(form))
        return redirect(f"{url}#cong-viec")
    data = form.cleaned_data
    try:
        report_work(
            request.user,
            assignment,
            waiting.filter(pk__in=data["links"]),
            progress=data["progress"],
            is_final=data["is_final"],
            note=data["note"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(f"{url}#cong-viec")
    messages.success(request, _("Đã gửi công việc đã thực hiện làm báo cáo tiến độ."))
    return redirect(url)


@login_required
@require_POST
def work_unlink(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    link = get_or_404(
        WorkLink.objects.filter(
            assignment__in=plan_access.assignments_for(request.user)
        ).select_related("assignment__agency"),
        pk=pk,
    )
    try:
        unlink_work(request.user, link)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã bỏ công việc khỏi nhiệm vụ."))
    return redirect("plans:assignment-detail", pk=link.assignment_id)
