"""What it takes: the score a province needs for a goal, how sure that is, and where to gain it.

`what_it_takes(results, "Khánh Hòa", 2023, Goal(TIER, tier="high"))` answers, for the target
year: the minimum score against the other provinces' latest scores (exact, own score moving the
cut-offs), the same under a bootstrap projection of the others (probability at a chosen score,
required score at a chosen confidence), a least-effort split of the needed gain across
sub-dimensions within realistic bounds, the same per dimension, and the assumptions behind it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from chiso.index.dataset import FloatArray
from chiso.index.framework import Framework
from chiso.index.provinces import Province
from chiso.index.results import Results
from chiso.index.target_allocation import Candidate, allocate
from chiso.index.target_history import history, project, realistic_gain
from chiso.index.target_notes import allocation_reason, assumptions
from chiso.index.target_odds import GainOdds, gain_odds, level_changes
from chiso.index.target_threshold import SCORE, TIER, Goal, Threshold, threshold, thresholds
from chiso.index.text import LocalizedText

__all__ = ["Goal", "TargetError", "TargetResult", "what_it_takes"]


class TargetError(ValueError):
    """The question cannot be answered from the data (message in Vietnamese and English)."""


@dataclass(frozen=True)
class AllocationRow:
    unit: str
    name: LocalizedText
    current: float
    proposed: float
    gain: float
    bound: float
    bound_by: str  # "scale" (scale maximum) | "history" (realistic one-year gain)
    realistic_gain: float
    scale_max: float
    best: float
    reason: LocalizedText
    # Points of the planned unit one point of this unit is worth: 1 under sums (PAPI), the
    # weight over the scale span under a weighted mean (PCI: 20/10 = 2 for transparency).
    weight: float = 1.0

    @property
    def contribution(self) -> float:
        """The gain in the planned unit's points."""
        return self.gain * self.weight

    def as_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "unit": self.unit,
            "name": self.name.get(lang),
            "current": self.current,
            "proposed": self.proposed,
            "gain": self.gain,
            "bound": self.bound,
            "bound_by": self.bound_by,
            "best": self.best,
            "reason": self.reason.get(lang),
        }


@dataclass(frozen=True)
class UnitPlan:
    """The need and its split for one unit (the aggregate or a dimension)."""

    unit: str
    name: LocalizedText
    goal: Goal
    goal_text: LocalizedText
    current: float
    required: Threshold
    needed_gain: float
    max_gain: float  # Σ bounds: the most one year can realistically add
    allocation: tuple[AllocationRow, ...]

    @property
    def reachable(self) -> bool:
        """Within one year's realistic gains (a goal that must be exceeded needs a margin)."""
        if self.required.strict and self.needed_gain > 0:
            return self.max_gain > self.needed_gain
        return self.max_gain >= self.needed_gain

    @property
    def shortfall(self) -> float:
        return max(0.0, self.needed_gain - self.max_gain)

    def as_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "unit": self.unit,
            "name": self.name.get(lang),
            "goal": {**self.goal.as_json(), "text": self.goal_text.get(lang)},
            "current": self.current,
            "required_score": self.required.score,
            "strict": self.required.strict,
            "needed_gain": self.needed_gain,
            "reachable": self.reachable,
            "max_gain": self.max_gain,
            "allocation": [a.as_json(lang) for a in self.allocation],
        }


@dataclass(frozen=True)
class Projection:
    draws: int
    seed: int
    history_years: tuple[int, ...]
    at_score: float
    probability: float  # share of draws in which `at_score` reaches the goal
    confidence: float
    required_score: float  # reaches the goal in `confidence` of the draws

    def as_json(self) -> dict[str, Any]:
        return {
            "draws": self.draws,
            "seed": self.seed,
            "history_years": list(self.history_years),
            "at_score": self.at_score,
            "probability": self.probability,
            "confidence": self.confidence,
            "required_score": self.required_score,
        }


@dataclass(frozen=True)
class Outcome:
    """Hindsight when the target year's results are loaded: the actual score and what the
    actual other scores required."""

    score: float | None
    required: Threshold
    reached: bool


@dataclass(frozen=True)
class TargetResult:
    index: str
    province: Province
    year: int
    baseline_year: int
    plan: UnitPlan
    probability: float
    projection: Projection | None
    odds: GainOdds | None  # a score goal: how often similar provinces gained as much
    dimensions: tuple[UnitPlan, ...]
    assumptions: tuple[LocalizedText, ...]
    outcome: Outcome | None

    @property
    def required_score(self) -> float:
        return self.plan.required.score

    @property
    def needed_gain(self) -> float:
        return self.plan.needed_gain

    def as_json(self, lang: str = "vi") -> dict[str, Any]:
        p = self.plan
        outcome = None
        if self.outcome is not None:
            o = self.outcome
            outcome = {"score": o.score, "required_score": o.required.score, "reached": o.reached}
        return {
            "index": self.index,
            "province": {"name": self.province.name, "code": self.province.code},
            "year": self.year,
            "unit": p.unit,
            "goal": {**p.goal.as_json(), "text": p.goal_text.get(lang)},
            "baseline": {"year": self.baseline_year, "score": p.current},
            "required_score": p.required.score,
            "strict": p.required.strict,
            "needed_gain": p.needed_gain,
            "reachable": p.reachable,
            "max_gain": p.max_gain,
            "shortfall": p.shortfall,
            "probability": self.probability,
            "projection": None if self.projection is None else self.projection.as_json(),
            "odds": None if self.odds is None else self.odds.as_json(),
            "assumptions": [a.get(lang) for a in self.assumptions],
            "allocation": [a.as_json(lang) for a in p.allocation],
            "dimensions": [d.as_json(lang) for d in self.dimensions],
            "outcome": outcome,
        }


@dataclass(frozen=True)
class _Setup:
    results: Results
    fw: Framework
    province: Province
    p: int  # province position in results
    year: int
    base: int  # baseline year
    yb: int  # baseline year position in results
    quantile: float


def what_it_takes(
    results: Results,
    province: str | Province,
    year: int,
    goal: Goal,
    unit: str = "aggregate",
    *,
    draws: int = 2000,
    seed: int = 0,
    confidence: float = 0.8,
    at_score: float | None = None,
    gain_quantile: float = 0.9,
    dimension_tier: str | None = None,
) -> TargetResult:
    """Everything the province needs to reach `goal` on `unit` in `year` (see module doc).

    `at_score` (default: the required score) is where the projection's probability is read;
    `dimension_tier` (default: the goal's tier for an aggregate tier goal) adds the need of
    every dimension for that tier."""
    setup = _setup(results, province, year, unit, gain_quantile)
    code = results.framework.root.code if unit in ("aggregate", "") else unit
    plan = _unit_plan(setup, code, goal)
    at = plan.required.score if at_score is None else at_score
    projection = odds = None
    if goal.kind == SCORE:
        changes = level_changes(results, code, setup.base, year - setup.base)
        odds = gain_odds(changes, plan.current, at - plan.current)
        probability = odds.probability
    else:
        projection = _projection(setup, code, goal, at, draws, seed, confidence)
        probability = projection.probability
    if dimension_tier is None and goal.kind == TIER and code == setup.fw.root.code:
        dimension_tier = goal.tier
    dimensions: tuple[UnitPlan, ...] = ()
    if dimension_tier is not None:
        dim_goal = Goal(TIER, tier=dimension_tier)
        dimensions = tuple(
            _unit_plan(setup, d.code, dim_goal) for d in setup.fw.children(code, year)
        )
    notes = assumptions(setup.results, code, year, setup.base, goal, projection, gain_quantile)
    if odds is not None:
        notes = (odds.sentence(), *notes)
    return TargetResult(
        index=results.index,
        province=setup.province,
        year=year,
        baseline_year=setup.base,
        plan=plan,
        probability=probability,
        projection=projection,
        odds=odds,
        dimensions=dimensions,
        assumptions=notes,
        outcome=_outcome(setup, code, goal),
    )


def _setup(
    results: Results, province: str | Province, year: int, unit: str, quantile: float
) -> _Setup:
    fw = results.framework
    prov = results.province(province, year)
    p = results.provinces.index(prov)
    code = fw.root.code if unit in ("aggregate", "") else unit
    if not fw.has_unit(code) or not fw.unit(code).exists_in(year):
        raise TargetError(f"Không có chỉ số {unit!r} năm {year} (unit not in {year})")
    values = results.values(code)
    earlier = [i for i, y in enumerate(results.years) if y < year and not math.isnan(values[i, p])]
    if not earlier:
        raise TargetError(
            f"{prov.name} không có điểm {unit} trước năm {year} (no baseline before {year})"
        )
    yb = earlier[-1]
    base = results.years[yb]
    if fw.breaks_for(code, base, year) or fw.scale_range(code, base) != fw.scale_range(code, year):
        raise TargetError(
            f"Điểm {unit} năm {base} và {year} không so sánh được (thay đổi cấu trúc) — "
            f"{unit} in {base} and {year} is not comparable (structural break)"
        )
    return _Setup(results, fw, prov, p, year, base, yb, quantile)


def _others(s: _Setup, code: str, year_pos: int) -> FloatArray:
    """Scores of every other province with a score in that year."""
    row: FloatArray = s.results.values(code)[year_pos].copy()
    row[s.p] = np.nan
    kept: FloatArray = row[~np.isnan(row)]
    return kept


def _unit_plan(s: _Setup, code: str, goal: Goal) -> UnitPlan:
    unit = s.fw.unit(code)
    current = float(s.results.values(code)[s.yb, s.p])
    low = s.fw.scale_range(code, s.year)[0]
    found = threshold(goal, _others(s, code, s.yb), s.fw, s.year)
    # Below the scale minimum every score reaches the goal; keep the figure on the scale.
    required = found if found.score >= low else Threshold(low, False)
    needed = max(0.0, required.score - current)
    rows, max_gain = _allocation(s, code, needed)
    return UnitPlan(
        unit=code,
        name=unit.localized_name(s.year),
        goal=goal,
        goal_text=goal.describe(s.fw),
        current=current,
        required=required,
        needed_gain=needed,
        max_gain=max_gain,
        allocation=rows,
    )


def _leaves(
    fw: Framework, code: str, year: int, weight: float | None = 1.0
) -> list[tuple[str, float | None]]:
    """The leaves under `code` with the points of `code` one leaf point is worth (the parents'
    aggregation: a sum passes points on, a weighted mean scales them by weight over the child's
    scale span); None where a parent is only published or has no weights that year."""
    children = fw.children(code, year)
    if not children:
        return [(code, weight)]
    unit = fw.unit(code)
    weights = fw.weight_set(code, year) if unit.aggregation == "weighted_mean" else None
    leaves = []
    for child in children:
        factor: float | None = None
        if weight is not None and unit.aggregation == "sum":
            factor = weight
        elif weight is not None and weights is not None:
            low, high = fw.scale_range(child.code, year)
            factor = weight * weights.weight(child.code) / (high - low)
        leaves.extend(_leaves(fw, child.code, year, factor))
    return leaves


def _allocation(s: _Setup, code: str, needed: float) -> tuple[tuple[AllocationRow, ...], float]:
    """The split of `needed` (points of `code`) over the leaves, and the most they can add.
    The split is solved in points of `code` (each leaf's figures times its weight), so a
    weighted mean favours the heavy components; rows show each leaf's own points."""
    candidates, weights = [], []
    for leaf, weight in _leaves(s.fw, code, s.year):
        values = s.results.values(leaf)[s.yb]
        current = float(values[s.p])
        comparable = not s.fw.breaks_for(leaf, s.base, s.year) and s.fw.unit(leaf).exists_in(s.base)
        if math.isnan(current) or not comparable or not weight:
            continue  # named in the assumptions; no sound baseline to plan a gain from
        low, high = s.fw.scale_range(leaf, s.year)
        realistic = realistic_gain(history(s.results, leaf, s.base), s.quantile)
        best = float(np.nanmax(values))
        candidates.append(Candidate(leaf, current, best, high, high - low, realistic))
        weights.append(weight)
    scaled = [
        Candidate(c.code, c.current * w, c.best * w, c.scale_max * w, c.scale_width * w,
                  c.realistic * w)
        for c, w in zip(candidates, weights, strict=True)
    ]  # fmt: skip
    gains = allocate(needed, scaled)
    rows = []
    for c, w, gain in zip(candidates, weights, gains, strict=True):
        unit = s.fw.unit(c.code)
        own = gain / w
        rows.append(
            AllocationRow(
                unit=c.code,
                name=unit.localized_name(s.year),
                current=c.current,
                proposed=c.current + own,
                gain=own,
                bound=c.bound,
                bound_by="scale" if c.bound_by_scale else "history",
                realistic_gain=c.realistic,
                scale_max=c.scale_max,
                best=c.best,
                reason=allocation_reason(c, own, s.quantile),
                weight=w,
            )
        )
    return tuple(rows), sum(c.bound for c in scaled)


def _projection(
    s: _Setup, code: str, goal: Goal, at: float, draws: int, seed: int, confidence: float
) -> Projection:
    if not 0 < confidence < 1:
        raise TargetError("Độ tin cậy phải trong (0, 1) (confidence must be in (0, 1))")
    hist = history(s.results, code, s.base)
    others = _others(s, code, s.yb)
    projected = project(others, hist, draws, seed, s.fw.scale_range(code, s.year))
    needed, strict = thresholds(goal, projected, s.fw, s.year)
    reached = at > needed if strict else at >= needed
    ordered = np.sort(needed)
    k = max(0, math.ceil(confidence * draws) - 1)
    low = s.fw.scale_range(code, s.year)[0]
    return Projection(
        draws=draws,
        seed=seed,
        history_years=hist.years,
        at_score=at,
        probability=float(reached.mean()),
        confidence=confidence,
        required_score=max(float(ordered[k]), low),
    )


def _outcome(s: _Setup, code: str, goal: Goal) -> Outcome | None:
    if s.year not in s.results.years:
        return None
    y = s.results.years.index(s.year)
    actual = float(s.results.values(code)[y, s.p])
    others = _others(s, code, y)
    if others.size == 0:
        return None
    required = threshold(goal, others, s.fw, s.year)
    score = None if math.isnan(actual) else actual
    return Outcome(score, required, score is not None and required.reached_by(score))
