"""Current-period compliance: for each assignment with a reporting schedule, its latest period
due by today, counted per agency as on time, late or missing (one grouped query).

"Latest" is "no later period of the same assignment due by today" (an anti-join), not "due on
the latest due date" (a correlated subquery): PostgreSQL then starts from the periods (one
province's by index when the caller names it) instead of probing every assignment's periods
(the plan dashboard's 3,727 assignments on the national synthetic data: 11 ms → 3 ms)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet

from chiso.plans.models import Assignment, ReportPeriod


@dataclass(frozen=True)
class AgencyCompliance:
    agency_id: int
    agency_name: str
    on_time: int
    late: int
    missing: int

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.missing


def _counted(
    periods: QuerySet[ReportPeriod], today: dt.date, keys: tuple[str, ...], *order: str
) -> QuerySet[ReportPeriod, dict[str, Any]]:
    """Of `periods`, each assignment's latest one due by today, counted per `keys` as sent on
    time, late or not at all, in `order` (by its counts and keys)."""
    later = ReportPeriod.objects.filter(
        assignment_id=OuterRef("assignment_id"), due_on__gt=OuterRef("due_on"), due_on__lte=today
    )
    return (
        periods.filter(due_on__lte=today)
        .exclude(Exists(later))
        .values(*keys)
        .annotate(
            on_time=Count("id", filter=Q(submitted_on__lte=F("due_on"))),
            late=Count("id", filter=Q(submitted_on__gt=F("due_on"))),
            missing=Count("id", filter=Q(submitted_on__isnull=True)),
        )
        .order_by(*order)
    )


def current_compliance(
    assignments: QuerySet[Assignment], today: dt.date, province_id: int | None = None
) -> list[AgencyCompliance]:
    """Agencies with a period due by today, those with missing reports first. `province_id`:
    the province every one of `assignments` is in, when the caller knows it (a plan's)."""
    periods = ReportPeriod.objects.filter(assignment__in=assignments.values("pk"))
    if province_id is not None:
        periods = periods.filter(province_id=province_id)
    keys = ("assignment__agency_id", "assignment__agency__name")
    rows = _counted(periods, today, keys, "-missing", "-late", "assignment__agency__name")
    return [
        AgencyCompliance(
            r["assignment__agency_id"],
            r["assignment__agency__name"],
            r["on_time"],
            r["late"],
            r["missing"],
        )
        for r in rows
    ]


def plan_compliance_by_task(
    plan_id: int, province_id: int, today: dt.date
) -> list[tuple[int, ...]]:
    """(task, agency, on time, late, missing) of every assignment of the plan (sub-assignments
    too) with a period due by today: `current_compliance` per task (the dashboard's tallies), in
    task and agency order."""
    periods = ReportPeriod.objects.filter(
        province_id=province_id, assignment__task__plan_id=plan_id
    )
    keys = ("assignment__task_id", "assignment__agency_id")
    rows = _counted(periods, today, keys, *keys)
    return list(rows.values_list(*keys, "on_time", "late", "missing"))


def sorted_compliance(rows: list[AgencyCompliance]) -> list[AgencyCompliance]:
    """In `current_compliance`'s order: missing reports first, then late ones, then by name
    (for rows counted elsewhere: the dashboard's, chiso.dashboards.tallies)."""
    return sorted(rows, key=lambda r: (-r.missing, -r.late, r.agency_name))
