"""Reminder e-mails for cron (`chiso send-reminders`): due-soon assignments to the agency's users,
overdue ones to the agency's officers and, escalated, to the agency head(s).

Idempotent: each (assignment, kind, deadline, level) is e-mailed once — a ReminderLog row is
written in the same transaction as the sending, so a re-run sends nothing twice, and a failed
send leaves no log (the next run tries again). A moved deadline starts a new series.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.utils import translation

from chiso.accounts.models import Agency, User
from chiso.accounts.roles import AGENCY_STAFF, is_agency_head
from chiso.dashboards.deadlines import DueAssignment, due_soon, overdue
from chiso.dashboards.models import EscalationLevel, ReminderKind, ReminderLog
from chiso.plans.models import Assignment

# Who reads reminders in an agency: the people who report (heads get escalations separately).
AGENCY_ROLES = AGENCY_STAFF


@dataclass(frozen=True)
class Reminder:
    """One e-mail: an agency's assignments of one kind, to the people of one level."""

    agency: Agency
    kind: ReminderKind
    level: EscalationLevel
    assignments: tuple[DueAssignment, ...]
    recipients: tuple[str, ...]


@dataclass
class ReminderRun:
    today: dt.date
    dry_run: bool
    sent: list[Reminder] = field(default_factory=list)
    no_recipients: list[tuple[Agency, ReminderKind, EscalationLevel]] = field(default_factory=list)

    @property
    def emails(self) -> int:
        return sum(len(r.recipients) for r in self.sent)

    @property
    def logged(self) -> int:
        return sum(len(r.assignments) for r in self.sent)


def _recipients(agency_ids: Iterable[int]) -> dict[tuple[int | None, int], list[str]]:
    """(agency id, level) → e-mail addresses. Level AGENCY = everyone who reports for the agency
    (used for due-soon); the overdue mail to level AGENCY skips heads, who get the escalation."""
    found: dict[tuple[int | None, int], list[str]] = defaultdict(list)
    users = (
        User.objects.filter(agency_id__in=list(agency_ids), is_active=True, role__in=AGENCY_ROLES)
        .exclude(email="")
        .order_by("username")
    )
    for user in users:
        level = EscalationLevel.AGENCY_HEAD if is_agency_head(user) else EscalationLevel.AGENCY
        found[(user.agency_id, level)].append(user.email)
    return found


def _targets(
    kind: ReminderKind, agency_id: int, found: dict[tuple[int | None, int], list[str]]
) -> list[tuple[EscalationLevel, list[str]]]:
    officers = found.get((agency_id, EscalationLevel.AGENCY), [])
    heads = found.get((agency_id, EscalationLevel.AGENCY_HEAD), [])
    if kind == ReminderKind.DUE_SOON:
        return [(EscalationLevel.AGENCY, officers + heads)]
    return [(EscalationLevel.AGENCY, officers), (EscalationLevel.AGENCY_HEAD, heads)]


def plan_reminders(
    assignments: QuerySet[Assignment], today: dt.date, days: int
) -> tuple[list[Reminder], list[tuple[Agency, ReminderKind, EscalationLevel]]]:
    """The reminders not sent yet (and the agencies nobody could be e-mailed at)."""
    base = assignments.select_related("task", "task__plan", "agency")
    candidates = {
        ReminderKind.DUE_SOON: list(due_soon(base, today, days)),
        ReminderKind.OVERDUE: list(overdue(base, today)),
    }
    ids = [a.pk for group in candidates.values() for a in group]
    done = set(
        ReminderLog.objects.filter(assignment_id__in=ids).values_list(
            "assignment_id", "kind", "deadline", "level"
        )
    )
    found = _recipients({a.agency_id for group in candidates.values() for a in group})
    reminders, nobody = [], []
    for kind, group in candidates.items():
        by_agency: dict[int, list[DueAssignment]] = defaultdict(list)
        for a in group:
            by_agency[a.agency_id].append(a)
        for agency_id, items in by_agency.items():
            for level, emails in _targets(kind, agency_id, found):
                todo = tuple(a for a in items if (a.pk, kind.value, a.due, level.value) not in done)
                if not todo:
                    continue
                if not emails:
                    nobody.append((items[0].agency, kind, level))
                    continue
                reminders.append(Reminder(items[0].agency, kind, level, todo, tuple(emails)))
    return reminders, nobody


def _message(
    reminder: Reminder, today: dt.date, connection: BaseEmailBackend
) -> list[EmailMessage]:
    with translation.override("vi"):
        context = {
            "reminder": reminder,
            "today": today,
            "escalated": reminder.level > 0,
            "overdue": reminder.kind == ReminderKind.OVERDUE,
            "site_url": getattr(settings, "CHISO_SITE_URL", ""),
        }
        subject = " ".join(
            render_to_string("dashboards/email/reminder_subject.txt", context).split()
        )
        body = render_to_string("dashboards/email/reminder.txt", context)
    # One message per person: recipients do not see each other's addresses.
    return [
        EmailMessage(subject, body, to=[email], connection=connection)
        for email in reminder.recipients
    ]


def _send_one(reminder: Reminder, today: dt.date, connection: BaseEmailBackend) -> bool:
    """Log then send in one transaction; False when another run logged it first."""
    try:
        with transaction.atomic():
            ReminderLog.objects.bulk_create(
                ReminderLog(
                    province_id=a.province_id,
                    assignment=a,
                    kind=reminder.kind,
                    deadline=a.due,  # the deadline or a period's: one series each
                    level=reminder.level,
                    recipients="\n".join(reminder.recipients),
                    sent_on=today,
                )
                for a in reminder.assignments
            )
            for message in _message(reminder, today, connection):
                message.send()
    except IntegrityError:
        return False
    return True


def send_reminders(
    assignments: QuerySet[Assignment], today: dt.date, days: int, *, dry_run: bool = False
) -> ReminderRun:
    """Send (or with dry_run, only list) every reminder not sent yet."""
    reminders, nobody = plan_reminders(assignments, today, days)
    run = ReminderRun(today, dry_run, no_recipients=nobody)
    if dry_run:
        run.sent = reminders
        return run
    connection = get_connection()
    for reminder in reminders:
        if _send_one(reminder, today, connection):
            run.sent.append(reminder)
    return run
