"""The objectives a results or consolidated report judges, each on its own index (a PAPI plan's
"PCI ≥ 68 điểm" on PCI's results, as the public plan page and the API do through
`plans.objectives.evaluate_by_index`), each index on the latest of its years that a report
dated `today` may cite."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chiso.index.objectives import ObjectiveResult
from chiso.index.results import Results
from chiso.plans.models import Objective, Plan
from chiso.plans.objectives import ResultsFor, evaluate_by_index, stored_results
from chiso.plans.units import index_name


@dataclass(frozen=True)
class ReportObjective:
    code: str
    text: str
    other_index: str  # "PCI" when the objective is not on the plan's own index, "" otherwise
    result: ObjectiveResult | None  # None: its index has no result the report may cite


def published_year(results: Results, plan_year: int, today: dt.date) -> int | None:
    """The latest results year a report dated `today` can cite for a plan of `plan_year`: a
    year's index is published in the following year (PAPI: spring), never later than the plan."""
    usable = [y for y in results.years if y <= plan_year and y < today.year]
    return usable[-1] if usable else None


def report_objectives(
    plan: Plan,
    results: Results | None,
    year: int | None,
    today: dt.date,
    results_for: ResultsFor = stored_results,
) -> tuple[ReportObjective, ...]:
    """The plan's objectives with their results: those on the index of `results` on them for
    `year` (the report's year), those on another index on that index's results (`results_for`)
    for the latest year the report may cite. Empty when no objective has a result at all."""
    objectives = list(plan.objectives.all())
    by_index: dict[str, list[Objective]] = {}
    for objective in objectives:
        by_index.setdefault(objective.index, []).append(objective)
    judged: dict[str, ObjectiveResult] = {}
    cited: dict[str, Results] = {}  # the results each index is judged on
    for index, group in by_index.items():
        # The report's own results are one index's (PAPI's for the documents' plans); any other
        # index, the plan's own included when it is not theirs, is read from its stored results.
        own = results is not None and results.index == index
        found = results if own else results_for(index)
        at = year if own else None
        if found is not None and at is None:
            at = published_year(found, plan.year, today)
        if found is None or at is None:
            continue
        cited[index] = found
        evaluation = evaluate_by_index(plan, group, cited.get, year=at, with_standings=False)
        judged.update({code: result for code, (result, _now) in evaluation.judged.items()})
    if not judged:
        return ()
    return tuple(
        ReportObjective(
            o.code,
            o.text,
            index_name(o.index) if o.index != plan.index else "",
            judged.get(o.code),
        )
        for o in objectives
    )
