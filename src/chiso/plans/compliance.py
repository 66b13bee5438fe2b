"""Current-period compliance: for each assignment with a reporting schedule, its latest period
due by today, counted per agency as on time, late or missing (one grouped query)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

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


def current_compliance(assignments: QuerySet[Assignment], today: dt.date) -> list[AgencyCompliance]:
    """Agencies with a period due by today, those with missing reports first."""
    latest = (
        ReportPeriod.objects.filter(assignment_id=OuterRef("assignment_id"), due_on__lte=today)
        .order_by("-due_on")
        .values("due_on")[:1]
    )
    rows = (
        ReportPeriod.objects.filter(
            assignment__in=assignments.values("pk"), due_on__lte=today, due_on=Subquery(latest)
        )
        .values("assignment__agency_id", "assignment__agency__name")
        .annotate(
            on_time=Count("id", filter=Q(submitted_on__lte=F("due_on"))),
            late=Count("id", filter=Q(submitted_on__gt=F("due_on"))),
            missing=Count("id", filter=Q(submitted_on__isnull=True)),
        )
        .order_by("-missing", "-late", "assignment__agency__name")
    )
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
