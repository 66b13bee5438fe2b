"""Live status of a plan's objectives: the plan's rows become the core's `PlanSpec`, evaluated
by `chiso.index.objectives` on the index results stored in the database. A plan may hold
objectives on several indices ("PCI ≥ 68 điểm" in a PAPI plan): each index's objectives are one
spec, judged on that index's results and framework; an index without results leaves its
objectives pending ("Chưa có kết quả")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from chiso.index.framework import FrameworkError, framework_slug, load_framework
from chiso.index.objectives import ObjectiveResult, evaluate_objectives
from chiso.index.plan_file import ObjectiveSpec, PlanFileError, PlanSpec
from chiso.index.results import Results
from chiso.plans.models import Objective, Plan
from chiso.plans.units import index_name
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
    target_query: str = ""  # the "what it takes" page for this objective (target_query)

    @property
    def summary(self) -> str:
        return "" if self.result is None else _in_language(self.result)

    @property
    def standing_text(self) -> str:
        return standing_text(self.standing)

    @property
    def index_name(self) -> str:
        return index_name(self.objective.index)


def plan_spec(plan: Plan, objectives: Iterable[Objective], index: str | None = None) -> PlanSpec:
    """The core's spec of the plan's objectives on one index (default: the plan's own)."""
    index = index or plan.index
    return PlanSpec(
        index=index,
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
            if o.index == index
        ),
        title=plan.title,
        source=plan.number,
    )


ResultsFor = Callable[[str], Results | None]
Evaluation = tuple[ObjectiveResult, ObjectiveResult | None]  # the plan year's, the standing


def stored_results(index: str) -> Results | None:
    """The stored results of an index as of the site's date; None when there are none."""
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    try:
        return load_results(index)
    except (NoResults, FrameworkError):
        return None


@dataclass(frozen=True)
class IndexEvaluation:
    """A plan's objectives, each judged on its own index's results."""

    judged: dict[str, Evaluation]  # by objective code; missing = pending
    results_available: bool  # some objective's index has results at all
    plan_error: PlanFileError | None = None  # an objective the engine refuses (the first one)


def evaluate_by_index(
    plan: Plan,
    objectives: Iterable[Objective],
    results_for: ResultsFor = stored_results,
    year: int | None = None,
    *,
    with_standings: bool = True,
) -> IndexEvaluation:
    """Each objective judged on its own index's results for `year` (default: the plan's):
    (that year's result, the standing while the plan year is pending; None for every objective
    with `with_standings=False`, for callers that only send the year's result, which saves
    evaluating every level objective a second time). An objective is missing
    from `judged` when its index has no results or they cannot judge it (the province absent
    from a year's published table); an objective the engine refuses as written is reported in
    `plan_error` and its index's objectives are left pending."""
    by_index: dict[str, list[Objective]] = {}
    for objective in objectives:
        by_index.setdefault(objective.index, []).append(objective)
    judged: dict[str, Evaluation] = {}
    available = False
    plan_error: PlanFileError | None = None
    for index, group in by_index.items():
        results = results_for(index)
        if results is None:
            continue
        available = True
        spec = plan_spec(plan, group, index)
        try:
            found = evaluate_objectives(spec, results, year or plan.year)
        except PlanFileError as exc:
            plan_error = plan_error or exc
            continue
        except (ValueError, LookupError, FrameworkError):
            continue
        now = standings(spec, results) if with_standings else {}
        judged.update({r.spec.id: (r, now.get(r.spec.id)) for r in found})
    return IndexEvaluation(judged, available, plan_error)


def _computes_tiers(index: str) -> bool:
    """Groups the "what it takes" page can aim at: computed ones (PAPI's quantiles, PAR INDEX's
    bands), not PCI's, which are only ever published."""
    try:
        framework = load_framework(index)
    except FrameworkError:
        return False
    return framework.grouping != "published" and bool(framework.tiers)


def target_query(plan: Plan, objective: Objective) -> str:
    """The query of the "what it takes" page (targets, /ket-qua/muc-tieu/) for an objective: its
    own index, the plan's province and year, and its goal where the page takes it as one (a
    composite score, a rank, a computed group); any other kind opens the page on that index's
    default goal for the province."""
    params = {
        "bo-chi-so": framework_slug(objective.index),
        "tinh": plan.province.code,
        "nam": str(plan.year),
    }
    value = objective.value
    if objective.kind == "aggregate_score_min" and value is not None:
        params |= {"muc_tieu": "diem", "diem": f"{value.normalize():f}"}
    elif objective.kind == "aggregate_rank_max" and value is not None:
        params |= {"muc_tieu": "hang", "hang": str(int(value))}
    elif (
        objective.kind == "aggregate_tier_min"
        and objective.tier
        and _computes_tiers(objective.index)
    ):
        params |= {"muc_tieu": "nhom", "nhom": objective.tier}
    return urlencode(params)


def objective_rows(plan: Plan) -> list[ObjectiveRow]:
    """Each objective with its status for the plan year; status missing if nothing to judge by."""
    objectives = list(plan.objectives.all())
    evaluated = evaluate_by_index(plan, objectives).judged
    rows = []
    for o in objectives:
        result, standing = evaluated.get(o.code, (None, None))
        rows.append(ObjectiveRow(o, result, standing, target_query(plan, o)))
    return rows
