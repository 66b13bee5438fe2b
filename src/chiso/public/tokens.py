"""What each public page depends on, as short tokens for its ETag (see `caching`)."""

from __future__ import annotations

from django.db.models import Count, Max, Sum
from django.http import HttpRequest

from chiso.plans.models import Assignment, Plan, Task
from chiso.public.data import current_results, fingerprint
from chiso.site import clock


def results_token(request: HttpRequest, *args: object, **kwargs: object) -> str:
    results = current_results()
    return fingerprint(results) if results is not None else "no-results"


def plans_token() -> str:
    info = Plan.objects.filter(is_public=True).aggregate(n=Count("id"), last=Max("updated_at"))
    return f"{info['n']}:{info['last']}"


def plan_token(plan_id: int) -> str:
    """Changes with the plan, its tasks, their assignments (progress, completion) and the day
    (a status turns overdue at midnight)."""
    plan = Plan.objects.filter(pk=plan_id).values_list("updated_at", "is_public").first()
    tasks = Task.objects.filter(plan_id=plan_id).aggregate(n=Count("id"), last=Max("updated_at"))
    parts = Assignment.objects.filter(task__plan_id=plan_id).aggregate(
        n=Count("id"),
        v=Sum("version"),
        p=Sum("progress"),
        r=Max("last_report_at"),
        c=Max("completed_on"),
    )
    return f"{plan}:{tasks}:{sorted(parts.items())}:{clock.today()}"


def index_token(request: HttpRequest) -> str:
    return f"{results_token(request)}:{plans_token()}"


def plan_page_token(request: HttpRequest, plan_id: int) -> str:
    return f"{results_token(request)}:{plan_token(plan_id)}"
