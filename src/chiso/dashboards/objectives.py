"""Live status of a plan's objectives for the dashboard panel, from the core's
`evaluate_objectives` on the stored results (every objective pending while none are stored).
The plan → PlanSpec mapping is the workspace's (chiso.plans.objectives.plan_spec); the results
are passed in because the dashboard has loaded them already for the weak units."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from chiso.index.objectives import MET, NOT_MET, PENDING
from chiso.index.results import Results
from chiso.plans.models import Plan
from chiso.plans.objectives import (
    evaluate_by_index,
    standing_text,
    stored_results,
    target_query,
)
from chiso.plans.units import index_name
from chiso.site.language import content_language

STATUS_LABELS = {
    MET: gettext_lazy("Đạt"),
    NOT_MET: gettext_lazy("Chưa đạt"),
    PENDING: gettext_lazy("Chưa có kết quả"),
}
STATUS_TONES = {MET: "met", NOT_MET: "not_met", PENDING: "pending"}


@dataclass(frozen=True)
class ObjectiveLine:
    code: str
    text: str
    status: str  # met | not_met | pending
    label: str
    tone: str
    summary: str
    standing: str = ""  # "Theo kết quả năm 2022: …" while the plan year's results are not out
    index: str = "PAPI"
    target_query: str = ""  # the "what it takes" page for it (plans.objectives.target_query)

    @property
    def index_name(self) -> str:
        return index_name(self.index)


def _line(
    code: str,
    text: str,
    status: str,
    summary: str,
    standing: str = "",
    *,
    index: str,
    target: str = "",
) -> ObjectiveLine:
    return ObjectiveLine(
        code,
        text,
        status,
        str(STATUS_LABELS[status]),
        STATUS_TONES[status],
        summary,
        standing,
        index,
        target,
    )


def objective_lines(
    plan: Plan, results: Results | None, results_index: str | None = None
) -> list[ObjectiveLine]:
    """`results` are those of `results_index` (default: the plan's index), already loaded;
    objectives on other indices are judged on theirs (plans.objectives.evaluate_by_index)."""
    objectives = list(plan.objectives.all())
    loaded = results_index or plan.index

    def results_for(index: str) -> Results | None:
        return results if index == loaded else stored_results(index)

    evaluated = evaluate_by_index(plan, objectives, results_for).judged
    english = content_language() == "en"
    lines = []
    for objective in objectives:
        target = target_query(plan, objective)
        if objective.code not in evaluated:
            lines.append(
                _line(
                    objective.code,
                    objective.text,
                    PENDING,
                    "",
                    index=objective.index,
                    target=target,
                )
            )
            continue
        r, standing = evaluated[objective.code]
        # A pending objective's summary ("chưa có kết quả năm 2023") repeats its label.
        summary = "" if r.status == PENDING else (r.summary.en if english else r.summary.vi)
        lines.append(
            _line(
                r.spec.id,
                r.spec.text,
                r.status,
                summary,
                standing_text(standing),
                index=objective.index,
                target=target,
            )
        )
    return lines
