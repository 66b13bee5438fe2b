"""What a person has to do now, for the home page: their agency's reports sent back, its
overdue and due-soon assignments; a reviewer's inbox (how many, how long the oldest has waited);
the province's overdue list for coordinators. A fixed number of queries whatever the lengths."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils import timezone

from chiso.dashboards.deadlines import due_soon, overdue
from chiso.plans import access, inbox
from chiso.plans.models import Assignment, Plan, ProgressReport

if TYPE_CHECKING:
    from chiso.accounts.models import User

# How many rows of each list the home page shows (the full list is one click away).
SHOWN = 5


@dataclass(frozen=True)
class WorkList:
    """Some rows of a list and how many there are in all."""

    rows: list[Any]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


def _listed(qs: QuerySet[Any], shown: int = SHOWN) -> WorkList:
    rows = list(qs[:shown])
    total = len(rows) if len(rows) < shown else qs.count()
    return WorkList(rows, total)


@dataclass(frozen=True)
class AgencyWork:
    returned: WorkList  # reports sent back, to complete and resend
    overdue: WorkList  # assignments past their deadline or a period's due date
    due_soon: WorkList  # assignments due within the due-soon window
    due_soon_days: int
    plan: Plan | None  # the plan the overdue and due-soon lists are about (None: every plan)
    earlier_overdue: int  # overdue assignments of earlier years' plans, counted apart

    @property
    def empty(self) -> bool:
        return not (self.returned.total or self.overdue.total or self.due_soon.total)


def _open_assignments(qs: QuerySet[Assignment]) -> QuerySet[Assignment]:
    return qs.select_related("task__section", "agency")


def agency_work(user: User, today: dt.date, days: int, plan: Plan | None = None) -> AgencyWork:
    """The user's agency's work: what was sent back first (any plan), then what is late and what
    is next in `plan` (the one under way); earlier years' leftovers are counted, not listed, so
    a 2022 task never heads the 2023 list."""
    # The user's agency (loaded with the user: chiso.accounts.backends).
    own = access.assignments_for(user).filter(agency=user.agency)
    returned = inbox.returned_queue(user).select_related(
        "reviewer", "head_reviewer", "assignment__task__section"
    )
    current = own if plan is None else own.filter(task__plan=plan)
    earlier = 0
    if plan is not None:
        earlier = overdue(own.filter(task__plan__year__lt=plan.year), today).count()
    return AgencyWork(
        returned=_listed(returned),
        overdue=_listed(_open_assignments(overdue(current, today))),
        due_soon=_listed(_open_assignments(due_soon(current, today, days))),
        due_soon_days=days,
        plan=plan,
        earlier_overdue=earlier,
    )


@dataclass(frozen=True)
class ReviewWork:
    """A reviewer's inbox at a glance: how many reports wait and since when."""

    waiting: WorkList
    oldest_days: int


def _days_since(moment: dt.datetime | None, today: dt.date) -> int:
    return max((today - timezone.localdate(moment)).days, 0) if moment else 0


def review_work(user: User, today: dt.date) -> ReviewWork:
    queue = inbox.review_queue(user).select_related(
        "assignment__task__section", "assignment__agency"
    )
    waiting = _listed(queue, shown=3)
    oldest = waiting.rows[0].submitted_at if waiting.rows else None
    return ReviewWork(waiting, _days_since(oldest, today))


def signoff_work(user: User) -> WorkList:
    """Officers' reports waiting for the head's approval, oldest first."""
    queue: QuerySet[ProgressReport] = inbox.signoff_queue(user).select_related(
        "author", "assignment__task__section"
    )
    return _listed(queue)


def province_overdue(plan: Plan, user: User, today: dt.date) -> WorkList:
    """The plan's overdue assignments in the province, longest overdue first."""
    qs = access.assignments_for(user).filter(task__plan=plan)
    return _listed(_open_assignments(overdue(qs, today)), shown=8)
