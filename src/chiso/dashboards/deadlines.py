"""Overdue and due-soon assignments. "Due soon" looks ahead CHISO_DUE_SOON_DAYS days (14 unless
set in the environment or settings); "today" is always chiso.site.clock.today()."""

from __future__ import annotations

import datetime as dt
import os

from django.conf import settings
from django.db.models import QuerySet

from chiso.plans.models import Assignment
from chiso.plans.status import status_expression

DEFAULT_DUE_SOON_DAYS = 14
MAX_DUE_SOON_DAYS = 366


def due_soon_days() -> int:
    raw = getattr(settings, "CHISO_DUE_SOON_DAYS", None) or os.environ.get("CHISO_DUE_SOON_DAYS")
    try:
        days = int(raw) if raw is not None else DEFAULT_DUE_SOON_DAYS
    except ValueError:
        return DEFAULT_DUE_SOON_DAYS
    return min(max(days, 0), MAX_DUE_SOON_DAYS)


def overdue(qs: QuerySet[Assignment], today: dt.date) -> QuerySet[Assignment]:
    """Not completed and past the deadline (status "quá hạn"), longest overdue first.

    Filtered on the columns, not on the status expression: the same rows (derive_status's
    overdue rule), but PostgreSQL can use the open-assignments deadline index."""
    return (
        qs.filter(completed_on__isnull=True, deadline__lt=today)
        .annotate(current_status=status_expression(today))
        .order_by("deadline", "task__order", "agency__name", "id")
    )


def due_soon(qs: QuerySet[Assignment], today: dt.date, days: int) -> QuerySet[Assignment]:
    """Not completed, deadline from today to `days` days ahead, soonest first."""
    return (
        qs.filter(
            completed_on__isnull=True,
            deadline__gte=today,
            deadline__lte=today + dt.timedelta(days=days),
        )
        .annotate(current_status=status_expression(today))
        .order_by("deadline", "task__order", "agency__name", "id")
    )
