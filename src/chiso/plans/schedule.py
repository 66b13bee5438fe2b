"""Reporting periods from a schedule, and a period's status: plain date arithmetic, no Django.

A schedule is a cadence (monthly, quarterly, 6-monthly, yearly), each period due on its last
day (31/3, 30/6, 30/9, 31/12 for quarters; 29/2 in a leap year), or explicit due dates (the
seed's 30/6/2023 and 29/9/2023). Only cadence periods due within the schedule's window count.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Cadence(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half_yearly"
    YEARLY = "yearly"
    DATES = "dates"


# The months whose last day closes a period, per cadence.
CLOSING_MONTHS = {
    Cadence.MONTHLY: tuple(range(1, 13)),
    Cadence.QUARTERLY: (3, 6, 9, 12),
    Cadence.HALF_YEARLY: (6, 12),
    Cadence.YEARLY: (12,),
}


@dataclass(frozen=True)
class Period:
    starts_on: dt.date
    due_on: dt.date


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def periods(cadence: str, dates: Iterable[dt.date], start: dt.date, end: dt.date) -> list[Period]:
    """The periods due from `start` to `end` (both included), in order. A period starts the day
    after the previous one is due (the first: at the start of its month span, or `start` for
    explicit dates). Explicit dates are taken as given from `start` on, even after `end` (a
    report due after the task's own deadline, such as the plan-wide 29/9 report)."""
    if cadence == Cadence.DATES:
        dues = sorted({d for d in dates if start <= d})
        starts = [start, *(d + dt.timedelta(days=1) for d in dues[:-1])]
        return [Period(s, d) for s, d in zip(starts, dues, strict=True)]
    closing = CLOSING_MONTHS[Cadence(cadence)]
    span = 12 // len(closing)
    found = []
    for year in range(start.year, end.year + 1):
        for month in closing:
            due = month_end(year, month)
            if start <= due <= end:
                first_month = month - span + 1
                found.append(Period(dt.date(year, first_month, 1), due))
    return found


class PeriodStatus(StrEnum):
    NOT_DUE = "not_due"
    DUE_SOON = "due_soon"
    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    LATE = "late"
    MISSING = "missing"


def period_status(
    due_on: dt.date,
    submitted_on: dt.date | None,
    accepted_on: dt.date | None,
    today: dt.date,
    soon_days: int,
) -> PeriodStatus:
    """Sent after its due date: late (accepted or not); sent in time: submitted, then accepted;
    nothing sent: missing once past due, due soon within `soon_days`, else not due."""
    if submitted_on is not None:
        if submitted_on > due_on:
            return PeriodStatus.LATE
        return PeriodStatus.ACCEPTED if accepted_on is not None else PeriodStatus.SUBMITTED
    if today > due_on:
        return PeriodStatus.MISSING
    if (due_on - today).days <= soon_days:
        return PeriodStatus.DUE_SOON
    return PeriodStatus.NOT_DUE
