"""Assignment status, derived from deadline, completion date and reports — never typed in."""

from __future__ import annotations

import datetime as dt
import os

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from chiso.plans.schedule import PeriodStatus


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    OVERDUE = "overdue", _("Quá hạn")


# A reporting period's status (rule: chiso.plans.schedule.period_status): label and tone.
PERIOD_LABELS = {
    PeriodStatus.NOT_DUE: _("Chưa đến hạn"),
    PeriodStatus.DUE_SOON: _("Sắp đến hạn"),
    PeriodStatus.SUBMITTED: _("Đã gửi, đúng hạn"),
    PeriodStatus.ACCEPTED: _("Đã chấp nhận"),
    PeriodStatus.LATE: _("Gửi muộn"),
    PeriodStatus.MISSING: _("Chưa báo cáo, quá hạn"),
}
PERIOD_TONE = {
    PeriodStatus.NOT_DUE: "pending",
    PeriodStatus.DUE_SOON: "warn",
    PeriodStatus.SUBMITTED: "ok",
    PeriodStatus.ACCEPTED: "ok",
    PeriodStatus.LATE: "warn",
    PeriodStatus.MISSING: "bad",
}

# CSS modifier per status, for the coloured badges.
STATUS_TONE = {
    Status.NOT_STARTED: "pending",
    Status.IN_PROGRESS: "pending",
    Status.DONE: "ok",
    Status.DONE_LATE: "warn",
    Status.OVERDUE: "bad",
}


def derive_status(
    deadline: dt.date | None,
    completed_on: dt.date | None,
    has_activity: bool,
    today: dt.date,
) -> Status:
    """The one rule, also expressed as SQL in `status_expression` (kept in step by tests)."""
    if completed_on is not None:
        if deadline is not None and completed_on > deadline:
            return Status.DONE_LATE
        return Status.DONE
    if deadline is not None and today > deadline:
        return Status.OVERDUE
    return Status.IN_PROGRESS if has_activity else Status.NOT_STARTED


def next_due(deadline: dt.date | None, period_due: dt.date | None) -> dt.date | None:
    """What an agency owes next: the deadline, or an earlier period report."""
    dates = [d for d in (deadline, period_due) if d is not None]
    return min(dates) if dates else None


def assignment_status(
    deadline: dt.date | None,
    period_due: dt.date | None,
    completed_on: dt.date | None,
    last_report_at: dt.datetime | None,
    progress: int,
    today: dt.date,
) -> Status:
    """An assignment's status from its columns (`Assignment.status`; lists read as values)."""
    reported = last_report_at is not None or progress > 0
    return derive_status(next_due(deadline, period_due), completed_on, reported, today)


def status_expression(today: dt.date) -> Case:
    """`derive_status` as a database expression, to filter and count without loading rows
    (`derive_status` is given `Assignment.next_due`: the deadline or an earlier period's due)."""
    return Case(
        When(
            completed_on__isnull=False,
            deadline__isnull=False,
            completed_on__gt=F("deadline"),
            then=Value(Status.DONE_LATE.value),
        ),
        When(completed_on__isnull=False, then=Value(Status.DONE.value)),
        When(deadline__lt=today, then=Value(Status.OVERDUE.value)),
        When(period_due__lt=today, then=Value(Status.OVERDUE.value)),
        When(
            Q(last_report_at__isnull=False) | Q(progress__gt=0),
            then=Value(Status.IN_PROGRESS.value),
        ),
        default=Value(Status.NOT_STARTED.value),
        output_field=models.CharField(),
    )


def overdue_filter(today: dt.date) -> Q:
    """The assignments whose status is "quá hạn", as conditions on the columns rather than on
    `status_expression`: the same rows, but PostgreSQL estimates them right and reads them by the
    open-assignments deadline indexes (a filter on the CASE is guessed at a few rows, and the
    plan built on that guess joins every overdue row before sorting a page of them)."""
    return Q(completed_on__isnull=True) & (Q(deadline__lt=today) | Q(period_due__lt=today))


DEFAULT_DUE_SOON_DAYS = 14
MAX_DUE_SOON_DAYS = 366


def due_soon_days() -> int:
    raw = getattr(settings, "CHISO_DUE_SOON_DAYS", None) or os.environ.get("CHISO_DUE_SOON_DAYS")
    try:
        days = int(raw) if raw is not None else DEFAULT_DUE_SOON_DAYS
    except ValueError:
        return DEFAULT_DUE_SOON_DAYS
    return min(max(days, 0), MAX_DUE_SOON_DAYS)
