"""What an assignment's page shows of its cascade: where it came from, the parts handed down
with their states, and the split form for whoever may split it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from chiso.plans import access
from chiso.plans.forms_cascade import SplitForm
from chiso.plans.models import Assignment
from chiso.plans.services.cascading import split_choices

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class CascadePanel:
    parent: Assignment | None  # the assignment this one was handed down from
    parent_visible: bool  # whether the viewer may open the parent's page
    children: list[Assignment]
    form: SplitForm | None
    can_withdraw: bool
    today: dt.date

    @property
    def shown(self) -> bool:
        return bool(self.parent or self.children or self.form)


def cascade_panel(
    user: User, assignment: Assignment, today: dt.date, form: SplitForm | None = None
) -> CascadePanel:
    parent, parent_visible = None, False
    if assignment.parent_id is not None:
        parent = Assignment.objects.select_related("agency").get(pk=assignment.parent_id)
        parent_visible = access.assignments_for(user).filter(pk=parent.pk).exists()
    children = list(
        Assignment.objects.filter(parent_id=assignment.pk)
        .select_related("agency")
        .order_by("agency__name", "id")
    )
    may_split = access.can_split(user, assignment)
    if form is None and may_split:
        choices = split_choices(assignment)
        form = SplitForm(choices=choices) if choices else None
    return CascadePanel(
        parent, parent_visible, children, form if may_split else None, may_split, today
    )
