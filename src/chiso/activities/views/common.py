"""What every activities view shares: the plan being looked at (a service's refusal is shown
by `chiso.workflow.forms`)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from chiso.plans.access import current_plans_first, plans_for
from chiso.plans.models import Plan
from chiso.site import clock
from chiso.web.params import int_param


def current_plan(request: HttpRequest) -> Plan:
    """The plan named by ?ke-hoach=<id>, else the user's current plan; 404 when there is none."""
    plans = current_plans_first(plans_for(request.user), clock.today())
    wanted = int_param(request.GET, "ke-hoach")
    plan = plans.filter(pk=wanted).first() if wanted is not None else plans.first()
    if plan is None:
        raise Http404
    return plan
