"""JSON of the supervision loop: difficulties and the Front's recommendations, the People's
Committee's directions, citizens' feedback (schemas in `schemas_supervision`).

A citizen's contact is in the detail of a post only for staff who may see it (the same rule as
the pages, `chiso.supervision.access.may_see_contact`); the hashed address never leaves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse

from chiso.api.representations import agency_json, assignment_json
from chiso.plans.models import Assignment
from chiso.supervision.models import Difficulty, Direction, Feedback


def _date(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _labelled(code: str, label: Any) -> dict[str, str]:
    return {"code": code, "label": str(label)}


def difficulty_json(item: Difficulty, today: dt.date) -> dict[str, Any]:
    """Needs `raised_by_agency` and `handler` selected."""
    return {
        "id": item.pk,
        "url": reverse("api-difficulty", args=[item.pk]),
        "plan": item.plan_id,
        "kind": _labelled(item.kind, item.get_kind_display()),
        "title": item.title,
        "text": item.text,
        "task": item.task_id,
        "assignment": item.assignment_id,
        "report": item.report_id,
        "unit_codes": list(item.unit_codes or []),
        "raised_by_agency": agency_json(item.raised_by_agency),
        "raised_on": _date(item.raised_on),
        "handler": agency_json(item.handler),
        "due_on": _date(item.due_on),
        "state": _labelled(item.state, item.get_state_display()),
        "overdue": item.is_overdue(today),
        "answer": item.answer,
        "answered_on": _date(item.answered_on),
        "proposal": item.proposal,
        "escalated_on": _date(item.escalated_on),
        "direction": item.direction_id,
        "resolution": item.resolution,
        "resolved_on": _date(item.resolved_on),
        "version": item.version,
    }


def direction_json(direction: Direction, today: dt.date) -> dict[str, Any]:
    status = direction.status(today)
    return {
        "id": direction.pk,
        "url": reverse("api-direction", args=[direction.pk]),
        "plan": direction.plan_id,
        "number": direction.number,
        "issued_on": _date(direction.issued_on),
        "signer": direction.signer,
        "signer_title": direction.signer_title,
        "content": direction.content,
        "deadline": _date(direction.deadline),
        "status": _labelled(status.value, status.label),
        "completed_on": _date(direction.completed_on),
        "follow_up_task": direction.follow_up_task_id,
        "version": direction.version,
    }


def direction_detail_json(
    direction: Direction,
    today: dt.date,
    parts: list[Assignment],
    answered: list[Difficulty],
) -> dict[str, Any]:
    """The direction with its follow-up: the province's own parts of the follow-up task (each
    with its derived status) and the difficulties it answers that the viewer may see."""
    return {
        **direction_json(direction, today),
        "parts": [assignment_json(a, today) for a in parts],
        "difficulties": [
            {
                "id": d.pk,
                "url": reverse("api-difficulty", args=[d.pk]),
                "title": d.title,
                "state": _labelled(d.state, d.get_state_display()),
            }
            for d in answered
        ],
    }


def feedback_json(item: Feedback) -> dict[str, Any]:
    """Needs `commune` and `answering_agency` selected. Never the contact or the address."""
    return {
        "id": item.pk,
        "url": reverse("api-feedback-item", args=[item.pk]),
        "plan": item.plan_id,
        "task": item.task_id,
        "commune": agency_json(item.commune),
        "unit_codes": list(item.unit_codes or []),
        "text": item.text,
        "received_at": _date(item.received_at),
        "state": _labelled(item.state, item.get_state_display()),
        "answer": item.answer,
        "answering_agency": agency_json(item.answering_agency),
        "answered_on": _date(item.answered_on),
        "published": item.published,
        "version": item.version,
    }


def feedback_detail_json(item: Feedback, *, contact_shown: bool) -> dict[str, Any]:
    """`contact` is the citizen's optional contact for staff who may see it, else null."""
    return {**feedback_json(item), "contact": item.contact if contact_shown else None}
