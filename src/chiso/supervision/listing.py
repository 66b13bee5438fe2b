"""The list filters of difficulties and recommendations, and the counts the dashboard and home
panel show (open, overdue, escalated), computed in the database."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from chiso.supervision.models import (
    HANDLER_STATES,
    OPEN_STATES,
    Difficulty,
    Direction,
    DirectionStatus,
    Kind,
    State,
)


def overdue_q(today: dt.date) -> Q:
    """Items waiting on their handler past their due date."""
    return Q(state__in=HANDLER_STATES, due_on__lt=today)


FILTERS = {
    "open": _("Đang mở"),
    "overdue": _("Quá hạn xử lý"),
    "escalated": _("Chờ UBND tỉnh chỉ đạo"),
    "resolved": _("Đã giải quyết"),
    "all": _("Tất cả"),
}


def filtered(qs: QuerySet[Difficulty], name: str, today: dt.date) -> QuerySet[Difficulty]:
    if name == "open":
        return qs.filter(state__in=OPEN_STATES)
    if name == "overdue":
        return qs.filter(overdue_q(today)).order_by("due_on", "id")
    if name == "escalated":
        return qs.filter(state=State.ESCALATED)
    if name == "resolved":
        return qs.filter(state=State.RESOLVED)
    return qs


@dataclass(frozen=True)
class Counts:
    open: int
    overdue: int
    escalated: int
    resolved: int
    recommendations_open: int

    @property
    def any(self) -> bool:
        return bool(self.open or self.resolved)


def counts(qs: QuerySet[Difficulty], today: dt.date) -> Counts:
    row: dict[str, Any] = qs.aggregate(
        open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        overdue=Count("pk", filter=overdue_q(today)),
        escalated=Count("pk", filter=Q(state=State.ESCALATED)),
        resolved=Count("pk", filter=Q(state=State.RESOLVED)),
        recommendations_open=Count("pk", filter=Q(state__in=OPEN_STATES, kind=Kind.RECOMMENDATION)),
    )
    return Counts(**row)


def direction_status_q(status: str, today: dt.date) -> Q:
    """Directions in one status (`Direction.status`), as a filter on the columns."""
    if status == DirectionStatus.DONE:
        return Q(completed_on__isnull=False, completed_on__lte=F("deadline"))
    if status == DirectionStatus.DONE_LATE:
        return Q(completed_on__gt=F("deadline"))
    if status == DirectionStatus.OVERDUE:
        return Q(completed_on__isnull=True, deadline__lt=today)
    return Q(completed_on__isnull=True, deadline__gte=today)


@dataclass(frozen=True)
class DirectionCounts:
    """What leadership asks of its directions: given, and of those done on time, done late,
    overdue and still within their deadline."""

    given: int
    done: int
    done_late: int
    overdue: int
    in_progress: int


def direction_counts(directions: Iterable[Direction], today: dt.date) -> DirectionCounts:
    tally = Counter(direction.status(today) for direction in directions)
    return DirectionCounts(
        given=sum(tally.values()),
        done=tally[DirectionStatus.DONE],
        done_late=tally[DirectionStatus.DONE_LATE],
        overdue=tally[DirectionStatus.OVERDUE],
        in_progress=tally[DirectionStatus.IN_PROGRESS],
    )
