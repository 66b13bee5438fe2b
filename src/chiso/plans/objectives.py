"""Live status of a plan's objectives: the plan's rows become the core's `PlanSpec`, evaluated
by `chiso.index.objectives` on the index results stored in the database."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import get_language

from chiso.index.objectives import ObjectiveResult, evaluate_objectives
from chiso.index.plan_file import ObjectiveSpec, PlanFileError, PlanSpec
from chiso.plans.models import Objective, Plan


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective
    result: ObjectiveResult | None  # None when no results are loaded at all

    @property
    def summary(self) -> str:
        if self.result is None:
            return ""
        lang = (get_language() or "vi")[:2]
        return self.result.summary.en if lang == "en" else self.result.summary.vi


def plan_spec(plan: Plan, objectives: list[Objective]) -> PlanSpec:
    return PlanSpec(
        index=plan.index,
        province=plan.province.name,
        year=plan.year,
        baseline_year=plan.baseline_year,
        objectives=tuple(
            ObjectiveSpec(
                id=o.code,
                text=o.text,
                kind=o.kind,
                value=None if o.value is None else float(o.value),
                tier=o.tier or None,
                count=o.count,
                unit=o.unit or None,
            )
            for o in objectives
        ),
        title=plan.title,
        source=plan.number,
    )


def objective_rows(plan: Plan) -> list[ObjectiveRow]:
    """Each objective with its status for the plan year; status missing if nothing to judge by."""
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    objectives = list(plan.objectives.all())
    if not objectives:
        return []
    try:
        results = load_results(plan.index)
        evaluated = evaluate_objectives(plan_spec(plan, objectives), results, plan.year)
    except (NoResults, PlanFileError, ValueError):
        return [ObjectiveRow(o, None) for o in objectives]
    return [ObjectiveRow(o, r) for o, r in zip(objectives, evaluated, strict=True)]
