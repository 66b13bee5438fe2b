"""API views for plans and the task framework (read-only), and the OpenAPI document."""

from __future__ import annotations

from django.db.models import F, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.api.auth import api_view
from chiso.api.errors import error_response, json_response
from chiso.api.query import YEAR, int_param, paged
from chiso.api.representations import (
    assignment_json,
    objective_json,
    plan_json,
    section_json,
    task_json,
)
from chiso.api.spec import openapi_document
from chiso.plans.access import assignments_for, get_or_404, plans_for, tasks_for
from chiso.plans.models import Plan, Task
from chiso.plans.units import parse_ref
from chiso.site import clock


@csrf_exempt
def unknown_path(request: HttpRequest) -> HttpResponse:
    """Any path under /api/ that names no endpoint, whatever the method: JSON, not a page."""
    return error_response(404, "not_found", _("Không có đường dẫn API này."))


@api_view(public=True)
def openapi(request: HttpRequest) -> HttpResponse:
    return json_response(openapi_document(request.build_absolute_uri("/api/v1")))


def _plans(request: HttpRequest) -> QuerySet[Plan]:
    return plans_for(request.user).select_related("province", "issuer")


@api_view()
def plan_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = _plans(request).order_by("-year", "number", "id")
    year = int_param(request, "year", YEAR)
    if year is not None:
        qs = qs.filter(year=year)
    return json_response(paged(request, qs, lambda rows: [plan_json(p) for p in rows]))


@api_view()
def plan_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = get_or_404(_plans(request), pk=pk)
    body = plan_json(plan)
    body["objectives"] = [objective_json(o) for o in plan.objectives.all()]
    body["sections"] = [section_json(s) for s in plan.sections.all()]
    return json_response(body)


def _tasks(request: HttpRequest) -> QuerySet[Task]:
    return (
        tasks_for(request.user)
        .select_related("section", "lead_group", "plan")
        .prefetch_related("units")
    )


@api_view()
def task_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = _tasks(request).order_by("plan_id", "order", "id")
    for name, field in (("plan", "plan_id"), ("section", "section_id")):
        value = int_param(request, name)
        if value is not None:
            qs = qs.filter(**{field: value})
    unit = request.GET.get("unit", "").strip()
    if unit:
        # A dimension ("2") also finds the tasks linked to its sub-dimensions ("2.4"); a bare
        # code is of the task's plan's index, "PCI:time_costs" of another (plans.units).
        ref = parse_ref(unit, "")
        qs = qs.filter(
            Q(units__unit_code=ref.code) | Q(units__unit_code__startswith=f"{ref.code}."),
            units__index=ref.index or F("plan__index"),
        ).distinct()
    return json_response(paged(request, qs, lambda rows: [task_json(t) for t in rows]))


@api_view()
def task_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task = get_or_404(_tasks(request), pk=pk)
    today = clock.today()
    assignments = (
        assignments_for(request.user)
        .filter(task=task)
        .select_related("agency", "task")
        .order_by("id")
    )
    body = task_json(task)
    body["assignments"] = [assignment_json(a, today) for a in assignments]
    return json_response(body)
