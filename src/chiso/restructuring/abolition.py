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
- Its users move to the successor (a person of a dissolved agency works on in the agency its
  work went to), each audited `user.handover`; reports keep their authors. A head's role is
  lowered to officer on the way (chiso.accounts.roles.role_in_successor): a head's rights were
  earned in the dissolved agency, not in the successor, whose head an administrator names.
- The agencies under an abolished one (its communes) move up to the abolished agency's parent.
- A successor that already takes part in the same task keeps one part (one assignment per
  agency and task): the other parts fold into it with their sub-assignments, reports and
  periods (chiso.restructuring.folding). Refused only when the successor holds a
  sub-assignment of the very part it would succeed.
- A commune committee merged into a commune committee takes its villages and residential
  groups along, with their village-hall postings (chiso.restructuring.villages).

`preview` reads and checks; `abolish` recomputes the same preview inside one transaction,
refuses if it has any problem, and otherwise applies it, audited row by row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import REQUEST_ONLY_KINDS, Agency, Province, User
from chiso.accounts.roles import AGENCY_LEADING, role_in_successor
from chiso.audit.services import record
from chiso.plans.models import Assignment, Relation
from chiso.restructuring import folding
from chiso.restructuring.access import can_abolish
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.models import Kind, Restructuring
from chiso.restructuring.villages import VillageMove, apply_moves, plan_moves, takes_villages


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
    # The successor already holds (or takes from another abolished agency) a part of the task:
    # this part folds into it (chiso.restructuring.folding) instead of moving; `merges` when it
    # has something recorded (reports, progress), which the holder's part then carries.
    folds: bool = False
    merges: bool = False


@dataclass
class AgencyHandover:
    """What happens to one abolished agency."""

    agency: Agency
    successor: Agency
    moved: list[MovedAssignment] = field(default_factory=list)
    kept: int = 0  # finished assignments kept as its history
    children: list[Agency] = field(default_factory=list)  # agencies moving up a level
    users: int = 0  # accounts moving to the successor
    # Of those, the heads whose role is lowered to officer ("Full Name (username)").
    heads: list[str] = field(default_factory=list)
    # A commune merged into a commune: its villages move (chiso.restructuring.villages);
    # `villages_kept` counts those that stay because the successor is not a commune.
    villages: list[VillageMove] = field(default_factory=list)
    villages_kept: int = 0


@dataclass
class AbolitionPreview:
    province: Province
    effective_on: dt.date
    handovers: list[AgencyHandover]
    problems: list[str]

    @property
    def moved(self) -> int:
        """Open parts taken over: moved to the successor or folded into its part."""
        return sum(len(h.moved) for h in self.handovers)

    @property
    def folded(self) -> int:
        return sum(1 for h in self.handovers for m in h.moved if m.folds)

    @property
    def merged(self) -> int:
        """Folded parts that bring reports or progress into the successor's part."""
        return sum(1 for h in self.handovers for m in h.moved if m.merges)

    @property
    def sub_assignments(self) -> int:
        return sum(m.sub_assignments for h in self.handovers for m in h.moved)

    @property
    def kept(self) -> int:
        return sum(h.kept for h in self.handovers)

    @property
    def heads(self) -> int:
        """Accounts that lose an agency head's role on the way to their successor."""
        return sum(len(h.heads) for h in self.handovers)

    @property
    def head_names(self) -> list[str]:
        return [name for h in self.handovers for name in h.heads]

    @property
    def reparented(self) -> int:
        return sum(len(h.children) for h in self.handovers)

    @property
    def villages_moved(self) -> int:
        return sum(len(h.villages) for h in self.handovers)

    @property
    def villages_renamed(self) -> int:
        return sum(1 for h in self.handovers for v in h.villages if v.renamed)


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


def _handover(agency: Agency, successor: Agency) -> AgencyHandover:
    mine = Assignment.objects.filter(agency=agency).select_related("task__plan")
    open_work = list(mine.filter(completed_on__isnull=True).order_by("task__plan", "task__order"))
    handover = AgencyHandover(
        agency=agency,
        successor=successor,
        moved=[_moved(a) for a in open_work],
        kept=mine.filter(completed_on__isnull=False).count(),
        children=list(agency.children.order_by("name")),
        users=User.objects.filter(agency=agency).count(),
        heads=heads_of(agency),
    )
    return handover


def heads_of(agency: Agency) -> list[str]:
    """The agency's accounts whose head's role a move to a successor lowers, as people read
    them: "Hồ Văn Thủ Trưởng (ldnhatrang)"."""
    found = User.objects.filter(agency=agency, role__in=AGENCY_LEADING).order_by("username")
    return [f"{u.get_full_name() or u.username} ({u.username})" for u in found]


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
        handovers.append(_handover(agency, successor))
    handovers.sort(key=lambda h: h.agency.name)
    _village_moves(handovers)
    return AbolitionPreview(province, effective_on, handovers, problems + _holders(handovers))


def _village_moves(handovers: list[AgencyHandover]) -> None:
    moves = plan_moves((h.agency, h.successor) for h in handovers)
    for h in handovers:
        h.villages = moves.get(h.agency.pk, [])
        if not takes_villages(h.agency, h.successor):
            h.villages_kept = h.agency.villages.count()


def _holders(handovers: list[AgencyHandover]) -> list[str]:
    """Decide, per successor and task, which part moves and which fold (one assignment per
    agency and task): the successor's own part holds the task if it has one; else one abolished
    agency's part moves and becomes it — the first (by agency name) with something recorded on
    it, else the first. Every other part folds into it, reports and all
    (chiso.restructuring.folding). The problems, one line per abolished agency, name the tasks
    where the successor holds a sub-assignment of the part it would succeed."""
    task_ids = {m.task_id for h in handovers for m in h.moved}
    held = {
        (agency_id, task_id): lineage
        for agency_id, task_id, lineage in Assignment.objects.filter(
            agency_id__in={h.successor.pk for h in handovers}, task_id__in=task_ids
        ).values_list("agency_id", "task_id", "lineage")
    }
    parts: dict[tuple[int, int], list[tuple[AgencyHandover, int, bool]]] = {}
    for h in handovers:
        for i, m in enumerate(h.moved):
            recorded = folding.has_history(Assignment.objects.get(pk=m.pk))
            parts.setdefault((h.successor.pk, m.task_id), []).append((h, i, recorded))
    below: dict[str, list[str]] = {}
    for key, found in parts.items():
        if key not in held:  # one part moves: the first with a record, else the first
            mover = next((p for p in found if p[2]), found[0])
            found = [p for p in found if p is not mover]
        for h, i, recorded in found:
            m = h.moved[i]
            if f"/{m.pk}/" in held.get(key, ""):
                below.setdefault(h.agency.name, []).append(m.task_label)
            h.moved[i] = replace(m, folds=True, merges=recorded)
    return _below_problems(handovers, below)


def _successor_of(handovers: list[AgencyHandover], name: str) -> str:
    return next(h.successor.name for h in handovers if h.agency.name == name)


def _below_problems(handovers: list[AgencyHandover], found: dict[str, list[str]]) -> list[str]:
    return [
        _(
            "“%(successor)s” đã nhận %(n)s phần việc do “%(old)s” giao (%(tasks)s), không thể "
            "kế nhiệm chính phần việc đó: chọn cơ quan kế nhiệm khác (UBND tỉnh)."
        )
        % {
            "successor": _successor_of(handovers, old),
            "n": len(tasks),
            "old": old,
            "tasks": "; ".join(tasks),
        }
        for old, tasks in found.items()
    ]


def _relation(assignment: Assignment, successor: Agency) -> str:
    """The successor's relation to the task: a request for a body the province cannot order,
    otherwise the part the abolished agency played (lead or coordinate)."""
    if successor.kind in REQUEST_ONLY_KINDS:
        return Relation.REQUEST.value
    return Relation.LEAD.value if assignment.leads else Relation.COORDINATE.value


def _move_assignment(
    user: User | None, assignment: Assignment, successor: Agency, note: str
) -> None:
    old = str(assignment.agency)
    changes: dict[str, list[Any]] = {"agency": [old, successor.name]}
    relation = _relation(assignment, successor)
    if relation != assignment.relation:
        changes["relation"] = [assignment.relation, relation]
    if assignment.via_group_id is not None:
        changes["via_group"] = [str(assignment.via_group), None]
    assignment.agency, assignment.relation, assignment.via_group = successor, relation, None
    assignment.version += 1
    assignment.save(update_fields=["agency", "relation", "via_group", "version"])
    record(user, assignment, "assignment.handover", changes, note=note)


def move_users(actor: User | None, agency: Agency, successor: Agency, note: str) -> int:
    """The abolished agency's accounts (active or not) join its successor, audited; how many.
    A head's role is lowered to officer in the same save, the entry saying so."""
    moved = 0
    for person in User.objects.select_for_update().filter(agency=agency).order_by("pk"):
        changes: dict[str, list[Any]] = {"agency": [agency.name, successor.name]}
        role = role_in_successor(person.role)
        entry_note = note
        if role != person.role:
            changes["role"] = [person.role, role]
            entry_note = f"{note}. {head_lowered_note(successor)}"
        person.agency, person.role = successor, role
        person.save(update_fields=["agency", "role"])
        record(actor, person, "user.handover", changes, province=agency.province, note=entry_note)
        moved += 1
    return moved


def head_lowered_note(successor: Agency) -> str:
    return _(
        "Chuyển sang %(name)s theo sắp xếp; vai trò lãnh đạo cơ quan hạ thành cán bộ: lãnh đạo "
        "cơ quan mới do quản trị giao"
    ) % {"name": successor.name}


def _dissolve(user: User | None, handover: AgencyHandover, effective_on: dt.date) -> None:
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


def _fold_parts(user: User | None, found: AbolitionPreview, note: str) -> None:
    """Fold the parts that do not move into their successor's part, all of one task at once
    (the merged progress is the mean of every part with something recorded)."""
    folds: dict[tuple[int, int], list[int]] = {}
    for h in found.handovers:
        for m in h.moved:
            if m.folds:
                folds.setdefault((h.successor.pk, m.task_id), []).append(m.pk)
    for (successor_id, task_id), pks in folds.items():
        parts = list(Assignment.objects.select_related("agency").filter(pk__in=pks).order_by("pk"))
        holder = Assignment.objects.select_related("agency").get(
            task_id=task_id, agency_id=successor_id
        )
        folding.fold(user, parts, holder, note)


def _summary(found: AbolitionPreview) -> dict[str, Any]:
    return {
        "agencies": [
            {
                "agency": h.agency.name,
                "successor": h.successor.name,
                "moved": [m.pk for m in h.moved if not m.folds],
                "folded": [m.pk for m in h.moved if m.folds],
                "merged": [m.pk for m in h.moved if m.merges],
                "kept": h.kept,
                "children": [c.name for c in h.children],
                "users": h.users,
                "heads": h.heads,
                "villages": [v.pk for v in h.villages],
                "renamed": {str(v.pk): [v.name, v.new_name] for v in h.villages if v.renamed},
            }
            for h in found.handovers
        ],
        "moved": found.moved,
        "folded": found.folded,
        "merged": found.merged,
        "sub_assignments": found.sub_assignments,
        "villages": found.villages_moved,
    }


@transaction.atomic
def abolish(
    user: User | None, province: Province, successors: Mapping[int, int], effective_on: dt.date
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
    note = _("Sắp xếp đơn vị hành chính, có hiệu lực từ %(day)s") % {
        "day": effective_on.strftime("%d/%m/%Y")
    }
    for handover in found.handovers:
        moving = [m.pk for m in handover.moved if not m.folds]
        for assignment in Assignment.objects.filter(pk__in=moving):
            _move_assignment(user, assignment, handover.successor, note)
    _fold_parts(user, found, note)
    for handover in found.handovers:
        if handover.villages:
            apply_moves(user, handover.agency, handover.successor, handover.villages, note)
        move_users(user, handover.agency, handover.successor, note)
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
