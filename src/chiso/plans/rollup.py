"""How a split assignment's progress and completion roll up from its sub-assignments.

The rule (docs/cascade.md):

- An assignment without sub-assignments is what its own accepted reports say: progress is the
  last accepted report's, completed on the day its final report was sent (as before cascading).
- An assignment with sub-assignments counts its own part and each sub-assignment as one equal
  share: progress = (own progress + the sum of the children's rolled-up progress) ÷ (1 + number
  of children), rounded down, so 100% only when every share is 100%.
- It is complete when its own final report was accepted and every sub-assignment is complete;
  the completion day is the latest of those days (the work was done when the last part was).
- Its status then follows from those two values and its own deadline by the one status rule
  (chiso.plans.status.derive_status): "done late" when the last part finished after the parent's
  deadline, "overdue" when the deadline passed with a part still open.

Rolled-up values are stored on the parent row (`progress`, `completed_on`) in the transaction
that changed a child, so every list, count and SQL status expression reads a parent like any
other assignment; `refresh_upwards` walks from a changed assignment to the top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chiso.audit.services import record
from chiso.plans.models import Assignment

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class Share:
    """One part of a split assignment: its progress (%) and the day it was completed."""

    progress: int
    completed_on: dt.date | None


def rolled_up(own: Share, children: Sequence[Share]) -> Share:
    """The parent's values from its own part and its children's (the rule above)."""
    if not children:
        return own
    total = own.progress + sum(child.progress for child in children)
    progress = total // (1 + len(children))
    days = [own.completed_on, *(child.completed_on for child in children)]
    done = [day for day in days if day is not None]
    completed_on = max(done) if len(done) == len(days) else None
    return Share(progress, completed_on)


def children_of(assignment: Assignment) -> list[Share]:
    rows = Assignment.objects.filter(parent_id=assignment.pk).values_list(
        "progress", "completed_on"
    )
    return [Share(progress, completed_on) for progress, completed_on in rows]


def refresh(user: User | None, assignment: Assignment) -> bool:
    """Recompute one (row-locked) assignment from its own part and its children; audited when
    a value changed. Returns whether anything changed."""
    own = Share(assignment.own_progress, assignment.own_completed_on)
    value = rolled_up(own, children_of(assignment))
    before = Share(assignment.progress, assignment.completed_on)
    if value == before:
        return False
    assignment.progress, assignment.completed_on = value.progress, value.completed_on
    assignment.version += 1
    assignment.save(update_fields=["progress", "completed_on", "version"])
    changes = {
        name: [getattr(before, name), getattr(value, name)]
        for name in ("progress", "completed_on")
        if getattr(before, name) != getattr(value, name)
    }
    record(user, assignment, "assignment.rollup", changes)
    return True


def refresh_upwards(user: User | None, assignment_id: int) -> None:
    """Recompute the assignment `assignment_id` and then each one above it, up to the top.
    Stops where a level's values did not change (nothing above it can change either)."""
    current: int | None = assignment_id
    while current is not None:
        locked = Assignment.objects.select_for_update().get(pk=current)
        if not refresh(user, locked):
            return
        current = locked.parent_id


def open_children(assignment: Assignment) -> int:
    """How many of the assignment's sub-assignments are not complete yet."""
    return Assignment.objects.filter(parent_id=assignment.pk, completed_on__isnull=True).count()
