"""What every activities view shares: the plan being looked at, and turning a service's
refusal into a form error (the user's input stays in the form)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.http import Http404, HttpRequest

from chiso.plans.access import current_plans_first, plans_for
from chiso.plans.errors import PlanError
from chiso.plans.models import Plan
from chiso.site import clock
from chiso.web.params import int_param

T = TypeVar("T")


def current_plan(request: HttpRequest) -> Plan:
    """The plan named by ?ke-hoach=<id>, else the user's current plan; 404 when there is none."""
    plans = current_plans_first(plans_for(request.user), clock.today())
    wanted = int_param(request.GET, "ke-hoach")
    plan = plans.filter(pk=wanted).first() if wanted is not None else plans.first()
    if plan is None:
        raise Http404
    return plan


def run(form: forms.Form, service: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Call a service; on a rule's refusal attach its message to the form field it names."""
    try:
        return service(*args, **kwargs)
    except PlanError as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return None


def keep_input_for_resave(form: forms.Form, current_version: int) -> None:
    """After a stale save the user's input stays in the form, which now carries the version
    just read: saving again, after looking at the other person's copy, replaces it on purpose."""
    data = form.data.copy()
    data["version"] = str(current_version)
    form.data = data
