"""The reporting loop in the national synthetic data set (chiso.demo.synthetic): reporting periods
and notifications.

- **Periods**: the plan's recurring tasks report quarterly; a share of the others on the seed's two
  dates (30/6 and 29/9/2023). Every assignment of those tasks gets its periods (the schedule
  services' own rule, `task_periods`), those due by `PERIODS_AS_OF` (the benchmarks' day) mostly
  sent — some late, most accepted — and `Assignment.period_due` set as the period services keep it
  (the earliest period with nothing sent). The periods are not linked to particular reports.
- **Notifications**: what the loop would have sent for each report — waiting for review → the
  province's coordinator, returned or accepted → its author — most of them read and mailed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models import Model
from django.urls import reverse

from chiso.accounts.models import User
from chiso.notifications.models import Kind, MailState, Notification
from chiso.plans.models import (
    Assignment,
    ProgressReport,
    ReportPeriod,
    ReportSchedule,
    ReportState,
    Task,
)
from chiso.plans.services.periods import task_periods

BATCH = 5000
PERIODS_AS_OF = dt.date(2023, 8, 15)
SEED_DATES = ["2023-06-30", "2023-09-29"]
DATES_SHARE = 0.05  # of the tasks that are not recurring
SENT_SHARE = 0.75  # of the periods due by PERIODS_AS_OF
ACCEPTED_SHARE = 0.7  # of the periods sent


def add_schedules(rng: random.Random, tasks: list[Task]) -> list[Task]:
    """Recurring tasks report quarterly, DATES_SHARE of the others on the seed's dates."""
    scheduled = []
    for task in tasks:
        if task.recurring:
            task.report_schedule = ReportSchedule.QUARTERLY
        elif rng.random() < DATES_SHARE:
            task.report_schedule, task.report_dates = ReportSchedule.DATES, list(SEED_DATES)
        else:
            continue
        scheduled.append(task)
    Task.objects.bulk_update(scheduled, ["report_schedule", "report_dates"], batch_size=2000)
    return scheduled


def _period(
    rng: random.Random, assignment: Assignment, starts_on: dt.date, due_on: dt.date
) -> ReportPeriod:
    submitted = accepted = None
    if due_on <= PERIODS_AS_OF and rng.random() < SENT_SHARE:
        submitted = min(due_on + dt.timedelta(days=rng.randint(-10, 12)), PERIODS_AS_OF)
        reviewed = submitted + dt.timedelta(days=3)
        if reviewed <= PERIODS_AS_OF and rng.random() < ACCEPTED_SHARE:
            accepted = reviewed
    return ReportPeriod(
        province_id=assignment.province_id,
        assignment=assignment,
        starts_on=starts_on,
        due_on=due_on,
        submitted_on=submitted,
        accepted_on=accepted,
    )


def add_periods(rng: random.Random, scheduled: list[Task], assignments: list[Assignment]) -> int:
    """Each scheduled task's assignments get its periods; returns how many were made."""
    wanted = {task.pk: task_periods(task) for task in scheduled}
    rows: list[ReportPeriod] = []
    touched = []
    for assignment in assignments:
        periods = wanted.get(assignment.task_id)
        if not periods:
            continue
        made = [_period(rng, assignment, p.starts_on, p.due_on) for p in periods]
        rows += made
        assignment.period_due = min(
            (p.due_on for p in made if p.submitted_on is None), default=None
        )
        touched.append(assignment)
    ReportPeriod.objects.bulk_create(rows, BATCH)
    Assignment.objects.bulk_update(touched, ["period_due"], batch_size=2000)
    return len(rows)


@contextmanager
def dates_as_given(model: type[Model], field_name: str) -> Iterator[None]:
    """Let bulk_create keep the dates we set in `field_name` (auto_now_add would stamp every row
    'now')."""
    field = model._meta.get_field(field_name)
    saved = field.auto_now_add  # type: ignore[union-attr]
    field.auto_now_add = False  # type: ignore[union-attr]
    try:
        yield
    finally:
        field.auto_now_add = saved  # type: ignore[union-attr]


def _notification(rng: random.Random, report: ProgressReport, to: User) -> Notification:
    kind = {
        ReportState.SUBMITTED: Kind.REPORT_SUBMITTED,
        ReportState.RETURNED: Kind.REPORT_RETURNED,
    }.get(report.state, Kind.REPORT_ACCEPTED)  # type: ignore[call-overload]
    at = report.submitted_at if kind == Kind.REPORT_SUBMITTED else report.reviewed_at
    assert at is not None
    # Reports still waiting are the newest news: half of those are unread, of the rest a few.
    read = rng.random() < (0.5 if kind == Kind.REPORT_SUBMITTED else 0.9)
    assignment = report.assignment
    url = reverse("plans:assignment-detail", args=[assignment.pk]) + f"#bao-cao-{report.pk}"
    return Notification(
        province_id=report.province_id,
        recipient=to,
        kind=kind,
        key=f"{kind}:{report.pk}",
        params={"task": assignment.task.title, "agency": assignment.agency.name},
        url=url,
        created_at=at,
        read_at=at + dt.timedelta(hours=rng.randint(1, 72)) if read else None,
        mail=MailState.SENT,
        mailed_at=at + dt.timedelta(minutes=5),
    )


def add_notifications(
    rng: random.Random, reports: list[ProgressReport], coordinators: dict[int | None, User]
) -> int:
    """One notification per report, to whom the loop tells of it; returns how many."""
    rows = []
    for report in reports:
        if report.state == ReportState.SUBMITTED:
            to = coordinators[report.province_id]
            if to.pk == report.author_id:
                continue  # nobody is told of their own report
        else:
            to = report.author
        rows.append(_notification(rng, report, to))
    with dates_as_given(Notification, "created_at"):
        Notification.objects.bulk_create(rows, BATCH)
    return len(rows)
