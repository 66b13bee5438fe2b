"""API views for inspections, activities, postings and survey support (read), sub-assignments
(read, split) and work that counts (read, count), through the pages' access rules and services."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities import access
from chiso.activities.counting import find_work
from chiso.activities.models import (
    ActivityKind,
    AudienceType,
    Finding,
    InspectionKind,
    PlaceType,
    WorkLink,
)
from chiso.activities.services import record_activity, record_posting
from chiso.activities.services.counting import count_work
from chiso.api import forms_activities as forms
from chiso.api.auth import api_view
from chiso.api.errors import ApiError, bad_request, json_response
from chiso.api.query import choice_param, int_param, paged
from chiso.api.representations import assignment_json
from chiso.api.representations_activities import (
    activity_json,
    inspection_json,
    posting_json,
    survey_json,
    village_json,
    visit_json,
    visit_summary_json,
    work_link_json,
)
from chiso.api.submission import FORM_TYPES
from chiso.places.access import villages_for
from chiso.plans import access as plan_access
from chiso.plans.access import get_or_404
from chiso.plans.models import Assignment
from chiso.plans.services import split_assignment
from chiso.site import clock
from chiso.workflow.errors import ServiceError


def _filtered(request: HttpRequest, qs: QuerySet, **fields: str) -> QuerySet:
    for name, field in fields.items():
        value = int_param(request, name)
        if value is not None:
            qs = qs.filter(**{field: value})
    return qs


@api_view(methods=("GET", "POST"))
def activity_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _record_activity(request)
    qs = access.activities_for(request.user).select_related("organiser").order_by("-held_on", "-id")
    qs = _filtered(request, qs, plan="plan_id", organiser="organiser_id")
    kind = choice_param(request, "kind", ActivityKind.values)
    if kind:
        qs = qs.filter(kind=kind)
    return json_response(paged(request, qs, lambda rows: [activity_json(a) for a in rows]))


@api_view()
def activity_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    qs = access.activities_for(request.user).select_related("organiser")
    return json_response(activity_json(get_or_404(qs, pk=pk)))


@api_view(methods=("GET", "POST"))
def posting_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _record_posting(request)
    qs = (
        access.postings_for(request.user)
        .select_related("commune", "village__commune")
        .order_by("posted_on", "id")
    )
    qs = _filtered(request, qs, plan="plan_id", commune="commune_id")
    return json_response(paged(request, qs, lambda rows: [posting_json(p) for p in rows]))


@api_view()
def posting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    qs = access.postings_for(request.user).select_related("commune", "village__commune")
    return json_response(posting_json(get_or_404(qs, pk=pk)))


@api_view()
def village_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = villages_for(request.user).order_by("commune__name", "name", "id")
    qs = _filtered(request, qs, commune="commune_id")
    return json_response(paged(request, qs, lambda rows: [village_json(v) for v in rows]))


@api_view()
def village_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return json_response(village_json(get_or_404(villages_for(request.user), pk=pk)))


@contextmanager
def _rules_as_conflicts() -> Iterator[None]:
    """A well-formed record the rules refuse (a day outside the plan's year or in the future,
    an organiser outside the user's area) conflicts with the plan as it stands: 409, naming
    the field."""
    try:
        yield
    except ServiceError as exc:
        raise ApiError(409, "conflict", exc.message, exc.field) from None


def _record_activity(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.may_record_anything(request.user):
        raise PermissionDenied(_("Anh/chị không ghi nhận được hoạt động."))
    forms.require_form(request)
    fields = forms.activity_fields(request, ActivityKind.values, AudienceType.values)
    plan = fields.pop("plan")
    with _rules_as_conflicts():
        activity = record_activity(request.user, plan, **fields)
    qs = access.activities_for(request.user).select_related("organiser")
    return json_response(activity_json(qs.get(pk=activity.pk)), 201)


def _record_posting(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.may_record_anything(request.user):
        raise PermissionDenied(_("Anh/chị không ghi nhận được niêm yết."))
    forms.require_form(request)
    fields = forms.posting_fields(request, PlaceType.values)
    plan = fields.pop("plan")
    with _rules_as_conflicts():
        posting = record_posting(request.user, plan, **fields)
    qs = access.postings_for(request.user).select_related("commune", "village__commune")
    return json_response(posting_json(qs.get(pk=posting.pk)), 201)


def _inspections(request: HttpRequest) -> QuerySet:
    return (
        access.inspection_plans_for(request.user)
        .select_related("lead_agency")
        .prefetch_related(Prefetch("targets", queryset=Agency.objects.order_by("name")))
    )


@api_view()
def inspection_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = _filtered(
        request, _inspections(request).order_by("-year", "starts_on", "id"), plan="plan_id"
    )
    kind = choice_param(request, "kind", InspectionKind.values)
    if kind:
        qs = qs.filter(kind=kind)
    return json_response(paged(request, qs, lambda rows: [inspection_json(i) for i in rows]))


@api_view()
def inspection_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    inspection = get_or_404(_inspections(request), pk=pk)
    visits = access.visits_for(request.user).filter(inspection_plan=inspection)
    return json_response(
        {
            **inspection_json(inspection),
            "visits": [visit_summary_json(v) for v in visits.select_related("agency")],
        }
    )


@api_view()
def visit_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    qs = (
        access.visits_for(request.user)
        .select_related("agency")
        .prefetch_related(
            Prefetch("findings", queryset=Finding.objects.prefetch_related("recommendations"))
        )
    )
    return json_response(visit_json(get_or_404(qs, pk=pk)))


@api_view()
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = access.surveys_for(request.user).order_by("-year", "id")
    return json_response(paged(request, qs, lambda rows: [survey_json(s) for s in rows]))


@api_view()
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    qs = access.surveys_for(request.user).prefetch_related(
        "locations__district", "logistics__agency"
    )
    return json_response(survey_json(get_or_404(qs, pk=pk), details=True))


# --- sub-assignments and work that counts ------------------------------------------------


def _assignment(request: HttpRequest, pk: int) -> Assignment:
    qs = plan_access.assignments_for(request.user).select_related("agency", "task")
    return get_or_404(qs, pk=pk)


def _form(request: HttpRequest) -> None:
    if request.content_type not in FORM_TYPES:
        raise ApiError(415, "unsupported_media_type", _("Gửi dưới dạng multipart/form-data."))


@api_view(methods=("GET", "POST"))
def sub_assignments(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    parent = _assignment(request, pk)
    if request.method == "POST":
        return _split(request, parent)
    children = Assignment.objects.filter(parent=parent).select_related("agency", "task")
    today = clock.today()
    return json_response([assignment_json(a, today) for a in children.order_by("agency__name")])


def _split(request: AuthenticatedHttpRequest, parent: Assignment) -> HttpResponse:
    if not plan_access.can_split(request.user, parent):
        raise PermissionDenied(_("Chỉ cơ quan được giao nhiệm vụ mới được giao việc cho cấp dưới."))
    _form(request)
    ids = [forms.parse_id(raw, "agencies") for raw in request.POST.getlist("agencies")]
    agencies = list(Agency.objects.filter(province_id=parent.province_id, pk__in=ids))
    if len(agencies) != len(set(ids)):
        raise bad_request(_("Có mã đơn vị không thuộc tỉnh."), "agencies")
    raw = request.POST.get("deadline", "")
    try:
        deadline = dt.date.fromisoformat(raw) if raw else None
    except ValueError:
        raise bad_request(_("Trường “deadline” phải là ngày YYYY-MM-DD."), "deadline") from None
    created = split_assignment(request.user, parent, agencies=agencies, deadline=deadline)
    today = clock.today()
    rows = Assignment.objects.filter(pk__in=[a.pk for a in created]).select_related(
        "agency", "task"
    )
    return json_response([assignment_json(a, today) for a in rows.order_by("agency__name")], 201)


@api_view(methods=("GET", "POST"))
def assignment_work(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = _assignment(request, pk)
    if request.method == "POST":
        return _count(request, assignment)
    links = WorkLink.objects.filter(assignment=assignment).select_related(
        "activity", "posting__commune", "visit__agency", "logistics"
    )
    return json_response([work_link_json(link) for link in links])


def _count(request: AuthenticatedHttpRequest, assignment: Assignment) -> HttpResponse:
    if not plan_access.can_report_on(request.user, assignment):
        raise PermissionDenied(_("Chỉ cơ quan được giao nhiệm vụ mới tính được công việc cho nó."))
    _form(request)
    kind = request.POST.get("kind", "")
    if kind not in ("activity", "posting", "visit", "logistics"):
        raise bad_request(_("Trường “kind” không hợp lệ."), "kind")
    work = find_work(request.user, kind, forms.form_id(request, "work"))
    raw = request.POST.get("progress")
    progress = None
    if raw is not None:
        if not raw.isascii() or not raw.isdigit() or not 0 <= int(raw[:4]) <= 100:
            raise bad_request(_("Tiến độ phải là số từ 0 đến 100."), "progress")
        progress = int(raw)
    note = request.POST.get("note", "")
    if "\x00" in note or len(note) > 2000:
        raise bad_request(_("Trường “note” không hợp lệ."), "note")
    link = count_work(request.user, assignment, work, progress=progress, note=note)
    return json_response(work_link_json(link), 201)
