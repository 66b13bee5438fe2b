"""Due-soon and overdue notices: each assignment's next due date (its deadline or a reporting
period's), to the agency's people and its head, once per due date."""

from __future__ import annotations

import datetime as dt

from chiso.dashboards.deadlines import due_soon, due_soon_days, overdue
from chiso.notifications import fanout
from chiso.notifications.models import Kind
from chiso.plans.models import Assignment


def announce_deadlines(today: dt.date) -> int:
    """Returns the notifications asked for (those already sent are ignored by `announce`)."""
    base = Assignment.objects.select_related("task__section", "agency")
    groups = [
        (Kind.DUE_SOON, list(due_soon(base, today, due_soon_days()))),
        (Kind.OVERDUE, list(overdue(base, today))),
    ]
    people = fanout.agency_people({a.agency_id for _, found in groups for a in found})
    pairs = []
    for kind, found in groups:
        for assignment in found:
            due = assignment.due  # type: ignore[attr-defined]
            key = f"{kind}:{assignment.pk}:{due}"
            event = fanout.assignment_event(assignment, kind, key, date=due.strftime("%d/%m/%Y"))
            pairs.append((event, people.get(assignment.agency_id, [])))
    return fanout.announce_many(pairs)
