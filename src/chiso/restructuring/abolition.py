"""Abolishing a level of agencies (1/7/2025: the district committees): each abolished agency
names one successor (a commune committee, or the province's own committee or a department);
its open assignments — with their sub-assignments, reports and report periods — move to the
successor, and the agency is kept, inactive, with its dissolution date and its finished work.

The rule (docs/restructuring.md):

- "Open" is an assignment not completed (its rolled-up `completed_on` is empty), at any depth:
  the agency's own sub-assignments of someone else's work move too.
- A moved assignment keeps its id, task, deadline, progress, reports, periods and
  sub-assignments; only its agency changes (and the group it came through, which the successor
  is not in). The successor then reviews the sub-assignments the abolished agency had handed
  to its communes.
- Finished assignments stay with the abolished agency: its history, read-only since the agency
  is inactive and nothing of it is open.
- The agencies under an abolished one (its communes) move up to the abolished agency's parent.
- A successor that already takes part in the same task cannot take over (one assignment per
  agency and task): the preview names the task, and nothing is saved until another successor
  is named.

`preview` reads and checks; `abolish` recomputes the same preview inside one transaction,
refuses if it has any problem, and otherwise applies it, audited row by row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import REQUEST_ONLY_KINDS, Agency, Province, User
from chiso.audit.services import record
from chiso.plans.models import Assignment, Relation
from chiso.restructuring.access import can_abolish
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.models import Kind, Restructuring


@dataclass(frozen=True)
class MovedAssignment:
    """One open assignment that moves, as the preview shows it."""

    pk: int
    task_id: int
    task: str
    task_label: str  # the task's number ("II.2.b.1"), or its title's beginning
    plan: str
    deadline: dt.date | None
    progress: int
    sub_assignments: int
    reports: int


@dataclass
class AgencyHandover:
    """What happens to one abolished agency."""

    agency: Agency
    successor: Agency
    moved: list[MovedAssignment] = field(default_factory=list)
    kept: int = 0  # finished assignments kept as its history
    children: list[Agency] = field(default_factory=list)  # agencies moving up a level
    users: int = 0


@dataclass
class AbolitionPreview:
    province: Province
    effective_on: dt.date
    handovers: list[AgencyHandover]
    problems: list[str]

    @property
    def moved(self) -> int:
        return sum(len(h.moved) for h in self.handovers)

    @property
    def sub_assignments(self) -> int:
        return sum(m.sub_assignments for h in self.handovers for m in h.moved)

    @property
    def kept(self) -> int:
        return sum(h.kept for h in self.handovers)

    @property
    def reparented(self) -> int:
        return sum(len(h.children) for h in self.handovers)


def _check_pair(agency: Agency, successor: Agency, abolished: set[int]) -> list[str]:
    problems = []
    if not agency.active or agency.dissolved_on is not None:
        problems.append(_("“%(name)s” đã ngừng hoạt động.") % {"name": agency.name})
    if successor.pk in abolished:
        problems.append(
            _("“%(name)s” không thể kế nhiệm “%(old)s”: cơ quan này cũng bị giải thể.")
            % {"name": successor.name, "old": agency.name}
        )
    elif not successor.active:
        problems.append(
            _("Cơ quan kế nhiệm “%(name)s” đã ngừng hoạt động.") % {"name": successor.name}
        )
    return problems


def _moved(assignment: Assignment) -> MovedAssignment:
    return MovedAssignment(
        pk=assignment.pk,
        task_id=assignment.task_id,
        task=str(assignment.task),
        task_label=assignment.task.code or assignment.task.title[:40],
        plan=assignment.task.plan.label,
        deadline=assignment.deadline,
        progress=assignment.progress,
        sub_assignments=Assignment.objects.filter(lineage__contains=f"/{assignment.pk}/").count(),
        reports=assignment.reports.count(),
    )


def _handover(agency: Agency, successor: Agency) -> tuple[AgencyHandover, list[str]]:
    mine = Assignment.objects.filter(agency=agency).select_related("task__plan")
    open_work = list(mine.filter(completed_on__isnull=True).order_by("task__plan", "task__order"))
    held = set(
        Assignment.objects.filter(
            agency=successor, task_id__in=[a.task_id for a in open_work]
        ).values_list("task_id", flat=True)
    )
    clashing = [a.task.code or a.task.title[:40] for a in open_work if a.task_id in held]
    problems = (
        [
            _(
                "“%(successor)s” đã tham gia %(n)s nhiệm vụ mà “%(old)s” đang làm (%(tasks)s), "
                "không thể nhận thêm phần việc đó: chọn cơ quan kế nhiệm khác."
            )
            % {
                "successor": successor.name,
                "n": len(clashing),
                "old": agency.name,
                "tasks": "; ".join(clashing),
            }
        ]
        if clashing
        else []
    )
    handover = AgencyHandover(
        agency=agency,
        successor=successor,
        moved=[_moved(a) for a in open_work],
        kept=mine.filter(completed_on__isnull=False).count(),
        children=list(agency.children.order_by("name")),
        users=User.objects.filter(agency=agency).count(),
    )
    return handover, problems


def preview(
    province: Province, successors: Mapping[int, int], effective_on: dt.date
) -> AbolitionPreview:
    """What abolishing the agencies `successors` maps (agency id → successor id) would do."""
    agencies = Agency.objects.filter(province=province).in_bulk()
    problems: list[str] = []
    handovers = []
    if not successors:
        problems.append(_("Chưa chọn cơ quan nào để giải thể."))
    for agency_id, successor_id in successors.items():
        agency, successor = agencies.get(agency_id), agencies.get(successor_id)
        if agency is None or successor is None:
            problems.append(_("Cơ quan không thuộc tỉnh này."))
            continue
        if agency.pk == successor.pk:
            problems.append(_("“%(name)s” không thể tự kế nhiệm.") % {"name": agency.name})
            continue
        problems += _check_pair(agency, successor, set(successors))
        handover, conflicts = _handover(agency, successor)
        handovers.append(handover)
        problems += conflicts
    handovers.sort(key=lambda h: h.agency.name)
    return AbolitionPreview(province, effective_on, handovers, problems + _shared(handovers))


def _shared(handovers: list[AgencyHandover]) -> list[str]:
    """Two abolished agencies handing the same task to one successor (one assignment per
    agency and task): name a different successor for one of them. One message per pair of
    agencies, naming their shared tasks."""
    first: dict[tuple[int, int], str] = {}
    shared: dict[tuple[str, str, str], list[str]] = {}
    for h in handovers:
        for m in h.moved:
            key = (h.successor.pk, m.task_id)
            if key in first:
                pair = (h.successor.name, first[key], h.agency.name)
                shared.setdefault(pair, []).append(m.task_label)
            else:
                first[key] = h.agency.name
    return [
        _(
            "“%(successor)s” không thể nhận phần việc của cả “%(a)s” và “%(b)s” trong "
            "%(n)s nhiệm vụ cả hai cùng làm (%(tasks)s): chọn cơ quan kế nhiệm khác cho "
            "một trong hai."
        )
        % {"successor": successor, "a": a, "b": b, "n": len(tasks), "tasks": "; ".join(tasks)}
        for (successor, a, b), tasks in shared.items()
    ]


def _relation(assignment: Assignment, successor: Agency) -> str:
    """The successor's relation to the task: a request for a body the province cannot order,
    otherwise the part the abolished agency played (lead or coordinate)."""
    if successor.kind in REQUEST_ONLY_KINDS:
        return Relation.REQUEST.value
    return Relation.LEAD.value if assignment.leads else Relation.COORDINATE.value


def _move_assignment(
    user: Any, assignment: Assignment, successor: Agency, effective_on: dt.date
) -> None:
    old = str(assignment.agency)
    changes = {"agency": [old, successor.name]}
    relation = _relation(assignment, successor)
    if relation != assignment.relation:
        changes["relation"] = [assignment.relation, relation]
    if assignment.via_group_id is not None:
        changes["via_group"] = [str(assignment.via_group), None]
    assignment.agency, assignment.relation, assignment.via_group = successor, relation, None
    assignment.version += 1
    assignment.save(update_fields=["agency", "relation", "via_group", "version"])
    note = _("Sắp xếp đơn vị hành chính, có hiệu lực từ %(day)s") % {
        "day": effective_on.strftime("%d/%m/%Y")
    }
    record(user, assignment, "assignment.handover", changes, note=note)


def _dissolve(user: Any, handover: AgencyHandover, effective_on: dt.date) -> None:
    agency = handover.agency
    for child in handover.children:
        record(user, child, "agency.reparent", {"parent": [agency.name, str(agency.parent or "")]})
    agency.children.update(parent=agency.parent)
    agency.active, agency.dissolved_on = False, effective_on
    agency.save(update_fields=["active", "dissolved_on"])
    record(
        user,
        agency,
        "agency.dissolve",
        {"active": [True, False], "dissolved_on": [None, effective_on]},
        note=_("Kế nhiệm: %(name)s") % {"name": handover.successor.name},
    )


def _summary(found: AbolitionPreview) -> dict[str, Any]:
    return {
        "agencies": [
            {
                "agency": h.agency.name,
                "successor": h.successor.name,
                "moved": [m.pk for m in h.moved],
                "kept": h.kept,
                "children": [c.name for c in h.children],
            }
            for h in found.handovers
        ],
        "moved": found.moved,
        "sub_assignments": found.sub_assignments,
    }


@transaction.atomic
def abolish(
    user: Any, province: Province, successors: Mapping[int, int], effective_on: dt.date
) -> Restructuring:
    """Abolish the agencies, hand their open work to their successors; all or nothing.
    `user` None: the command line (`chiso restructure abolish`)."""
    if user is not None and not can_abolish(user, province):
        raise RestructuringError(_("Chỉ Sở Nội vụ và quản trị hệ thống sắp xếp lại cơ quan."))
    ids = [*successors, *successors.values()]
    list(Agency.objects.select_for_update().filter(pk__in=ids).order_by("pk"))
    list(Assignment.objects.select_for_update().filter(agency_id__in=list(successors)))
    found = preview(province, successors, effective_on)
    if found.problems:
        raise RestructuringError(problems=[(None, p) for p in found.problems])
    for handover in found.handovers:
        for assignment in Assignment.objects.filter(pk__in=[m.pk for m in handover.moved]):
            _move_assignment(user, assignment, handover.successor, effective_on)
        _dissolve(user, handover, effective_on)
    done = Restructuring.objects.create(
        province=province,
        kind=Kind.ABOLISH,
        effective_on=effective_on,
        actor=user,
        summary=_summary(found),
    )
    record(
        user,
        done,
        "restructuring.abolish",
        {"agencies": [None, len(found.handovers)], "moved": [None, found.moved]},
        province=province,
    )
    return done
