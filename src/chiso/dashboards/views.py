"""Dashboard pages: thin views over chiso.dashboards.dashboard and .deadlines."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from chiso.dashboards.dashboard import build_dashboard
from chiso.dashboards.deadlines import MAX_DUE_SOON_DAYS, due_soon, due_soon_days, overdue
from chiso.plans.access import assignments_for, can_edit_plan, get_or_404, plans_for
from chiso.site import clock


@login_required
def dashboard_home(request: HttpRequest) -> HttpResponse:
    """The latest plan's dashboard; a short page when the province has no plan yet."""
    plan = plans_for(request.user).order_by("-year", "-issued_on", "-id").first()
    if plan is not None:
        return redirect("dashboards:plan", plan_id=plan.pk)
    return render(request, "dashboards/no_plan.html")


@login_required
def plan_dashboard(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_or_404(plans_for(request.user).select_related("province"), pk=plan_id)
    dash = build_dashboard(plan, request.user, clock.today())
    other_plans = plans_for(request.user).exclude(pk=plan.pk).order_by("-year", "-id")[:10]
    return render(
        request,
        "dashboards/plan.html",
        {
            "dash": dash,
            "other_plans": other_plans,
            "can_edit": can_edit_plan(request.user, plan),
        },
    )


def _days(request: HttpRequest) -> int:
    raw = request.GET.get("days", "").strip()
    if raw.isdigit():
        return min(int(raw), MAX_DUE_SOON_DAYS)
    return due_soon_days()


@login_required
def deadlines(request: HttpRequest) -> HttpResponse:
    """Overdue and due-soon assignments the user may see (agency staff: their own agency's)."""
    today, days = clock.today(), _days(request)
    qs = assignments_for(request.user).select_related("task", "task__plan", "agency")
    plan_id = request.GET.get("plan", "").strip()
    if plan_id.isdigit():
        qs = qs.filter(task__plan_id=int(plan_id))
    return render(
        request,
        "dashboards/deadlines.html",
        {
            "today": today,
            "days": days,
            "overdue": list(overdue(qs, today)),
            "due_soon": list(due_soon(qs, today, days)),
            "plan_id": plan_id if plan_id.isdigit() else "",
        },
    )
