"""Small template helpers for the activities pages: follow-up status badges and PAPI labels."""

from __future__ import annotations

from typing import Any

from django import template

from chiso.activities import units
from chiso.activities.models import Recommendation
from chiso.plans.status import STATUS_TONE, Status
from chiso.site import clock

register = template.Library()

_FOLLOW_UP_TONE = {"closed": "ok", "no_task": "pending"}


@register.simple_tag
def follow_up(recommendation: Recommendation) -> dict[str, str]:
    """{code, label, tone} of a recommendation's follow-up as of today."""
    code, label = recommendation.follow_up_status(clock.today())
    tone = _FOLLOW_UP_TONE.get(code) or STATUS_TONE.get(Status(code), "pending")
    return {"code": code, "label": label, "tone": tone}


@register.filter
def unit_labels(codes: list[str], year: int) -> list[str]:
    return [units.unit_label(code, int(year)) for code in codes or []]


@register.inclusion_tag("activities/_count_work.html", takes_context=True)
def counted_work(context: dict[str, Any], work: Any) -> dict[str, Any]:
    """On a piece of work's page: the assignments it counts for, and the form to count it."""
    from chiso.activities.counting import count_block
    from chiso.activities.forms_counting import CountForm

    request = context["request"]
    block = count_block(request.user, work)
    form = CountForm(choices=block.choices) if block.choices else None
    return {"block": block, "form": form, "request": request}
