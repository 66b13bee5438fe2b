"""The plan's progress as of a day, read from the database into typed rows for the reports:
counts by status per section and per agency, overdue assignments, returned reports, and every
assignment (the Excel annex). Status is the plans app's derived status, computed in SQL."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from chiso.plans.models import Assignment, Plan, ProgressReport, ReportState
from chiso.plans.status import Status, status_expression
from chiso.plans.units import UnitRef, short_text

STATUS_ORDER = (
    Status.DONE,
    Status.DONE_LATE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.OVERDUE,
)
NO_SECTION = "Nhiệm vụ khác"


@dataclass(frozen=True)
class StatusCounts:
    label: str
    by_status: dict[str, int]
    mean_progress: float  # average reported progress (%) of the assignments

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def done(self) -> int:
        return self.by_status.get(Status.DONE, 0) + self.by_status.get(Status.DONE_LATE, 0)

    def count(self, status: str) -> int:
        return self.by_status.get(status, 0)


@dataclass(frozen=True)
class AssignmentRow:
    section: str
    task_code: str
    task_title: str
    units: str  # "1.4, 2.2"; another index's named: "1.4, 2.2; PCI: time_costs"
    agency: str
    relation: str  # Vietnamese label: Chủ trì / Phối hợp / Đề nghị
    deadline: dt.date | None
    progress: int
    status: str  # Status code
    status_label: str
    completed_on: dt.date | None
    last_report_on: dt.date | None


@dataclass(frozen=True)
class OverdueRow:
    task_code: str
    task_title: str
    agency: str
    deadline: dt.date
    days_late: int
    progress: int


@dataclass(frozen=True)
class ReturnedRow:
    task_code: str
    task_title: str
    agency: str
    returned_on: dt.date | None
    comment: str


@dataclass(frozen=True)
class PlanProgress:
    today: dt.date
    tasks: int
    overall: StatusCounts
    by_section: tuple[StatusCounts, ...]
    by_agency: tuple[StatusCounts, ...]
    overdue: tuple[OverdueRow, ...]
    returned: tuple[ReturnedRow, ...]
    assignments: tuple[AssignmentRow, ...]


def _counts(label: str, rows: list[AssignmentRow]) -> StatusCounts:
    by_status: dict[str, int] = defaultdict(int)
    for row in rows:
        by_status[row.status] += 1
    mean = sum(r.progress for r in rows) / len(rows) if rows else 0.0
    return StatusCounts(label, dict(by_status), mean)


def _row(a: Assignment, own_index: str) -> AssignmentRow:
    task = a.task
    section = f"{task.section.code}. {task.section.title}" if task.section else NO_SECTION
    status = Status(a.current_status)  # type: ignore[attr-defined]
    local_report = timezone.localdate(a.last_report_at) if a.last_report_at else None
    return AssignmentRow(
        section=section,
        task_code=task.code,
        task_title=task.title,
        units=short_text([UnitRef(u.index, u.unit_code) for u in task.units.all()], own_index),
        agency=a.agency.name,
        relation=str(a.get_relation_display()),
        deadline=a.deadline,
        progress=a.progress,
        status=status.value,
        status_label=str(status.label),
        completed_on=a.completed_on,
        last_report_on=local_report,
    )


def plan_progress(plan: Plan, today: dt.date) -> PlanProgress:
    assignments = list(
        Assignment.objects.top_level()
        .filter(task__plan=plan)
        .select_related("task", "task__section", "agency")
        .prefetch_related(Prefetch("task__units"))
        .annotate(current_status=status_expression(today))
        .order_by(
            "task__section__order", "task__section__id", "task__order", "task__id", "agency__name"
        )
    )
    rows = [_row(a, plan.index) for a in assignments]
    by_section: dict[str, list[AssignmentRow]] = defaultdict(list)
    by_agency: dict[str, list[AssignmentRow]] = defaultdict(list)
    for row in rows:
        by_section[row.section].append(row)
        by_agency[row.agency].append(row)
    overdue = sorted(
        (
            OverdueRow(
                r.task_code,
                r.task_title,
                r.agency,
                r.deadline,
                (today - r.deadline).days,
                r.progress,
            )
            for r in rows
            if r.status == Status.OVERDUE and r.deadline is not None
        ),
        key=lambda o: (-o.days_late, o.agency, o.task_code),
    )
    return PlanProgress(
        today=today,
        tasks=len({a.task_id for a in assignments}),
        overall=_counts("Toàn kế hoạch", rows),
        by_section=tuple(_counts(label, items) for label, items in by_section.items()),
        by_agency=tuple(
            sorted(
                (_counts(label, items) for label, items in by_agency.items()),
                key=lambda c: (-c.count(Status.OVERDUE), c.label),
            )
        ),
        overdue=tuple(overdue),
        returned=_returned(plan),
        assignments=tuple(rows),
    )


def _returned(plan: Plan) -> tuple[ReturnedRow, ...]:
    """Reports sent back by the reviewer and not yet followed by a revision."""
    reports = (
        ProgressReport.objects.filter(
            assignment__task__plan=plan, state=ReportState.RETURNED, revisions__isnull=True
        )
        .select_related("assignment__task", "assignment__agency")
        .order_by("reviewed_at", "id")
    )
    return tuple(
        ReturnedRow(
            task_code=r.assignment.task.code,
            task_title=r.assignment.task.title,
            agency=r.assignment.agency.name,
            returned_on=timezone.localdate(r.reviewed_at) if r.reviewed_at else None,
            comment=r.review_comment,
        )
        for r in reports
    )
