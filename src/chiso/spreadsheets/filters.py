"""Filters of the assignment and report exports, with the query parameter names of the
workspace's lists and the API: plan, section, unit, agency, task, status (a Status value or
"finished" = done on time or late), relation, state (reports). Tasks are filtered with the
workspace's own chiso.plans.queries.TaskFilter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Q, QuerySet

from chiso.plans.models import Assignment, ProgressReport, Relation, ReportState, Task
from chiso.plans.status import Status, status_expression
from chiso.web.params import int_param

FINISHED = "finished"  # done on time or late


def _status_values(params: Mapping[str, str]) -> list[str] | None:
    raw = (params.get("status") or "").strip()
    if raw == FINISHED:
        return [Status.DONE.value, Status.DONE_LATE.value]
    return [raw] if raw in Status.values else None


def filter_assignments(
    qs: QuerySet[Assignment], params: Mapping[str, str], today: dt.date
) -> QuerySet[Assignment]:
    for name, field in (
        ("plan", "task__plan_id"),
        ("agency", "agency_id"),
        ("section", "task__section_id"),
        ("task", "task_id"),
    ):
        value = int_param(params, name)
        if value is not None:
            qs = qs.filter(**{field: value})
    relation = (params.get("relation") or "").strip()
    if relation in Relation.values:
        qs = qs.filter(relation=relation)
    statuses = _status_values(params)
    if statuses:
        qs = qs.annotate(filter_status=status_expression(today)).filter(filter_status__in=statuses)
    unit = (params.get("unit") or "").strip()
    if unit:
        qs = qs.filter(task__in=_tasks_with_unit(unit))
    return qs


def _tasks_with_unit(unit: str) -> QuerySet[Task, Any]:
    """A dimension ("2") also finds tasks linked to its sub-dimensions ("2.4")."""
    return Task.objects.filter(
        Q(units__unit_code=unit) | Q(units__unit_code__startswith=f"{unit}.")
    ).values("pk")


def filter_reports(
    qs: QuerySet[ProgressReport], params: Mapping[str, str]
) -> QuerySet[ProgressReport]:
    for name, field in (
        ("plan", "assignment__task__plan_id"),
        ("agency", "assignment__agency_id"),
        ("task", "assignment__task_id"),
    ):
        value = int_param(params, name)
        if value is not None:
            qs = qs.filter(**{field: value})
    state = (params.get("state") or "").strip()
    if state in ReportState.values:
        qs = qs.filter(state=state)
    return qs
