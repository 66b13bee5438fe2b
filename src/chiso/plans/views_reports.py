"""Assignment pages: the report thread, the agency's report form, the coordinator's review,
evidence downloads, "my assignments" and an agency's page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts import roles
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.audit.history import entries_for, history_rows
from chiso.audit.services import with_scope_revision
from chiso.plans import access, inbox, services
from chiso.plans.cascade_panel import CascadePanel, cascade_panel
from chiso.plans.compliance import current_compliance
from chiso.plans.forms import AssignmentScheduleForm, ReportForm, ReviewForm, SignOffForm
from chiso.plans.models import TASK_SCOPE, Assignment, ProgressReport
from chiso.plans.thread import thread_part
from chiso.site import clock
from chiso.web.fragments import fragment
from chiso.web.panels import AGENCY, ASSIGNMENT_THREAD, panels
from chiso.web.params import int_param
from chiso.workflow.errors import ServiceError
from chiso.workflow.forms import show_error


def assignment_for(request: HttpRequest, pk: int) -> Assignment:
    """The assignment with its fragment key's counters, if the user sees it (else 404).
    Only what every request needs: the rest of the page's head is a cached fragment, and its
    plan, section and group are fetched only when that fragment is rendered. Fetched by id and
    checked on the row (`access.sees_assignment`, the rules of `access.assignments_for`)."""
    qs = with_scope_revision(
        Assignment.objects.select_related("task", "agency"), TASK_SCOPE, "task_id"
    )
    assignment = access.get_or_404(qs, pk=pk)
    if not access.sees_assignment(request.user, assignment):
        raise Http404
    return assignment


def _page(
    request: AuthenticatedHttpRequest,
    assignment: Assignment,
    report_form: ReportForm | None,
    revising: ProgressReport | None = None,
    review_forms: dict[int, ReviewForm | SignOffForm] | None = None,
    cascade: CascadePanel | None = None,
) -> HttpResponse:
    # Keyed on the task's own changes and the province's other ones: reports on other tasks
    # (most changes on a deadline day) leave the page cached.
    page = fragment(
        assignment.province_id,
        "assignment",
        assignment.pk,
        roles.viewer_key(request.user),
        ("task", assignment.scope_revision),  # type: ignore[attr-defined]
        revision=assignment.shared_revision,  # type: ignore[attr-defined]
    )
    thread = thread_part(request, assignment, review_forms, page)
    can_report = access.can_report_on(request.user, assignment) and assignment.completed_on is None
    if report_form is None and can_report and not thread.waiting:
        revising = revising or thread.returned
        report_form = ReportForm(initial=_revision_initial(revising, assignment))
        report_form.offer_periods(assignment, revising)
        report_form.offer_carried(revising)
    return render(
        request,
        "plans/assignment_detail.html",
        {
            "assignment": assignment,
            "task": assignment.task,
            "plan": SimpleLazyObject(lambda: assignment.task.plan),
            "fragment": page,
            "thread_html": thread.html,
            "today": clock.today(),
            "report_form": report_form if can_report else None,
            "revising": revising,
            "waiting": thread.waiting,
            "status": assignment.status(clock.today()),
            "periods": SimpleLazyObject(lambda: list(assignment.periods.all())),
            # Read only when its cached part is rendered (chiso.plans.cascade_panel).
            "cascade": cascade
            or SimpleLazyObject(lambda: cascade_panel(request.user, assignment, clock.today())),
            # Who reviews this assignment's reports, when not Sở Nội vụ (a sub-assignment).
            "reviewing_agency": SimpleLazyObject(lambda: _reviewing_agency(assignment)),
            # Other apps' parts of the thread (the work counted for it: chiso.activities), read
            # only when the cached part is rendered.
            "thread_panels": SimpleLazyObject(
                lambda: panels(ASSIGNMENT_THREAD, request, assignment)
            ),
            "split_bound": cascade is not None,
            "can_report_now": can_report,
            "can_split": access.can_split(request.user, assignment),
            "schedule_form": _schedule_form(request, assignment),
        },
    )


def _schedule_form(request: HttpRequest, assignment: Assignment) -> AssignmentScheduleForm | None:
    """The coordinator's form for this agency's own reporting schedule."""
    if not access.can_edit_plan(request.user) or assignment.parent_id is not None:
        return None
    return AssignmentScheduleForm.for_assignment(assignment)


@login_required
@require_POST
def assignment_schedule(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = assignment_for(request, pk)
    if not access.can_edit_plan(request.user, assignment.task.plan):
        raise PermissionDenied
    form = AssignmentScheduleForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
        return redirect("plans:assignment-detail", pk=assignment.pk)
    try:
        services.set_assignment_schedule(request.user, assignment, **form.cleaned_data)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Đã lưu lịch báo cáo của cơ quan này."))
    return redirect("plans:assignment-detail", pk=assignment.pk)


def _reviewing_agency(assignment: Assignment) -> str:
    if assignment.parent_id is None:
        return ""
    return str(assignment.parent.agency.name)  # type: ignore[union-attr]


def render_assignment(
    request: AuthenticatedHttpRequest, assignment: Assignment, *, cascade: CascadePanel
) -> HttpResponse:
    """The assignment's page with a bound split form (chiso.plans.views_cascade)."""
    return _page(request, assignment, None, cascade=cascade)


def _revision_initial(revising: ProgressReport | None, assignment: Assignment) -> dict[str, object]:
    if revising is None:  # the agency's own part (a split assignment's total rolls up)
        return {"progress": assignment.own_progress}
    return {
        "narrative": revising.narrative,
        "figures": revising.figures,
        "progress": revising.progress,
        "is_final": revising.is_final,
    }


@login_required
def assignment_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _page(request, assignment_for(request, pk), None)


@login_required
@require_POST
def report_submit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = assignment_for(request, pk)
    if not access.can_report_on(request.user, assignment):
        raise PermissionDenied
    revises = None
    revises_id = int_param(request.POST, "revises")
    if revises_id is not None:
        revises = access.get_or_404(
            access.reports_for(request.user).filter(assignment=assignment), pk=revises_id
        )
    form = ReportForm(request.POST, request.FILES)
    form.offer_periods(assignment, revises)
    form.offer_carried(revises)
    if form.is_valid():
        try:
            services.submit_report(request.user, assignment, revises=revises, **form.cleaned_data)
        except ServiceError as error:
            show_error(form, error)
        else:
            messages.success(request, _sent_message(assignment))
            return redirect("plans:assignment-detail", pk=assignment.pk)
    return _page(request, assignment, form, revises)


def _sent_message(assignment: Assignment) -> str:
    if assignment.parent_id is not None:
        return _("Đã gửi báo cáo tới %(agency)s.") % {"agency": _reviewing_agency(assignment)}
    return _("Đã gửi báo cáo tới Sở Nội vụ.")


@login_required
@require_POST
def report_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = access.get_or_404(access.reports_for(request.user).select_related("assignment"), pk=pk)
    if not access.can_review(request.user, report.assignment):
        raise PermissionDenied
    form = ReviewForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.review_report(
                request.user,
                report,
                accept=data["decision"] == "accept",
                comment=data["comment"],
                version=data["version"],
            )
        except ServiceError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Đã ghi nhận ý kiến duyệt báo cáo."))
            if request.POST.get("then") == "next":
                return _next_in_inbox(request, report)
            return redirect("plans:assignment-detail", pk=report.assignment_id)
    return _page(
        request, assignment_for(request, report.assignment_id), None, None, {report.pk: form}
    )


@login_required
@require_POST
def report_signoff(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The agency head approves an officer's report or sends it back."""
    report = access.get_or_404(access.reports_for(request.user).select_related("assignment"), pk=pk)
    if not access.can_sign_off(request.user, report.assignment):
        raise PermissionDenied
    form = SignOffForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.sign_off_report(
                request.user,
                report,
                approve=data["decision"] == "approve",
                comment=data["comment"],
                version=data["version"],
            )
        except ServiceError as error:
            show_error(form, error)
        else:
            messages.success(request, _("Đã ghi nhận ý kiến của lãnh đạo cơ quan."))
            return redirect("plans:assignment-detail", pk=report.assignment_id)
    return _page(
        request, assignment_for(request, report.assignment_id), None, None, {report.pk: form}
    )


def _next_in_inbox(request: AuthenticatedHttpRequest, report: ProgressReport) -> HttpResponse:
    """ "Accept and next": the oldest report still waiting for this reviewer, or the inbox."""
    following = inbox.next_waiting(request.user, report)
    if following is None:
        messages.info(request, _("Không còn báo cáo nào chờ anh/chị duyệt."))
        return redirect("plans:inbox")
    url = reverse("plans:assignment-detail", args=[following.assignment_id])
    return redirect(f"{url}#bao-cao-{following.pk}")


@login_required
def evidence_download(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    evidence = access.get_or_404(access.evidence_for(request.user), pk=pk)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )


@login_required
def assignment_history(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = assignment_for(request, pk)
    objects = [assignment, *assignment.reports.all()]
    return render(
        request,
        "plans/history.html",
        {
            "object": assignment,
            "plan": assignment.task.plan,
            "back_url": reverse("plans:assignment-detail", args=[assignment.pk]),
            "history": history_rows(entries_for(objects)),
        },
    )


def _assignment_rows(qs: object) -> list[Assignment]:
    return list(
        qs.select_related("task", "task__plan", "task__section", "agency")  # type: ignore[attr-defined]
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=ProgressReport.objects.only(
                    "id", "state", "assignment_id", "submitted_at"
                ),
            )
        )
        .order_by("deadline", "task__order", "id")
    )


@login_required
def my_assignments(request: AuthenticatedHttpRequest) -> HttpResponse:
    user = request.user
    qs = (
        access.assignments_for(user).filter(agency_id=user.agency_id)
        if user.agency_id
        else Assignment.objects.none()
    )
    return render(
        request,
        "plans/my_assignments.html",
        {
            "assignments": _assignment_rows(qs),
            "agency": user.agency,
            "today": clock.today(),
        },
    )


@login_required
def agency_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = access.get_or_404(roles.agencies_for(request.user), pk=pk)
    qs = access.assignments_for(request.user).filter(agency=agency)
    return render(
        request,
        "plans/agency_detail.html",
        {
            "agency": agency,
            "assignments": _assignment_rows(qs),
            "panels": panels(AGENCY, request, agency),
            "today": clock.today(),
            "compliance": current_compliance(qs, clock.today()),
        },
    )
