"""API views for the work itself: assignments, progress reports (read and submit), evidence."""

from __future__ import annotations

from django.db.models import QuerySet
from django.db.models.lookups import Exact
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.api.auth import api_view
from chiso.api.errors import json_response
from chiso.api.query import bool_param, choice_param, int_param, paged
from chiso.api.representations import (
    assignment_json,
    assignments_json,
    listed_assignments,
    listed_page,
    report_json,
    report_rows,
    reports_json,
)
from chiso.plans.access import assignments_for, evidence_for, get_or_404, reports_for
from chiso.plans.models import Assignment, ProgressReport, Relation
from chiso.plans.status import Status, overdue_filter, status_expression
from chiso.site import clock

# The list's order: a province's assignments task by task (index `assignment_province_task`).
LIST_ORDER = ("task_id", "id")


def _assignments(request: HttpRequest) -> QuerySet[Assignment]:
    return assignments_for(request.user).select_related("agency", "task")


@api_view()
def assignment_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = clock.today()
    # Only ids are read here (the page's rows by `listed_assignments`): no related rows, and the
    # status CASE is compiled only for the filters that need it.
    qs = assignments_for(request.user).order_by(*LIST_ORDER)
    for name, field in (("agency", "agency_id"), ("plan", "task__plan_id"), ("task", "task_id")):
        value = int_param(request, name)
        if value is not None:
            qs = qs.filter(**{field: value})
    relation = choice_param(request, "relation", Relation.values)
    if relation:
        qs = qs.filter(relation=relation)
    status = choice_param(request, "status", Status.values)
    if status == Status.OVERDUE:
        qs = qs.filter(overdue_filter(today))  # on the columns: estimated right, indexed
    elif status:
        qs = qs.filter(Exact(status_expression(today), status))
    overdue = bool_param(request, "overdue")
    if overdue:
        qs = qs.filter(overdue_filter(today))
    elif overdue is not None:
        qs = qs.exclude(Exact(status_expression(today), Status.OVERDUE.value))
    # The filters pick the page's ids and count; its rows are joined to them by id alone.
    page = paged(
        request,
        qs,
        lambda rows: assignments_json(rows, today),
        listed_assignments,
        joined=listed_page(LIST_ORDER),
    )
    return json_response(page)


@api_view()
def assignment_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = get_or_404(_assignments(request), pk=pk)
    return json_response(assignment_json(assignment, clock.today()))


def _reports(request: HttpRequest) -> QuerySet[ProgressReport]:
    return (
        reports_for(request.user)
        .select_related("author", "reviewer", "head_reviewer")
        .prefetch_related("evidence")
    )


@api_view(methods=("GET", "POST"))
def assignment_reports(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = get_or_404(_assignments(request), pk=pk)
    if request.method == "POST":
        return _submit(request, assignment)
    qs = reports_for(request.user).filter(assignment=assignment).order_by("submitted_at", "id")
    return json_response(paged(request, qs, reports_json, report_rows))


def _submit(request: AuthenticatedHttpRequest, assignment: Assignment) -> HttpResponse:
    from chiso.api.submission import submit_from_request

    report = submit_from_request(request, assignment)
    return json_response(report_json(_reports(request).get(pk=report.pk)), status=201)


@api_view()
def report_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return json_response(report_json(get_or_404(_reports(request), pk=pk)))


@api_view()
def evidence_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    evidence = get_or_404(evidence_for(request.user), pk=pk)
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.original_name,
        content_type=evidence.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response
