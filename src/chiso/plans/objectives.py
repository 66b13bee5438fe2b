"""Live status of a plan's objectives: the plan's rows become the core's `PlanSpec`, evaluated
by `chiso.index.objectives` on the index results stored in the database."""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.utils.translation import gettext as _

from chiso.index.objectives import ObjectiveResult, evaluate_objectives
from chiso.index.plan_file import ObjectiveSpec, PlanFileError, PlanSpec
from chiso.index.results import Results
from chiso.plans.models import Objective, Plan
from chiso.site.language import content_language

# Objectives judged on one year's level, not on a change from the year before: until the plan
# year's results are out, their reading on the latest published year says where the province
# stands ("43,44 / 45,00 — thiếu 1,56 điểm" in 2022).
LEVEL_KINDS = frozenset(
    {
        "aggregate_score_min",
        "aggregate_tier_min",
        "aggregate_rank_max",
        "dimensions_tier_min_all",
        "dimensions_tier_min_count",
        "unit_score_min",
        "unit_tier_min",
    }
)


def _in_language(result: ObjectiveResult) -> str:
    return result.summary.en if content_language() == "en" else result.summary.vi


def standing_text(standing: ObjectiveResult | None) -> str:
    """ "Theo kết quả năm 2022: 43,44 / 45,00 — thiếu 1,56 điểm", or "" without a reading."""
    if standing is None:
        return ""
    return _("Theo kết quả năm %(year)s: %(summary)s") % {
        "year": standing.year,
        "summary": _in_language(standing),
    }


def standings(spec: PlanSpec, results: Results) -> dict[str, ObjectiveResult]:
    """Level objectives read on the latest results before the plan year, by objective id —
    only while the plan year's own results are not out."""
    earlier = [y for y in results.years if y < spec.year]
    if spec.year in results.years or not earlier:
        return {}
    level = replace(spec, objectives=tuple(o for o in spec.objectives if o.kind in LEVEL_KINDS))
    if not level.objectives:
        return {}
    try:
        return {r.spec.id: r for r in evaluate_objectives(level, results, earlier[-1])}
    except (PlanFileError, ValueError, LookupError):
        return {}


@dataclass(frozen=True)
class ObjectiveRow:
    objective: Objective
    result: ObjectiveResult | None  # None when no results are loaded at all
    standing: ObjectiveResult | None = None  # the latest year's reading while pending

    @property
    def summary(self) -> str:
        return "" if self.result is None else _in_language(self.result)

    @property
    def standing_text(self) -> str:
        return standing_text(self.standing)


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
        spec = plan_spec(plan, objectives)
        evaluated = evaluate_objectives(spec, results, plan.year)
    except (NoResults, PlanFileError, ValueError):
        return [ObjectiveRow(o, None) for o in objectives]
    now = standings(spec, results)
    return [ObjectiveRow(o, r, now.get(o.code)) for o, r in zip(objectives, evaluated, strict=True)]
