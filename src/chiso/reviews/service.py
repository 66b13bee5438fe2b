"""A plan's work as the core's review sees it (`chiso.index.review`): tasks with their PAPI units,
kind (the plan section) and how many assignments were completed on time."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db.models import Count, F, Prefetch, Q

from chiso.index import Results
from chiso.index.review import PlanReview, PlanWork, ReviewError, TaskWork, review_plan
from chiso.plans.models import Plan, Task, TaskUnit

_SECTION_CODE = re.compile(r"^\s*[IVXLC0-9.]+[.)]?\s+")


def _kind(task: Task) -> str:
    if task.section is None:
        return "—"
    return _SECTION_CODE.sub("", task.section.title).strip() or task.section.code


def plan_work(plan: Plan) -> PlanWork:
    tasks = (
        plan.tasks.select_related("section")
        .prefetch_related(Prefetch("units", queryset=TaskUnit.objects.order_by("unit_code")))
        .annotate(
            n_assignments=Count("assignments", distinct=True),
            n_on_time=Count(
                "assignments",
                filter=Q(assignments__completed_on__isnull=False)
                & (
                    Q(assignments__deadline__isnull=True)
                    | Q(assignments__completed_on__lte=F("assignments__deadline"))
                ),
                distinct=True,
            ),
            n_late=Count(
                "assignments",
                filter=Q(assignments__completed_on__gt=F("assignments__deadline")),
                distinct=True,
            ),
        )
    )
    return PlanWork(
        label=plan.heading,
        province=plan.province.name,
        year=plan.year,
        baseline_year=plan.baseline_year,
        tasks=tuple(
            TaskWork(
                code=f"{t.section.code if t.section else ''} {t.code}".strip(),
                title=t.title,
                kind=_kind(t),
                units=tuple(u.unit_code for u in t.units_of(plan.index)),
                assignments=t.n_assignments,
                on_time=t.n_on_time,
                late=t.n_late,
            )
            for t in tasks
        ),
    )


def reviewable(results: Results, plans: Iterable[Plan]) -> list[tuple[Plan, PlanReview | None]]:
    """Each plan with its review, or None while its year's results are not out."""
    out: list[tuple[Plan, PlanReview | None]] = []
    for plan in plans:
        try:
            out.append((plan, review_plan(results, plan_work(plan))))
        except ReviewError:
            out.append((plan, None))
    return out
