"""Splitting an assignment for the agencies under it, and taking a part back."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.plans import access, services
from chiso.plans.cascade_panel import cascade_panel
from chiso.plans.forms_cascade import SplitForm
from chiso.plans.models import Assignment
from chiso.plans.services.cascading import split_choices
from chiso.plans.views_reports import assignment_for, render_assignment
from chiso.site import clock
from chiso.web.params import int_param
from chiso.workflow.errors import ServiceError
from chiso.workflow.forms import run


@login_required
@require_POST
def assignment_split(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    assignment = assignment_for(request, pk)
    if not access.can_split(request.user, assignment):
        raise PermissionDenied
    form = SplitForm(request.POST, choices=split_choices(assignment))
    if form.is_valid():
        created = run(
            form,
            services.split_assignment,
            request.user,
            assignment,
            agencies=form.cleaned_data["agencies"],
            deadline=form.cleaned_data["deadline"],
        )
        if created is not None:
            messages.success(
                request,
                _("Đã giao việc cho %(n)s đơn vị cấp dưới.") % {"n": len(created)},
            )
            return redirect("plans:assignment-detail", pk=assignment.pk)
    panel = cascade_panel(request.user, assignment, clock.today(), form)
    return render_assignment(request, assignment, cascade=panel)


@login_required
@require_POST
def assignment_withdraw(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Take back the part named by `child` from the assignment `pk`."""
    parent = assignment_for(request, pk)
    if not access.can_split(request.user, parent):
        raise PermissionDenied
    child = access.get_or_404(
        Assignment.objects.filter(parent=parent).select_related("agency", "parent"),
        pk=int_param(request.POST, "child") or 0,
    )
    try:
        services.withdraw_sub_assignment(request.user, child)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("Đã thu hồi phần việc của %(name)s.") % {"name": child.agency.name}
        )
    return redirect("plans:assignment-detail", pk=parent.pk)
