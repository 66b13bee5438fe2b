"""Who does a task: assignments to agencies and groups, and deliberate handling of group drift.

Assigning to a group creates one assignment per member agency (remembering the group). When the
group's members change later, nothing changes by itself: `group_drift` shows the difference and
the coordinator applies it with `apply_group_drift`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyGroup
from chiso.audit.services import record
from chiso.plans import signals
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment, Relation, Task
from chiso.plans.services.guards import require_plan_editor
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User


def relation_for(agency: Agency, wanted: str) -> str:
    """Bodies the People's Committee cannot order (the Front, Party bodies) are asked, not
    assigned."""
    return Relation.REQUEST.value if agency.request_only else str(wanted)


def check_agencies(task: Task, agencies: Iterable[Agency], field: str) -> None:
    for agency in agencies:
        if agency.province_id != task.province_id:
            raise PlanError(
                _("Cơ quan “%(name)s” không thuộc tỉnh của kế hoạch.") % {"name": agency.name},
                field,
            )


def check_group(task: Task, group: AgencyGroup | None) -> None:
    if group is not None and group.province_id != task.province_id:
        raise PlanError(_("Nhóm cơ quan không thuộc tỉnh của kế hoạch."), "lead_group")


def add_assignment(
    user: User, task: Task, agency: Agency, relation: str, via_group: AgencyGroup | None = None
) -> Assignment:
    assignment = Assignment.objects.create(
        province_id=task.province_id,
        task=task,
        agency=agency,
        relation=relation_for(agency, relation),
        leads=relation != Relation.COORDINATE,
        via_group=via_group,
        deadline=task.deadline,
    )
    changes = {"agency": [None, agency.name], "relation": [None, assignment.get_relation_display()]}
    if via_group is not None:
        changes["via_group"] = [None, via_group.name]
    record(user, assignment, "assignment.create", changes)
    if task.report_schedule:
        from chiso.plans.services.periods import sync_assignment, task_periods

        sync_assignment(assignment, task_periods(task))
    signals.assignment_created.send(Assignment, assignment=assignment)
    return assignment


def remove_assignment(user: User, assignment: Assignment, field: str = "lead_agencies") -> None:
    """Only an assignment without reports may go; otherwise its history would be lost."""
    if assignment.reports.exists():
        raise PlanError(
            _("Không thể bỏ phân công cho “%(name)s”: cơ quan này đã gửi báo cáo.")
            % {"name": assignment.agency.name},
            field,
        )
    record(user, assignment, "assignment.delete", {"agency": [assignment.agency.name, None]})
    assignment.delete()


@transaction.atomic
def assign_task(
    user: User,
    task: Task,
    *,
    agencies: Iterable[Agency] = (),
    group: AgencyGroup | None = None,
    relation: str = Relation.LEAD,
) -> list[Assignment]:
    """Add agencies (and/or every member of `group`) to a task; existing ones stay as they are."""
    require_plan_editor(user, task.plan)
    agencies = list(agencies)
    check_agencies(task, agencies, "agencies")
    check_group(task, group)
    taken = set(task.assignments.values_list("agency_id", flat=True))
    created = []
    for agency in agencies:
        if agency.pk not in taken:
            created.append(add_assignment(user, task, agency, relation))
            taken.add(agency.pk)
    if group is not None:
        for agency in group.members.filter(active=True).order_by("name"):
            if agency.pk not in taken:
                created.append(add_assignment(user, task, agency, relation, via_group=group))
                taken.add(agency.pk)
    return created


@dataclass(frozen=True)
class GroupDrift:
    """How the task's lead group differs from the assignments made through it."""

    group: AgencyGroup | None
    joined: tuple[Agency, ...]  # members now, without an assignment on this task
    left: tuple[Assignment, ...]  # assignments made via the group whose agency left it

    def __bool__(self) -> bool:
        return bool(self.joined or self.left)


def group_drift(task: Task) -> GroupDrift:
    group = task.lead_group
    if group is None:
        return GroupDrift(None, (), ())
    members = {a.pk: a for a in group.members.filter(active=True).order_by("name")}
    assignments = list(task.assignments.select_related("agency"))
    assigned = {a.agency_id for a in assignments}
    joined = tuple(agency for pk, agency in members.items() if pk not in assigned)
    left = tuple(
        a for a in assignments if a.via_group_id == group.pk and a.agency_id not in members
    )
    return GroupDrift(group, joined, left)


@transaction.atomic
def apply_group_drift(user: User, task: Task, *, version: int | None) -> GroupDrift:
    """Bring the task in line with its group, as shown to the coordinator.

    Agencies that left the group but already reported keep their assignment (now direct, no
    longer via the group) so that their reports stay on the record.
    """
    require_plan_editor(user, task.plan)
    task = lock_current(task, version)
    drift = group_drift(task)
    if not drift:
        return drift
    for agency in drift.joined:
        add_assignment(user, task, agency, Relation.LEAD, via_group=drift.group)
    for assignment in drift.left:
        if assignment.reports.exists():
            assignment.via_group = None
            assignment.save(update_fields=["via_group"])
            record(
                user,
                assignment,
                "assignment.detach",
                {"via_group": [drift.group, None]},
                note=_("Cơ quan đã rời nhóm nhưng đã có báo cáo: giữ phân công trực tiếp."),
            )
        else:
            remove_assignment(user, assignment)
    bump(task)
    task.save(update_fields=["version", "updated_at"])
    record(
        user,
        task,
        "task.group_sync",
        {
            "joined": [None, [a.name for a in drift.joined]],
            "left": [[a.agency.name for a in drift.left], None],
        },
    )
    return drift
