"""Vectorised computation of every derived figure for all years, provinces and units at once.

Arrays are indexed [year, province, unit] (or [year, unit]) in the Dataset's order. Everything
is unrounded; rounding is for display only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chiso.index.dataset import Dataset, FloatArray
from chiso.index.framework import Framework

IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Computed:
    score: FloatArray  # [Y,P,U] observed or aggregated from children; NaN = no score
    exists: BoolArray  # [Y,U] the unit is part of the framework that year
    n: IntArray  # [Y,U] provinces with a score
    rank: FloatArray  # [Y,P,U] 1 = best, ties share the better rank; NaN = not ranked
    cutoffs: FloatArray  # [Y,U,K] percentile cut-offs, ascending
    tier: IntArray  # [Y,P,U] index into framework.tiers (0 = best); -1 = none
    on_cutoff: (
        BoolArray  # [Y,P,U] the score equals a cut-off exactly (its tier depends on the rule)
    )
    mean: FloatArray  # [Y,U]
    median: FloatArray  # [Y,U]
    best: FloatArray  # [Y,U]
    prev_score: FloatArray  # [Y,P,U] the previous data year's score (NaN for the first year)
    prev_rank: FloatArray  # [Y,P,U]
    prev_n: IntArray  # [Y,U]


def aggregate_scores(fw: Framework, years: tuple[int, ...], observed: FloatArray) -> FloatArray:
    """Fill each parent with the sum of its children existing that year (NaN if any is missing),
    deepest parents first. An observed parent score (e.g. an official dimension figure) wins."""
    codes = [u.code for u in fw.units]
    col = {c: i for i, c in enumerate(codes)}
    score = observed.copy()
    parents = [u for u in fw.units if not fw.is_leaf(u.code)]
    for depth in sorted({fw.depth(u.code) for u in parents}, reverse=True):
        level = [u for u in parents if fw.depth(u.code) == depth]
        member = np.zeros((len(years), len(level), len(codes)))
        for y, year in enumerate(years):
            for j, unit in enumerate(level):
                for child in fw.children(unit.code, year):
                    member[y, j, col[child.code]] = 1.0
        missing = np.isnan(score)
        total = np.einsum("ypu,yju->ypj", np.where(missing, 0.0, score), member)
        gaps = np.einsum("ypu,yju->ypj", missing.astype(np.float64), member)
        has_children = member.sum(axis=2)[:, None, :] > 0
        derived = np.where((gaps == 0) & has_children, total, np.nan)
        idx = [col[u.code] for u in level]
        score[:, :, idx] = np.where(np.isnan(score[:, :, idx]), derived, score[:, :, idx])
    return score


def interpolated_percentiles(score: FloatArray, qs: tuple[float, ...]) -> FloatArray:
    """[Y,U,len(qs)] percentiles over provinces with a score; numpy's 'linear' (R type 7)."""
    ordered = np.sort(score, axis=1)  # NaN sorts last
    n = (~np.isnan(score)).sum(axis=1)  # [Y,U]
    out = np.full((*n.shape, len(qs)), np.nan)
    top = np.maximum(n - 1, 0)
    for k, q in enumerate(qs):
        h = top * (q / 100.0)
        lo = np.floor(h).astype(np.int64)
        hi = np.minimum(lo + 1, top)
        a = np.take_along_axis(ordered, lo[:, None, :], axis=1)[:, 0, :]
        b = np.take_along_axis(ordered, hi[:, None, :], axis=1)[:, 0, :]
        # a + 0·(b−a) is exactly a, so a province on an exact percentile position is on the cut-off
        out[:, :, k] = np.where(n > 0, a + (h - lo) * (b - a), np.nan)
    return out


def min_ranks(score: FloatArray) -> FloatArray:
    """1 + number of provinces with a strictly higher score (ties share the better rank)."""
    higher = (score[:, None, :, :] > score[:, :, None, :]).sum(axis=2)
    return np.where(np.isnan(score), np.nan, 1.0 + higher)


def assign_tiers(score: FloatArray, cutoffs: FloatArray, inclusive: BoolArray) -> IntArray:
    """Tier index, best first: counts the cut-offs a score reaches (≥ when the year's rule is
    inclusive, > otherwise)."""
    s = score[:, :, :, None]
    c = cutoffs[:, None, :, :]
    reached = np.where(inclusive[:, None, None, None], s >= c, s > c).sum(axis=3)
    tier = cutoffs.shape[2] - reached
    return np.where(np.isnan(score), -1, tier).astype(np.int64)


def compute_arrays(data: Dataset) -> Computed:
    fw, years = data.framework, data.years
    score = aggregate_scores(fw, years, data.scores)
    exists = np.array([[u.exists_in(y) for u in fw.units] for y in years], dtype=bool)
    valid = ~np.isnan(score)
    n = valid.sum(axis=1).astype(np.int64)
    rank = min_ranks(score)
    cutoffs = interpolated_percentiles(score, fw.percentiles)
    inclusive = np.array([fw.tier_rule(y).inclusive for y in years], dtype=bool)
    tier = assign_tiers(score, cutoffs, inclusive)
    on_cutoff = (score[:, :, :, None] == cutoffs[:, None, :, :]).any(axis=3)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, np.where(valid, score, 0.0).sum(axis=1) / n, np.nan)
    median = interpolated_percentiles(score, (50.0,))[:, :, 0]
    best = np.where(n > 0, np.where(valid, score, -np.inf).max(axis=1), np.nan)
    prev_score = np.full_like(score, np.nan)
    prev_rank = np.full_like(rank, np.nan)
    prev_n = np.zeros_like(n)
    prev_score[1:], prev_rank[1:], prev_n[1:] = score[:-1], rank[:-1], n[:-1]
    return Computed(
        score=score,
        exists=exists,
        n=n,
        rank=rank,
        cutoffs=cutoffs,
        tier=tier,
        on_cutoff=on_cutoff,
        mean=mean,
        median=median,
        best=best,
        prev_score=prev_score,
        prev_rank=prev_rank,
        prev_n=prev_n,
    )
