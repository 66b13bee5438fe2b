"""The score a province needs for a goal, given the other provinces' scores, solved exactly.

A tier cut-off is a percentile of *all* ranked scores, the province's own included, so raising
one's score also moves the cut-off. With the other m scores sorted ascending (o[0] ≤ … ≤ o[m−1])
and the q-th percentile at 0-based position h = m·q/100 = f + t (linear interpolation over the
m + 1 scores), the function s − p_q(s) is non-decreasing, and:

* inclusive rule (A, "≥ p75"): the smallest score that reaches the tier is o[f−1] when t = 0
  (on an exact percentile position the province *is* the cut-off from there up) and o[f]
  otherwise;
* strict rule (B, "> p75"): the province needs a score strictly above o[f].

A rank goal R needs the R-th highest of the others (ties share the better rank). These closed
forms are vectorised over rows so bootstrap projections solve thousands of scenarios at once;
tests check them against the engine's own percentile/tier code by brute force.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from chiso.index.dataset import FloatArray
from chiso.index.framework import Framework
from chiso.index.text import LocalizedText

SCORE, TIER, RANK = "score", "tier", "rank"


@dataclass(frozen=True)
class Goal:
    """What the province aims for on one unit: a score, a tier (code) or a rank."""

    kind: str  # SCORE | TIER | RANK
    score: float | None = None
    tier: str | None = None
    rank: int | None = None

    def __post_init__(self) -> None:
        given = {SCORE: self.score, TIER: self.tier, RANK: self.rank}
        if self.kind not in given or given[self.kind] is None:
            raise ValueError(f"goal {self.kind!r} needs its value (score, tier or rank)")
        if self.kind == RANK and self.rank is not None and self.rank < 1:
            raise ValueError("rank goal must be ≥ 1")

    def describe(self, framework: Framework) -> LocalizedText:
        if self.kind == SCORE:
            vi = f"{self.score:.2f}".replace(".", ",")
            return LocalizedText(f"đạt {vi} điểm", f"reach {self.score:.2f} points")
        if self.kind == TIER:
            label = framework.tier(str(self.tier)).label
            return LocalizedText(f"thuộc nhóm {label.vi}", f"be in the {label.en} tier")
        return LocalizedText(f"xếp hạng {self.rank} trở lên", f"rank {self.rank} or better")

    def as_json(self) -> dict[str, object]:
        value: object = {SCORE: self.score, TIER: self.tier, RANK: self.rank}[self.kind]
        return {"kind": self.kind, "value": value}


@dataclass(frozen=True)
class Threshold:
    """The goal is reached by scores ≥ `score` (or > `score` when `strict`)."""

    score: float
    strict: bool

    def reached_by(self, score: float) -> bool:
        return score > self.score if self.strict else score >= self.score


def tier_percentile(framework: Framework, tier: str) -> float | None:
    """The percentile that opens `tier` (None for the lowest tier, which everyone reaches)."""
    codes = [t.code for t in framework.tiers]
    position = codes.index(tier)  # 0 = best
    if position == len(codes) - 1:
        return None
    return framework.percentiles[len(framework.percentiles) - 1 - position]


def _tier_rows(sorted_rows: FloatArray, q: float, inclusive: bool) -> FloatArray:
    m = sorted_rows.shape[1]
    # The same float arithmetic as the engine's percentiles (compute.interpolated_percentiles),
    # so "exactly on a position" means the same thing here and there.
    h = m * (q / 100.0)
    f = math.floor(h)
    index = f - 1 if inclusive and h == f else f
    if index < 0:
        return np.full(sorted_rows.shape[0], -np.inf)
    return sorted_rows[:, index].copy()


def _rank_rows(sorted_rows: FloatArray, rank: int) -> FloatArray:
    m = sorted_rows.shape[1]
    if rank > m:
        return np.full(sorted_rows.shape[0], -np.inf)
    return sorted_rows[:, m - rank].copy()


def thresholds(
    goal: Goal, others: FloatArray, framework: Framework, year: int
) -> tuple[FloatArray, bool]:
    """Per row of `others` ([scenarios, provinces], any order, no NaN): the score the province
    needs, and whether it must be exceeded rather than reached. −inf = any score will do."""
    rows = np.sort(np.atleast_2d(others), axis=1)
    if goal.kind == SCORE:
        return np.full(rows.shape[0], float(goal.score or 0.0)), False
    if goal.kind == RANK:
        return _rank_rows(rows, int(goal.rank or 1)), False
    q = tier_percentile(framework, str(goal.tier))
    if q is None:
        return np.full(rows.shape[0], -np.inf), False
    inclusive = framework.tier_rule(year).inclusive
    return _tier_rows(rows, q, inclusive), not inclusive


def threshold(goal: Goal, others: FloatArray, framework: Framework, year: int) -> Threshold:
    """The exact score needed against one set of other provinces' scores."""
    values, strict = thresholds(goal, others[None, :], framework, year)
    return Threshold(score=float(values[0]), strict=strict)
