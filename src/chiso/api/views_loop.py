"""API views for the reporting loop: the review inbox, review and head sign-off decisions,
notifications and reporting periods (the same services and access rules as the pages)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.api.auth import api_view
from chiso.api.errors import ApiError, bad_request, json_response
from chiso.api.query import ID, bool_param, choice_param, paged
from chiso.api.representations import (
    notification_json,
    period_json,
    report_json,
    report_rows,
    reports_json,
)
from chiso.api.submission import FORM_TYPES
from chiso.notifications import services as notification_services
from chiso.notifications.models import Notification
from chiso.plans import inbox, services
from chiso.plans.access import assignments_for, get_or_404, reports_for
from chiso.plans.models import ProgressReport
from chiso.plans.status import due_soon_days
from chiso.site import clock
from chiso.workflow.errors import ServiceError, StaleVersion

QUEUES = ("review", "returned", "signoff")


def _with_details(qs: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    return qs.select_related("author", "reviewer", "head_reviewer").prefetch_related("evidence")


@api_view()
def inbox_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    queue = choice_param(request, "queue", QUEUES) or "review"
    found = {
        "review": inbox.review_queue,
        "returned": inbox.returned_queue,
        "signoff": inbox.signoff_queue,
    }[queue](request.user)
    # The queue picks the page's ids and count; its rows are read by id alone.
    return json_response(paged(request, found, reports_json, report_rows))


def _decision(request: HttpRequest, choices: tuple[str, str]) -> tuple[bool, str, int]:
    """(yes, comment, version) from a form body: decision, comment, version."""
    if request.content_type not in FORM_TYPES:
        raise ApiError(415, "unsupported_media_type", _("Gửi dưới dạng multipart/form-data."))
    decision = request.POST.get("decision", "")
    if decision not in choices:
        raise bad_request(
            _("Trường “decision” phải là %(a)s hoặc %(b)s.") % {"a": choices[0], "b": choices[1]},
            "decision",
        )
    comment = request.POST.get("comment", "")
    if "\x00" in comment:
        raise bad_request(_("Trường “comment” chứa ký tự không hợp lệ."), "comment")
    raw = request.POST.get("version", "")
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19 or int(raw) not in ID:
        raise bad_request(_("Trường “version” phải là số phiên bản của báo cáo."), "version")
    return decision == choices[0], comment, int(raw)


def _decided(request: HttpRequest, report: ProgressReport) -> HttpResponse:
    return json_response(report_json(_with_details(reports_for(request.user)).get(pk=report.pk)))


def _conflict(exc: ServiceError) -> ServiceError | ApiError:
    """A rule about the report's state (already reviewed, still with the head): 409."""
    if exc.field is not None or isinstance(exc, StaleVersion):
        return exc
    return ApiError(409, "conflict", exc.message)


@api_view(methods=("POST",))
def report_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = get_or_404(reports_for(request.user).select_related("assignment"), pk=pk)
    accept, comment, version = _decision(request, ("accept", "return"))
    try:
        services.review_report(
            request.user, report, accept=accept, comment=comment, version=version
        )
    except ServiceError as exc:
        raise _conflict(exc) from None
    return _decided(request, report)


@api_view(methods=("POST",))
def report_signoff(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    report = get_or_404(reports_for(request.user).select_related("assignment"), pk=pk)
    approve, comment, version = _decision(request, ("approve", "return"))
    try:
        services.sign_off_report(
            request.user, report, approve=approve, comment=comment, version=version
        )
    except ServiceError as exc:
        raise _conflict(exc) from None
    return _decided(request, report)


@api_view()
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = Notification.objects.filter(recipient_id=request.user.pk).order_by("-created_at", "-id")
    unread = bool_param(request, "unread")
    if unread is not None:
        qs = qs.filter(read_at__isnull=unread)
    return json_response(paged(request, qs, lambda rows: [notification_json(n) for n in rows]))


@api_view(methods=("POST",))
def notification_read(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = get_or_404(Notification.objects.filter(recipient_id=request.user.pk), pk=pk)
    notification_services.mark_read(request.user, notification)
    notification.refresh_from_db()
    return json_response(notification_json(notification))


@api_view()
def assignment_periods(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = get_or_404(assignments_for(request.user), pk=pk)
    today, soon = clock.today(), due_soon_days()
    return json_response(
        {
            "assignment": assignment.pk,
            "next_due": assignment.next_due.isoformat() if assignment.next_due else None,
            "periods": [period_json(p, today, soon) for p in assignment.periods.all()],
        }
    )
