"""Tasks of the framework: create, update, delete, with their units (of the plan's index and
of others: chiso.plans.units) and agencies."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyGroup
from chiso.audit.services import diff, record, snapshot
from chiso.plans import signals
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment, Plan, Relation, ReportingPeriod, Section, Task, TaskUnit
from chiso.plans.services.assigning import (
    add_assignment,
    check_agencies,
    check_group,
    relation_for,
    remove_assignment,
)
from chiso.plans.services.guards import require_plan_editor
from chiso.plans.units import UnitRef, check_refs, load_framework_or_none, parse_refs
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

TASK_FIELDS = (
    "code",
    "title",
    "description",
    "section",
    "lead_group",
    "deadline",
    "recurring",
    "reporting_period",
    "expected_output",
    "is_public",
)
LIST_FIELDS = ("unit_codes", "lead_agencies", "coordinating")


def task_snapshot(task: Task) -> dict[str, Any]:
    """Task fields plus its units and direct agencies, for the audit log."""
    data = snapshot(task, TASK_FIELDS)
    direct = task.assignments.top_level().filter(via_group__isnull=True).select_related("agency")
    data["unit_codes"] = _unit_tokens(task)
    data["lead_agencies"] = sorted(a.agency.name for a in direct if a.leads)
    data["coordinating"] = sorted(a.agency.name for a in direct if not a.leads)
    return data


def _unit_tokens(task: Task) -> list[str]:
    """The task's units as the forms write them: "5.2" (the plan's index), "PCI:time_costs"."""
    own = task.plan.index
    refs = sorted(UnitRef(u.index, u.unit_code) for u in task.units.all())
    return sorted(r.token(own) for r in refs)


def clean_unit_codes(plan: Plan, unit_codes: Iterable[str]) -> list[UnitRef]:
    """The units a form or caller gives, checked against their own index's framework: a bare
    code is of the plan's index, "PCI:time_costs" of PCI (chiso.plans.units)."""
    refs = parse_refs(unit_codes, plan.index)
    own = [r for r in refs if r.index == plan.index]
    if own and load_framework_or_none(plan.index) is None:
        refs = [r for r in refs if r.index != plan.index]  # no framework file: kept as typed
    check_refs(refs)
    return sorted({*refs, *own})


def _check_task(task: Task, lead: list[Agency], coordinating: list[Agency]) -> None:
    if not task.title.strip():
        raise PlanError(_("Cần nhập tên nhiệm vụ."), "title")
    if task.section is not None and task.section.plan_id != task.plan_id:
        raise PlanError(_("Mục đã chọn không thuộc kế hoạch này."), "section")
    if task.reporting_period and task.reporting_period not in ReportingPeriod.values:
        raise PlanError(_("Kỳ báo cáo không hợp lệ."), "reporting_period")
    if task.reporting_period and not task.recurring:
        raise PlanError(_("Chỉ nhiệm vụ thường xuyên mới có kỳ báo cáo."), "reporting_period")
    if not lead and task.lead_group is None:
        raise PlanError(_("Cần chọn cơ quan chủ trì hoặc nhóm cơ quan chủ trì."), "lead_agencies")
    both = {a.pk for a in lead} & {a.pk for a in coordinating}
    if both:
        raise PlanError(
            _("Một cơ quan không thể vừa chủ trì vừa phối hợp cùng một nhiệm vụ."), "coordinating"
        )
    check_agencies(task, lead, "lead_agencies")
    check_agencies(task, coordinating, "coordinating")
    check_group(task, task.lead_group)


def _set_units(task: Task, refs: list[UnitRef]) -> None:
    wanted = set(refs)
    have = {UnitRef(u.index, u.unit_code): u.pk for u in task.units.all()}
    TaskUnit.objects.filter(pk__in=[pk for ref, pk in have.items() if ref not in wanted]).delete()
    TaskUnit.objects.bulk_create(
        TaskUnit(task=task, index=r.index, unit_code=r.code) for r in refs if r not in have
    )


@transaction.atomic
def create_task(
    user: User,
    plan: Plan,
    *,
    title: str,
    section: Section | None = None,
    lead_agencies: Iterable[Agency] = (),
    lead_group: AgencyGroup | None = None,
    coordinating: Iterable[Agency] = (),
    deadline: dt.date | None = None,
    recurring: bool = False,
    reporting_period: str = "",
    expected_output: str = "",
    unit_codes: Iterable[str] = (),
    description: str = "",
    code: str = "",
    is_public: bool = True,
    follow_up: bool = False,
) -> Task:
    """A task of the plan's framework, assigned as given; `follow_up` marks one given during
    the year on top of the issued plan (not printed in the plan document)."""
    require_plan_editor(user, plan)
    lead, coordinating = list(lead_agencies), list(coordinating)
    task = Task(
        province_id=plan.province_id,
        plan=plan,
        section=section,
        code=code.strip(),
        follow_up=follow_up,
        title=title.strip(),
        description=description.strip(),
        lead_group=lead_group,
        deadline=deadline,
        recurring=recurring,
        reporting_period=reporting_period or "",
        expected_output=expected_output.strip(),
        is_public=is_public,
        created_by=user,
        order=plan.tasks.count() + 1,
    )
    _check_task(task, lead, coordinating)
    codes = clean_unit_codes(plan, unit_codes)
    task.save()
    _set_units(task, codes)
    for agency in lead:
        add_assignment(user, task, agency, Relation.LEAD)
    for agency in coordinating:
        add_assignment(user, task, agency, Relation.COORDINATE)
    if lead_group is not None:
        taken = {a.pk for a in lead + coordinating}
        for agency in lead_group.members.filter(active=True).order_by("name"):
            if agency.pk not in taken:
                add_assignment(user, task, agency, Relation.LEAD, via_group=lead_group)
    record(user, task, "task.create", diff({}, task_snapshot(task)))
    return task


def _sync_direct(user: User, task: Task, lead: list[Agency], coordinating: list[Agency]) -> None:
    """Make the task's direct (not via group) assignments match the form's two lists."""
    wanted = {a.pk: (a, Relation.LEAD) for a in lead}
    wanted.update({a.pk: (a, Relation.COORDINATE) for a in coordinating})
    current = {a.agency_id: a for a in task.assignments.top_level().select_related("agency")}
    for agency_id, assignment in current.items():
        if assignment.via_group_id is None and agency_id not in wanted:
            remove_assignment(user, assignment)
    for agency_id, (agency, relation) in wanted.items():
        existing = current.get(agency_id)
        if existing is None:
            add_assignment(user, task, agency, relation)
            continue
        assignment = existing
        leads, new_relation = relation == Relation.LEAD, relation_for(agency, relation)
        if (assignment.leads, assignment.relation) != (leads, new_relation):
            record(
                user,
                assignment,
                "assignment.update",
                {
                    "relation": [assignment.relation, new_relation],
                    "leads": [assignment.leads, leads],
                },
            )
            assignment.relation, assignment.leads = new_relation, leads
            assignment.save(update_fields=["relation", "leads"])


def _change_group(user: User, task: Task, old: AgencyGroup | None) -> None:
    """A different lead group: drop the old group's assignments, assign the new group's members."""
    for assignment in task.assignments.filter(via_group=old).select_related("agency"):
        remove_assignment(user, assignment, "lead_group")
    if task.lead_group is not None:
        taken = set(task.assignments.values_list("agency_id", flat=True))
        for agency in task.lead_group.members.filter(active=True).order_by("name"):
            if agency.pk not in taken:
                add_assignment(user, task, agency, Relation.LEAD, via_group=task.lead_group)


def _current_lists(task: Task) -> dict[str, list[Any]]:
    direct = list(
        task.assignments.top_level().filter(via_group__isnull=True).select_related("agency")
    )
    return {
        "unit_codes": _unit_tokens(task),
        "lead_agencies": [a.agency for a in direct if a.leads],
        "coordinating": [a.agency for a in direct if not a.leads],
    }


@transaction.atomic
def update_task(user: User, task: Task, *, version: int | None, **fields: Any) -> Task:
    """Change any of create_task's fields; the form's `version` guards against lost updates."""
    require_plan_editor(user, task.plan)
    unknown = set(fields) - set(TASK_FIELDS) - set(LIST_FIELDS)
    if unknown:
        raise TypeError(f"update_task: unknown fields {sorted(unknown)}")
    task = lock_current(task, version)
    before = task_snapshot(task)
    old_group, old_deadline = task.lead_group, task.deadline
    lists = {**_current_lists(task), **{k: list(v) for k, v in fields.items() if k in LIST_FIELDS}}
    for name in TASK_FIELDS:
        if name in fields:
            value = fields[name]
            setattr(task, name, value.strip() if isinstance(value, str) else value)
    task.reporting_period = task.reporting_period or ""
    _check_task(task, lists["lead_agencies"], lists["coordinating"])
    codes = clean_unit_codes(task.plan, lists["unit_codes"])
    _set_units(task, codes)
    _sync_direct(user, task, lists["lead_agencies"], lists["coordinating"])
    if task.lead_group != old_group:
        _change_group(user, task, old_group)
    if task.deadline != old_deadline:
        # Deadlines extended for one agency on purpose stay as they are.
        Assignment.objects.filter(task=task, deadline=old_deadline).update(deadline=task.deadline)
        if task.report_schedule:  # the schedule runs to the deadline
            from chiso.plans.services.periods import sync_task

            sync_task(task)
        signals.deadline_changed.send(Task, task=task, old=old_deadline, new=task.deadline)
    changes = diff(before, task_snapshot(task))
    if changes:
        bump(task)
        task.save()
        record(user, task, "task.update", changes)
    return task


@transaction.atomic
def delete_task(user: User, task: Task, *, version: int | None) -> None:
    """Only a task nobody has reported on may be deleted (reports are part of the record)."""
    require_plan_editor(user, task.plan)
    task = lock_current(task, version)
    if Assignment.objects.filter(task=task, reports__isnull=False).exists():
        raise PlanError(_("Không thể xóa nhiệm vụ đã có báo cáo của cơ quan thực hiện."))
    record(user, task, "task.delete", {k: [v, None] for k, v in task_snapshot(task).items()})
    task.delete()
