"""Who is told what. `announce` writes one notification per person (never twice for one event:
the (recipient, key) pair is unique) and has the mail job run once the transaction commits."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.urls import reverse

from chiso.accounts.models import Role, User
from chiso.accounts.roles import REPORTING_ROLES
from chiso.notifications.models import Kind, Notification
from chiso.plans import access
from chiso.plans.models import Assignment, ProgressReport

# Who works for an agency and hears about its reports and deadlines (heads included).
AGENCY_ROLES = REPORTING_ROLES


@dataclass(frozen=True)
class Event:
    province_id: int
    kind: Kind
    key: str
    url: str
    params: dict[str, str] = field(default_factory=dict)


def announce(event: Event, recipient_ids: Iterable[int]) -> int:
    """Notify each person once; returns how many were asked for (duplicates are ignored)."""
    return announce_many([(event, recipient_ids)])


def announce_many(pairs: Iterable[tuple[Event, Iterable[int]]]) -> int:
    """Several events in one insert (the daily deadline notices)."""
    rows = [
        Notification(
            province_id=event.province_id,
            recipient_id=pk,
            kind=event.kind,
            key=event.key,
            url=event.url,
            params=event.params,
        )
        for event, recipient_ids in pairs
        for pk in sorted(set(recipient_ids))
    ]
    if rows:
        Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
        mail_after_commit()
    return len(rows)


def mail_after_commit() -> None:
    """Queue the mail job once per transaction, after it commits."""
    from chiso.notifications.tasks import send_notification_mail

    def enqueue() -> None:
        send_notification_mail.enqueue()

    connection = transaction.get_connection()
    if not any(getattr(f, "_chiso_mail", False) for _, f, _ in connection.run_on_commit):
        enqueue._chiso_mail = True  # type: ignore[attr-defined]
        transaction.on_commit(enqueue)


def agency_people(agency_ids: Iterable[int]) -> dict[int, list[int]]:
    """agency id → the active people who work for it (heads included)."""
    found: dict[int, list[int]] = defaultdict(list)
    users = User.objects.filter(
        agency_id__in=list(agency_ids), is_active=True, role__in=AGENCY_ROLES
    ).values_list("agency_id", "pk")
    for agency_id, pk in users:
        found[agency_id].append(pk)
    return found


def heads_of(agency_id: int) -> list[int]:
    return list(
        User.objects.filter(agency_id=agency_id, is_active=True, role=Role.AGENCY_HEAD).values_list(
            "pk", flat=True
        )
    )


def reviewers_of(report: ProgressReport) -> list[int]:
    """Who reviews the report: for a sub-assignment, the people of the agency that handed it
    down; otherwise the province's named reviewer for the coordinating agency's own reports, or
    its coordinators; never the author."""
    assignment = report.assignment
    if assignment.parent_id is not None:
        above = assignment.parent.agency_id  # type: ignore[union-attr]
        return [pk for pk in agency_people([above])[above] if pk != report.author_id]
    rules = access.reporting_settings(assignment.province_id)
    if (
        rules is not None
        and rules.own_reports_reviewer_id
        and assignment.agency_id == rules.coordinating_agency_id
    ):
        named = [rules.own_reports_reviewer_id]
        return [pk for pk in named if pk != report.author_id]
    return list(
        User.objects.filter(
            province_id=assignment.province_id, role=Role.COORDINATOR, is_active=True
        )
        .exclude(pk=report.author_id)
        .values_list("pk", flat=True)
    )


def task_params(assignment: Assignment) -> dict[str, str]:
    task = assignment.task
    code = f"{task.section.code} {task.code}. " if task.section and task.code else ""
    title = task.title if len(task.title) <= 120 else task.title[:119] + "…"
    return {"task": f"{code}{title}", "agency": assignment.agency.name}


def report_event(report: ProgressReport, kind: Kind, **params: str) -> Event:
    url = reverse("plans:assignment-detail", args=[report.assignment_id]) + f"#bao-cao-{report.pk}"
    return Event(
        report.province_id,
        kind,
        f"{kind}:{report.pk}",
        url,
        {**task_params(report.assignment), **params},
    )


def assignment_event(assignment: Assignment, kind: Kind, key: str, **params: str) -> Event:
    url = reverse("plans:assignment-detail", args=[assignment.pk])
    return Event(assignment.province_id, kind, key, url, {**task_params(assignment), **params})
