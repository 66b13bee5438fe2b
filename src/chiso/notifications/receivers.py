"""The plan workspace's events (chiso.plans.signals) turned into notifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

from chiso.notifications import fanout
from chiso.notifications.models import Kind
from chiso.plans import signals
from chiso.plans.models import Assignment, ProgressReport, ReportState, Task


def _day(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def on_report_submitted(sender: Any, report: ProgressReport, **kwargs: Any) -> None:
    author = report.author.get_full_name() or report.author.username
    if report.state == ReportState.AWAITING_HEAD:
        event = fanout.report_event(report, Kind.AWAITING_HEAD, author=author)
        fanout.announce(event, fanout.heads_of(report.assignment.agency_id))
        return
    event = fanout.report_event(report, Kind.REPORT_SUBMITTED, author=author)
    fanout.announce(event, fanout.reviewers_of(report))


def on_report_reviewed(sender: Any, report: ProgressReport, accepted: bool, **kwargs: Any) -> None:
    kind = Kind.REPORT_ACCEPTED if accepted else Kind.REPORT_RETURNED
    comment = report.review_comment or report.head_comment  # Sở Nội vụ's, or the head's
    event = fanout.report_event(report, kind, comment=comment[:300])
    people = fanout.agency_people([report.assignment.agency_id])[report.assignment.agency_id]
    deciders = {report.reviewer_id, report.head_reviewer_id if not report.reviewer_id else None}
    fanout.announce(event, [pk for pk in people if pk not in deciders])


def on_assignment_created(sender: Any, assignment: Assignment, **kwargs: Any) -> None:
    key = f"assigned:{assignment.pk}"
    event = fanout.assignment_event(assignment, Kind.ASSIGNED, key, date=_day(assignment.deadline))
    fanout.announce(event, fanout.agency_people([assignment.agency_id])[assignment.agency_id])


def on_deadline_changed(
    sender: Any, task: Task, old: dt.date | None, new: dt.date | None, **kwargs: Any
) -> None:
    moved = list(task.assignments.filter(deadline=new).select_related("task__section", "agency"))
    people = fanout.agency_people({a.agency_id for a in moved})
    for assignment in moved:
        key = f"deadline:{assignment.pk}:{new}"
        event = fanout.assignment_event(
            assignment, Kind.DEADLINE_CHANGED, key, date=_day(new), old=_day(old)
        )
        fanout.announce(event, people[assignment.agency_id])


def connect() -> None:
    signals.report_submitted.connect(on_report_submitted, dispatch_uid="notify-submitted")
    signals.report_reviewed.connect(on_report_reviewed, dispatch_uid="notify-reviewed")
    signals.assignment_created.connect(on_assignment_created, dispatch_uid="notify-assigned")
    signals.deadline_changed.connect(on_deadline_changed, dispatch_uid="notify-deadline")
