"""Reporting schedules: the coordinator sets a task's schedule, every assignment of the task gets
its periods (ReportPeriod), and reports fill them in.

A changed schedule keeps every period that already has a report (its history stays) and drops
only empty periods that are no longer in the schedule. `Assignment.period_due` (the earliest
period with no report) is kept here, so statuses and deadline lists read one column.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.audit.services import diff, record, snapshot
from chiso.plans import schedule
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment, ProgressReport, ReportPeriod, ReportSchedule, Task
from chiso.plans.services.guards import require_plan_editor
from chiso.site import clock
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

SCHEDULE_FIELDS = ("report_schedule", "report_dates", "schedule_start")
MAX_DATES = 60


def task_periods(task: Task) -> list[schedule.Period]:
    """The periods the task's schedule asks for: from `schedule_start` (else the plan's issue
    date, else 1 January of the plan year) to the task's deadline (else 31 December)."""
    return _periods(task, task.report_schedule, task.report_dates, task.deadline)


def assignment_periods(assignment: Assignment) -> list[schedule.Period]:
    """The agency's own schedule when the coordinator gave it one (up to the assignment's own
    deadline), otherwise its task's."""
    if not assignment.report_schedule:
        return task_periods(assignment.task)
    task = assignment.task
    end = assignment.deadline or task.deadline
    return _periods(task, assignment.report_schedule, assignment.report_dates, end)


def _periods(
    task: Task, kind: str, iso_dates: list[str], deadline: dt.date | None
) -> list[schedule.Period]:
    if not kind:
        return []
    plan = task.plan
    start = task.schedule_start or plan.issued_on or dt.date(plan.year, 1, 1)
    end = deadline or dt.date(plan.year, 12, 31)
    dates = [dt.date.fromisoformat(d) for d in iso_dates]
    return schedule.periods(kind, dates, start, end)


def sync_assignment(assignment: Assignment, wanted: Iterable[schedule.Period]) -> None:
    """Make the assignment's periods those of the schedule, keeping any that has a report."""
    wanted = list(wanted)
    spans = {(p.starts_on, p.due_on) for p in wanted}
    # An empty period goes unless the schedule has it, start and end alike (a quarter ending
    # 30/09 is not September's month).
    empty = assignment.periods.filter(submitted_on__isnull=True, reports__isnull=True)
    stale = [
        pk
        for pk, start, due in empty.values_list("pk", "starts_on", "due_on")
        if (start, due) not in spans
    ]
    ReportPeriod.objects.filter(pk__in=stale).delete()
    have = set(assignment.periods.values_list("due_on", flat=True))
    ReportPeriod.objects.bulk_create(
        ReportPeriod(
            province_id=assignment.province_id,
            assignment=assignment,
            starts_on=p.starts_on,
            due_on=p.due_on,
        )
        for p in wanted
        if p.due_on not in have
    )
    refresh_period_due(assignment)


def sync_task(task: Task) -> None:
    """Every assignment follows the task's schedule, except those given their own."""
    wanted = task_periods(task)
    for assignment in task.assignments.all():
        own = assignment.report_schedule
        sync_assignment(assignment, assignment_periods(assignment) if own else wanted)


def refresh_period_due(assignment: Assignment) -> None:
    earliest = assignment.periods.filter(submitted_on__isnull=True).aggregate(d=Min("due_on"))["d"]
    if earliest != assignment.period_due:
        Assignment.objects.filter(pk=assignment.pk).update(period_due=earliest)
        assignment.period_due = earliest


def _clean_dates(kind: str, dates: Iterable[Any]) -> list[str]:
    found = sorted({d for d in dates if isinstance(d, dt.date)})
    if kind == ReportSchedule.DATES and not found:
        raise PlanError(_("Cần nhập ít nhất một ngày báo cáo (dd/mm/yyyy)."), "report_dates")
    if len(found) > MAX_DATES:
        raise PlanError(_("Tối đa %(n)s ngày báo cáo.") % {"n": MAX_DATES}, "report_dates")
    return [d.isoformat() for d in found] if kind == ReportSchedule.DATES else []


@transaction.atomic
def set_schedule(
    user: User,
    task: Task,
    *,
    report_schedule: str,
    report_dates: Iterable[dt.date] = (),
    schedule_start: dt.date | None = None,
    version: int | None,
) -> Task:
    """Set (or with "" remove) the task's reporting schedule; every assignment follows."""
    require_plan_editor(user, task.plan)
    task = lock_current(task, version)
    if report_schedule and report_schedule not in ReportSchedule.values:
        raise PlanError(_("Lịch báo cáo không hợp lệ."), "report_schedule")
    before = snapshot(task, SCHEDULE_FIELDS)
    task.report_schedule = report_schedule
    task.report_dates = _clean_dates(report_schedule, report_dates)
    task.schedule_start = schedule_start if report_schedule else None
    bump(task)
    task.save(update_fields=[*SCHEDULE_FIELDS, "version", "updated_at"])
    sync_task(task)
    record(user, task, "task.schedule", diff(before, snapshot(task, SCHEDULE_FIELDS)))
    return task


ASSIGNMENT_SCHEDULE_FIELDS = ("report_schedule", "report_dates")


@transaction.atomic
def set_assignment_schedule(
    user: User,
    assignment: Assignment,
    *,
    report_schedule: str,
    report_dates: Iterable[dt.date] = (),
    version: int | None,
) -> Assignment:
    """Give one agency's assignment its own reporting schedule, or with "" let it follow the
    task's again. Periods that already have a report are kept, as for a task's schedule."""
    require_plan_editor(user, assignment.task.plan)
    assignment = lock_current(assignment, version)
    if report_schedule and report_schedule not in ReportSchedule.values:
        raise PlanError(_("Lịch báo cáo không hợp lệ."), "report_schedule")
    before = snapshot(assignment, ASSIGNMENT_SCHEDULE_FIELDS)
    assignment.report_schedule = report_schedule
    assignment.report_dates = _clean_dates(report_schedule, report_dates)
    bump(assignment)
    assignment.save(update_fields=[*ASSIGNMENT_SCHEDULE_FIELDS, "version"])
    sync_assignment(assignment, assignment_periods(assignment))
    after = snapshot(assignment, ASSIGNMENT_SCHEDULE_FIELDS)
    record(user, assignment, "assignment.schedule", diff(before, after))
    return assignment


def open_periods(assignment: Assignment) -> list[ReportPeriod]:
    """Periods still owed a report, earliest first (the report form's choices)."""
    return list(assignment.periods.filter(submitted_on__isnull=True).order_by("due_on"))


def period_for(
    assignment: Assignment, period: ReportPeriod | None, revises: ProgressReport | None
) -> ReportPeriod | None:
    """The period a new report answers: a revision answers its original's; otherwise the chosen
    one, or the earliest still owed."""
    if revises is not None:
        return revises.period
    if period is None:
        owed = open_periods(assignment)
        return owed[0] if owed else None
    if period.assignment_id != assignment.pk:
        raise PlanError(_("Kỳ báo cáo không thuộc phân công này."), "period")
    if period.submitted_on is not None:
        raise PlanError(_("Kỳ báo cáo này đã có báo cáo."), "period")
    return period


def mark_submitted(report: ProgressReport) -> None:
    period = report.period
    if period is None or period.submitted_on is not None:
        return
    period.submitted_on = min(timezone.localdate(report.submitted_at), clock.today())
    period.save(update_fields=["submitted_on"])
    refresh_period_due(report.assignment)


def mark_accepted(report: ProgressReport) -> None:
    if report.period is not None and report.period.accepted_on is None:
        report.period.accepted_on = clock.today()
        report.period.save(update_fields=["accepted_on"])
