"""Small display filters for statuses (the rule itself lives in chiso.plans.status)."""

from __future__ import annotations

import datetime as dt

from django import template

from chiso.plans.models import Assignment, ReportPeriod, ReportState
from chiso.plans.status import PERIOD_LABELS, PERIOD_TONE, STATUS_TONE, Status, due_soon_days

register = template.Library()

REPORT_TONE = {
    ReportState.AWAITING_HEAD: "pending",
    ReportState.SUBMITTED: "pending",
    ReportState.ACCEPTED: "ok",
    ReportState.RETURNED: "bad",
}


@register.filter
def status_on(assignment: Assignment, today: dt.date) -> Status:
    return assignment.status(today)


@register.filter
def latest_report_state(assignment: Assignment) -> str:
    """The state of the assignment's latest report ("" without one): a report sent back shows
    beside the status, which does not change while the agency completes it. Reads the
    prefetched reports (the list views prefetch them)."""
    reports = list(assignment.reports.all())
    if not reports:
        return ""
    latest = max(reports, key=lambda r: (r.submitted_at, r.pk))
    return str(latest.state)


@register.filter
def tone(status: str) -> str:
    return STATUS_TONE.get(Status(status), "pending")


@register.filter
def report_tone(state: str) -> str:
    return REPORT_TONE.get(ReportState(state), "pending")


@register.filter
def status_label(status: str) -> str:
    return str(Status(status).label)


@register.filter
def get_item(mapping: dict[str, str], key: str) -> str:
    return mapping.get(key, "")


@register.simple_tag
def period_badge(period: ReportPeriod, today: dt.date) -> dict[str, str]:
    """{% period_badge p today as b %} → b.label, b.tone, b.value for a period's status."""
    status = period.status(today, due_soon_days())
    return {"value": status.value, "label": str(PERIOD_LABELS[status]), "tone": PERIOD_TONE[status]}
