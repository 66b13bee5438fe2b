"""Plan pages (list, detail with objectives and sections, history) and the user guides."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.audit.history import entries_for, history_rows
from chiso.plans import access
from chiso.plans.guides import GUIDES, render_guide
from chiso.plans.models import Section
from chiso.plans.objectives import objective_rows
from chiso.plans.queries import task_rows, with_task_details
from chiso.site import clock


@login_required
def plan_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plans = (
        access.plans_for(request.user)
        .select_related("province", "issuer")
        .annotate(task_count=Count("tasks", distinct=True))
    )
    return render(
        request,
        "plans/plan_list.html",
        {
            "plans": plans,
            "can_edit": access.can_edit_plan(request.user),
        },
    )


@login_required
def plan_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = access.get_or_404(
        access.plans_for(request.user).select_related("province", "issuer"), pk=pk
    )
    today = clock.today()
    tasks = with_task_details(access.tasks_for(request.user).filter(plan=plan))
    sections = plan.sections.prefetch_related(Prefetch("tasks", queryset=tasks))
    unsectioned = list(tasks.filter(section__isnull=True))
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "today": today,
            "objectives": objective_rows(plan),
            "sections": [(s, task_rows(list(s.tasks.all()), today)) for s in sections],
            "unsectioned": task_rows(unsectioned, today),
            "can_edit": access.can_edit_plan(request.user, plan),
        },
    )


@login_required
def plan_history(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    plan = access.get_or_404(access.plans_for(request.user), pk=pk)
    objects = [plan, *plan.objectives.all(), *Section.objects.filter(plan=plan)]
    return render(
        request,
        "plans/history.html",
        {
            "object": plan,
            "plan": plan,
            "back_url": reverse("plans:plan-detail", args=[plan.pk]),
            "history": history_rows(entries_for(objects)),
        },
    )


@login_required
def help_index(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "plans/help_index.html", {"guides": GUIDES})


@login_required
def help_page(request: AuthenticatedHttpRequest, slug: str) -> HttpResponse:
    guide = next((g for g in GUIDES if g.slug == slug), None)
    if guide is None:
        raise Http404
    return render(
        request,
        "plans/help_page.html",
        {
            "guide": guide,
            "body": render_guide(guide, settings.REPO_DIR / "docs" / "guide"),
            "guides": GUIDES,
        },
    )
