"""Start next year's plan from this one: the same sections, objectives and tasks (with their PAPI
units and agencies), one year later. Reports, progress and dates of completion stay behind.

Texts move on a year too where they name the plan's year or its baseline year ("PAPI năm 2023"
→ "PAPI năm 2024", "so với năm 2022" → "so với năm 2023"); dates of documents ("ngày
05/01/2023", "…/QĐ-UBND năm 2019" of another year) are left as they are."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction

from chiso.audit.services import diff, record
from chiso.plans.models import Assignment, Plan, Section, Task, TaskUnit
from chiso.plans.services.drafting import save_objective, save_section
from chiso.plans.services.guards import require_plan_editor
from chiso.plans.services.plans import create_plan
from chiso.plans.services.tasks import task_snapshot

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class CopySummary:
    plan: Plan
    sections: int
    objectives: int
    tasks: int
    assignments: int
    # Agencies no longer active: their assignments are not carried over (named for the user).
    skipped_agencies: tuple[str, ...]
    # Titles, objective texts and task texts whose years were moved on.
    texts_shifted: int = 0


def one_year_later(day: dt.date | None) -> dt.date | None:
    """The same day next year; 29 February becomes 28 February."""
    if day is None:
        return None
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def shift_years(text: str, plan: Plan) -> str:
    """`text` of `plan` as next year's plan says it: "năm 2023" (the plan's year) → "năm 2024",
    "năm 2022" (its baseline) → "năm 2023"; also "PAPI 2023". Other years and dates stay."""
    moved = {plan.year: plan.year + 1}
    if plan.baseline_year:
        moved[plan.baseline_year] = plan.baseline_year + 1
    pattern = re.compile(rf"\b((?:năm|{re.escape(plan.index)})\s+)(\d{{4}})\b", re.IGNORECASE)

    def replace(match: re.Match[str]) -> str:
        year = int(match.group(2))
        return match.group(1) + str(moved.get(year, year))

    return pattern.sub(replace, text)


class _Shifter:
    """shift_years for one copy, counting the texts it changed."""

    def __init__(self, source: Plan) -> None:
        self.source = source
        self.changed = 0

    def __call__(self, text: str) -> str:
        shifted = shift_years(text, self.source)
        self.changed += shifted != text
        return shifted


@transaction.atomic
def copy_plan_to_next_year(
    user: User,
    source: Plan,
    *,
    number: str,
    title: str,
    issued_on: dt.date | None = None,
) -> CopySummary:
    """A new plan for `source.year + 1` (baseline: `source.year`), not public until published."""
    require_plan_editor(user, source)
    plan = create_plan(
        user,
        number=number,
        title=title,
        year=source.year + 1,
        baseline_year=source.year,
        index=source.index,
        issued_on=issued_on,
        issuer=source.issuer,
        signer=source.signer,
        signer_title=source.signer_title,
        report_due=one_year_later(source.report_due),
        is_public=False,
    )
    record(user, plan, "plan.copy", {"copied_from": [None, source.number]})
    shift = _Shifter(source)
    sections = {
        s.pk: save_section(user, plan, code=s.code, title=shift(s.title), order=s.order)
        for s in source.sections.all()
    }
    objectives = list(source.objectives.all())
    for o in objectives:
        save_objective(
            user,
            plan,
            code=o.code,
            text=shift(o.text),
            kind=o.kind,
            value=o.value,
            tier=o.tier,
            count=o.count,
            unit=o.unit,
            index=o.index,
            order=o.order,
        )
    tasks, assignments, skipped = _copy_tasks(user, source, plan, sections, shift)
    return CopySummary(
        plan=plan,
        sections=len(sections),
        objectives=len(objectives),
        tasks=tasks,
        assignments=assignments,
        skipped_agencies=tuple(sorted(skipped)),
        texts_shifted=shift.changed,
    )


def _copy_tasks(
    user: User, source: Plan, plan: Plan, sections: dict[int, Section], shift: _Shifter
) -> tuple[int, int, set[str]]:
    source_tasks = (
        Task.objects.filter(plan=source)
        .select_related("lead_group")
        .prefetch_related("units", "assignments__agency", "assignments__via_group")
    )
    tasks = assignments = 0
    skipped: set[str] = set()
    for old in source_tasks:
        task = Task.objects.create(
            province_id=plan.province_id,
            plan=plan,
            section=sections.get(old.section_id) if old.section_id else None,
            code=old.code,
            title=shift(old.title),
            description=shift(old.description),
            lead_group=old.lead_group,
            deadline=one_year_later(old.deadline),
            recurring=old.recurring,
            reporting_period=old.reporting_period,
            expected_output=shift(old.expected_output),
            is_public=old.is_public,
            order=old.order,
            created_by=user,
        )
        TaskUnit.objects.bulk_create(
            TaskUnit(task=task, index=u.index, unit_code=u.unit_code) for u in old.units.all()
        )
        for a in old.assignments.all():
            if a.parent_id is not None:
                continue  # agencies split their own part again in the new year
            if not a.agency.active:
                skipped.add(a.agency.name)
                continue
            _copy_assignment(user, task, a)
            assignments += 1
        tasks += 1
        record(user, task, "task.create", diff({}, task_snapshot(task)))
    return tasks, assignments, skipped


def _copy_assignment(user: User, task: Task, old: Assignment) -> Assignment:
    assignment = Assignment.objects.create(
        province_id=task.province_id,
        task=task,
        agency=old.agency,
        relation=old.relation,
        via_group=old.via_group,
        leads=old.leads,
        deadline=one_year_later(old.deadline),
    )
    changes: dict[str, list[Any]] = {
        "agency": [None, old.agency.name],
        "relation": [None, assignment.get_relation_display()],
    }
    if old.via_group is not None:
        changes["via_group"] = [None, old.via_group.name]
    record(user, assignment, "assignment.create", changes)
    return assignment
