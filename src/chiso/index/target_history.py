"""Observed year-on-year changes of a unit across provinces, and projections built on them.

Only consecutive years are paired, and only years after the unit's last structural break or
scale change up to the reference year (a 0,25–2,5 score is not comparable with a 0,33–3,33 one,
nor a 6–60 aggregate with an 8–80 one), so what is learned from history compares like with like.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from chiso.index.dataset import FloatArray
from chiso.index.results import Results


@dataclass(frozen=True, eq=False)
class YearChanges:
    year: int  # the later year of the pair (year − 1 → year)
    deltas: FloatArray  # one change per province that has both scores


@dataclass(frozen=True, eq=False)
class History:
    unit: str
    changes: tuple[YearChanges, ...]
    skipped: tuple[int, ...]  # later years of pairs left out (break, scale change, gap)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(c.year for c in self.changes)

    @property
    def pooled(self) -> FloatArray:
        if not self.changes:
            return np.empty(0)
        return np.concatenate([c.deltas for c in self.changes])


def history(results: Results, code: str, upto: int) -> History:
    """Changes of `code` for every pair of consecutive years ending ≤ `upto` that lies in the
    same regime (meaning and scale) as `upto`."""
    fw = results.framework
    unit = fw.unit(code)
    values = results.values(code)
    years = results.years
    changes: list[YearChanges] = []
    skipped: list[int] = []
    for i in range(1, len(years)):
        before, after = years[i - 1], years[i]
        if after > upto or not unit.exists_in(before) or not unit.exists_in(after):
            continue
        # Comparable with `upto` too: a pair from before a break describes another regime
        # (other meaning or scale), even if the pair itself crosses no break.
        comparable = (
            after - before == 1
            and not fw.breaks_for(code, before, upto)
            and fw.scale_range(code, before) == fw.scale_range(code, upto)
        )
        if not comparable:
            skipped.append(after)
            continue
        delta = values[i] - values[i - 1]
        delta = delta[~np.isnan(delta)]
        if delta.size:
            changes.append(YearChanges(after, delta))
    return History(code, tuple(changes), tuple(skipped))


def realistic_gain(hist: History, quantile: float) -> float:
    """The `quantile` of observed one-year changes (0 when history is empty or it is negative):
    a gain only (1 − quantile) of province-years have exceeded."""
    pooled = hist.pooled
    if pooled.size == 0:
        return 0.0
    return max(0.0, float(np.quantile(pooled, quantile)))


def project(
    start: FloatArray,
    hist: History,
    draws: int,
    seed: int,
    scale: tuple[float, float],
) -> FloatArray:
    """[draws, provinces] scores one year on. Each draw takes one past year's national shift
    (the mean change that year, so common shocks move everyone together) and adds, per province,
    a deviation resampled from all past province-year deviations around their year's mean."""
    rng = np.random.default_rng(seed)
    if not hist.changes:
        return np.repeat(start[None, :], draws, axis=0)
    shifts = np.array([c.deltas.mean() for c in hist.changes])
    residuals = np.concatenate([c.deltas - c.deltas.mean() for c in hist.changes])
    picked = rng.integers(len(shifts), size=draws)
    noise = rng.choice(residuals, size=(draws, start.size))
    projected: FloatArray = start[None, :] + shifts[picked][:, None] + noise
    return np.clip(projected, scale[0], scale[1])
