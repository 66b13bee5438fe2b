"""Live status of a plan's objectives for the dashboard panel, from the core's
`evaluate_objectives` on the stored results (every objective pending while none are stored).
The plan → PlanSpec mapping is the workspace's (chiso.plans.objectives.plan_spec); the results
are passed in because the dashboard has loaded them already for the weak units."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy

from chiso.index.objectives import MET, NOT_MET, PENDING, evaluate_objectives
from chiso.index.plan_file import PlanFileError
from chiso.index.results import Results
from chiso.plans.models import Plan
from chiso.plans.objectives import plan_spec, standing_text, standings
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


def _line(code: str, text: str, status: str, summary: str, standing: str = "") -> ObjectiveLine:
    return ObjectiveLine(
        code, text, status, str(STATUS_LABELS[status]), STATUS_TONES[status], summary, standing
    )


def objective_lines(plan: Plan, results: Results | None) -> list[ObjectiveLine]:
    spec = plan_spec(plan, list(plan.objectives.all()))
    pending = [_line(o.id, o.text, PENDING, "") for o in spec.objectives]
    if results is None or not spec.objectives:
        return pending
    try:
        evaluated = evaluate_objectives(spec, results, plan.year)
    except (PlanFileError, ValueError, LookupError):
        return pending
    english = content_language() == "en"
    now = standings(spec, results)
    return [
        _line(
            r.spec.id,
            r.spec.text,
            r.status,
            # A pending objective's summary ("chưa có kết quả năm 2023") repeats its label.
            "" if r.status == PENDING else (r.summary.en if english else r.summary.vi),
            standing_text(now.get(r.spec.id)),
        )
        for r in evaluated
    ]
