"""Pages of the People's Committee's directions: the list with "given — done / late" figures,
recording one (Sở Nội vụ), and one direction with its agencies' progress and history."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities.views.common import current_plan
from chiso.audit.history import history_of
from chiso.plans.access import get_or_404
from chiso.site import clock
from chiso.supervision import access, services
from chiso.supervision.forms import DirectionForm
from chiso.supervision.listing import direction_counts
from chiso.web.params import int_param
from chiso.workflow.forms import run


@login_required
def direction_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    directions = list(
        access.directions_for(request.user)
        .filter(plan=plan)
        .prefetch_related("follow_up_task__assignments__agency")
    )
    return render(
        request,
        "supervision/direction_list.html",
        {
            "plan": plan,
            "directions": directions,
            "counts": direction_counts(directions, clock.today()),
            "can_record": access.can_record_direction(request.user),
        },
    )


@login_required
def direction_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_record_direction(request.user):
        raise PermissionDenied
    plan = current_plan(request)
    answering = int_param(request.GET, "kho-khan")
    initial = {"difficulties": [answering]} if answering is not None else {}
    form = DirectionForm(request.POST or None, plan=plan, initial=initial)
    if request.method == "POST" and form.is_valid():
        direction = run(form, services.record_direction, request.user, plan, **form.cleaned_data)
        if direction is not None:
            messages.success(request, _("Đã ghi nhận chỉ đạo và giao việc cho các cơ quan."))
            return redirect("supervision:direction-detail", pk=direction.pk)
    return render(
        request,
        "supervision/form.html",
        {
            "form": form,
            "title": _("Ghi nhận chỉ đạo của UBND tỉnh"),
            "subtitle": plan.title,
            "back": "supervision:direction-list",
        },
    )


@login_required
def direction_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    qs = access.directions_for(request.user).select_related("plan", "follow_up_task")
    direction = get_or_404(qs, pk=pk)
    task = direction.follow_up_task
    parts = list(task.assignments.top_level().select_related("agency")) if task else []
    return render(
        request,
        "supervision/direction_detail.html",
        {
            "direction": direction,
            "parts": parts,
            "today": clock.today(),
            "difficulties": access.difficulties_for(request.user).filter(direction=direction),
            "history": history_of(direction),
        },
    )
