"""Overdue and due-soon assignments. "Due soon" looks ahead CHISO_DUE_SOON_DAYS days (14 unless
set in the environment or settings); "today" is always chiso.site.clock.today()."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import Case, DateField, F, Q, QuerySet, When

from chiso.plans.models import Assignment
from chiso.plans.status import (
    DEFAULT_DUE_SOON_DAYS,
    MAX_DUE_SOON_DAYS,
    due_soon_days,
    overdue_filter,
    status_expression,
)

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class _Due(TypedDict):
    current_status: str
    due: dt.date


# An assignment as these lists give it: with its status and the date it is (was) due.
DueAssignment: TypeAlias = "WithAnnotations[Assignment, _Due]"

# Re-exported: the due-soon window is the plans app's (period statuses use it too).
__all__ = ["DEFAULT_DUE_SOON_DAYS", "MAX_DUE_SOON_DAYS", "due_soon", "due_soon_days", "overdue"]


def next_due_expression() -> Case:
    """`Assignment.next_due` in SQL: the deadline, or an earlier period report's due date."""
    return Case(
        When(
            Q(period_due__isnull=False)
            & (Q(deadline__isnull=True) | Q(period_due__lt=F("deadline"))),
            then=F("period_due"),
        ),
        default=F("deadline"),
        output_field=DateField(),
    )


def overdue(qs: QuerySet[Assignment], today: dt.date) -> QuerySet[DueAssignment]:
    """Not completed and past the deadline or a period's due date (status "quá hạn"), longest
    overdue first (`due`: what was missed first).

    Filtered on the columns (`overdue_filter`), not on the status expression."""
    return (
        qs.filter(overdue_filter(today))
        .annotate(current_status=status_expression(today), due=next_due_expression())
        .order_by("due", "task__order", "agency__name", "id")
    )


def due_soon(qs: QuerySet[Assignment], today: dt.date, days: int) -> QuerySet[DueAssignment]:
    """Not completed, next due (deadline or period report) from today to `days` days ahead,
    soonest first."""
    until = today + dt.timedelta(days=days)
    return (
        qs.filter(
            Q(deadline__gte=today, deadline__lte=until)
            | Q(period_due__gte=today, period_due__lte=until),
            completed_on__isnull=True,
        )
        .annotate(current_status=status_expression(today), due=next_due_expression())
        .filter(due__gte=today)
        .order_by("due", "task__order", "agency__name", "id")
    )
