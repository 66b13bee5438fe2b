"""Small display filters for statuses (the rule itself lives in chiso.plans.status)."""

from __future__ import annotations

import datetime as dt

from django import template

from chiso.plans.models import Assignment, ReportState
from chiso.plans.status import STATUS_TONE, Status

register = template.Library()

REPORT_TONE = {
    ReportState.SUBMITTED: "pending",
    ReportState.ACCEPTED: "ok",
    ReportState.RETURNED: "bad",
}


@register.filter
def status_on(assignment: Assignment, today: dt.date) -> Status:
    return assignment.status(today)


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


@register.filter
def history_value(value: object) -> str:
    """An audit value as people read it: lists joined, yes/no, ISO dates as dd/mm/yyyy."""
    from django.utils.translation import gettext as _

    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, list):
        return ", ".join(history_value(v) for v in value)
    text = str(value)
    try:
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y") if len(text) == 10 else text
    except ValueError:
        return text
