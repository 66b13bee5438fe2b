"""Read-side helpers for the pages: the task list's filters and the per-task summaries.

Filtering by status uses the SQL form of the status rule (`status_expression`), so a page of
tasks costs a fixed number of queries whatever the plan's size.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet

from chiso.plans.models import Assignment, Relation, Task, TaskUnit
from chiso.plans.status import Status, overdue_filter, status_expression
from chiso.plans.units import UnitRef, index_name, parse_ref, unit_label
from chiso.site.language import content_language
from chiso.site.text import search
from chiso.web.params import int_param


@dataclass(frozen=True)
class TaskFilter:
    section: int | None = None
    agency: int | None = None
    status: str = ""
    unit: str = ""
    overdue: bool = False
    q: str = ""

    @classmethod
    def from_query(cls, params: Any) -> TaskFilter:
        status = params.get("status", "")
        return cls(
            section=int_param(params, "section"),
            agency=int_param(params, "agency"),
            status=status if status in Status.values else "",
            unit=params.get("unit", "").strip()[:40],
            overdue=params.get("overdue") in ("1", "on", "true"),
            q=params.get("q", "").strip()[:100],
        )

    @property
    def active(self) -> bool:
        return any((self.section, self.agency, self.status, self.unit, self.overdue, self.q))


def with_status(qs: QuerySet[Assignment], today: dt.date) -> QuerySet[Assignment]:
    return qs.annotate(current_status=status_expression(today))


def filter_tasks(tasks: QuerySet[Task], f: TaskFilter, today: dt.date) -> QuerySet[Task]:
    if f.section:
        tasks = tasks.filter(section_id=f.section)
    if f.unit:
        # "2" also finds tasks linked to "2.4": a dimension covers its sub-dimensions. A bare
        # code is of the task's plan's index; "PCI:time_costs" names another (plans.units).
        ref = parse_ref(f.unit, "")
        index = ref.index or F("plan__index")
        tasks = tasks.filter(units__index=index, units__unit_code__startswith=ref.code).distinct()
    if f.q:
        tasks = search(tasks, "title", f.q)
    matching = with_status(Assignment.objects.filter(task=OuterRef("pk")), today)
    if f.agency:
        matching = matching.filter(agency_id=f.agency)
    if f.status == Status.OVERDUE or f.overdue:
        matching = matching.filter(overdue_filter(today))
    if f.status and f.status != Status.OVERDUE:
        # A Q: the type checker does not see the annotation through with_status.
        matching = matching.filter(Q(current_status=f.status))
    if f.agency or f.status or f.overdue:
        tasks = tasks.filter(Exists(matching))
    return tasks


@dataclass(frozen=True)
class LeadChip:
    """One lead agency as the task table shows it (requested bodies marked "đề nghị")."""

    name: str
    requested: bool


@dataclass
class TaskRow:
    task: Task
    assignments: list[Assignment]
    counts: dict[str, int] = field(default_factory=dict)
    unit_codes: list[str] = field(default_factory=list)  # "5.2"; "PCI time_costs" for others
    # Leads assigned directly (a group's members show as the group's name instead).
    leads: list[LeadChip] = field(default_factory=list)

    @property
    def done(self) -> int:
        return self.counts.get(Status.DONE, 0) + self.counts.get(Status.DONE_LATE, 0)

    @property
    def overdue(self) -> int:
        return self.counts.get(Status.OVERDUE, 0)


def unit_chips(task: Task) -> list[str]:
    """The task's units as the task table's chips: "2.4" (the plan's index), "PAPI 5",
    "PAR INDEX 3"; a named unit by its name ("Chi phí thời gian", "PCI Chi phí thời gian")."""
    own, year, lang = task.plan.index, task.plan.year, content_language()
    chips = []
    for u in sorted(task.units.all(), key=lambda u: u.index != own):
        text = u.unit_code
        if not text[:1].isdigit():
            text = unit_label(UnitRef(u.index, u.unit_code), year, lang).name or text
        chips.append(text if u.index == own else f"{index_name(u.index)} {text}")
    return chips


def task_rows(tasks: list[Task], today: dt.date) -> list[TaskRow]:
    """Rows for tasks fetched with `with_task_details` (no further queries)."""
    rows = []
    for task in tasks:
        assignments = list(task.assignments.all())
        counts: dict[str, int] = {}
        for assignment in assignments:
            status = assignment.status(today)
            counts[status] = counts.get(status, 0) + 1
        leads = [
            LeadChip(a.agency.short_name or a.agency.name, a.relation == Relation.REQUEST)
            for a in assignments
            if a.leads and not a.via_group_id
        ]
        codes = unit_chips(task)
        rows.append(TaskRow(task, assignments, counts, codes, leads))
    return rows


def with_task_details(tasks: QuerySet[Task]) -> QuerySet[Task]:
    # Explicit orderings for the prefetches: the models' default orderings start with "task",
    # which expands to the task's and the plan's orderings and joins (and, on PostgreSQL,
    # hashes) every task and plan of the deployment just to sort one page's rows.
    return tasks.select_related("section", "lead_group", "plan").prefetch_related(
        Prefetch("units", queryset=TaskUnit.objects.order_by("task_id", "index", "unit_code")),
        Prefetch(
            "assignments",
            queryset=Assignment.objects.top_level()
            .select_related("agency")
            .order_by("task_id", "agency__name", "id"),
        ),
    )
