"""Vectorised computation of every derived figure for all years, provinces and units at once.

Arrays are indexed [year, province, unit] (or [year, unit]) in the Dataset's order. Everything
is unrounded; rounding is for display only.

Only what the data support is computed: a published rank or group is used as published; when the
framework names its field (PCI: 63 provinces) and a year's data do not cover it, no rank, mean,
median, best or cut-off is computed over that partial field.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chiso.index.dataset import Dataset, FloatArray
from chiso.index.framework import Framework, Unit

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
    of: IntArray  # [Y,U] the field a rank is out of: the framework's field size, else n


def _level_weights(
    fw: Framework, years: tuple[int, ...], level: list[Unit], col: dict[str, int]
) -> tuple[FloatArray, FloatArray]:
    """member[y, j, u]: what child u contributes per point to parent j in year y; offset[y, j]:
    the constant term. Sum: 1 and 0. Weighted mean on a parent scale L–H with weights summing to
    H − L: wᵤ/(hᵤ − lᵤ) and L − Σ wᵤ·lᵤ/(hᵤ − lᵤ), so the parent is L + Σ wᵤ·(xᵤ − lᵤ)/(hᵤ − lᵤ)
    (PCI: Σ wᵤ·xᵤ/10). Published-only parents, and weighted parents without weights that year,
    get no members (never computed)."""
    member = np.zeros((len(years), len(level), len(col)))
    offset = np.zeros((len(years), len(level)))
    for y, year in enumerate(years):
        for j, unit in enumerate(level):
            if unit.aggregation == "sum":
                for child in fw.children(unit.code, year):
                    member[y, j, col[child.code]] = 1.0
                continue
            weights = (
                fw.weight_set(unit.code, year) if unit.aggregation == "weighted_mean" else None
            )
            if weights is None:
                continue
            offset[y, j] = unit.scale.low
            for child in fw.children(unit.code, year):
                low, high = fw.scale_range(child.code, year)
                factor = weights.weight(child.code) / (high - low)
                member[y, j, col[child.code]] = factor
                offset[y, j] -= factor * low
    return member, offset


def aggregate_scores(fw: Framework, years: tuple[int, ...], observed: FloatArray) -> FloatArray:
    """Fill each parent from its children existing that year (NaN if any is missing), deepest
    parents first: their sum, or their weighted mean with the year's weights. An observed
    parent score (e.g. an official dimension figure, PCI's published composite) wins."""
    codes = [u.code for u in fw.units]
    col = {c: i for i, c in enumerate(codes)}
    score = observed.copy()
    parents = [u for u in fw.units if not fw.is_leaf(u.code)]
    for depth in sorted({fw.depth(u.code) for u in parents}, reverse=True):
        level = [u for u in parents if fw.depth(u.code) == depth]
        member, offset = _level_weights(fw, years, level, col)
        missing = np.isnan(score)
        total = np.einsum("ypu,yju->ypj", np.where(missing, 0.0, score), member)
        if offset.any():
            total = total + offset[:, None, :]
        gaps = np.einsum("ypu,yju->ypj", missing.astype(np.float64), member != 0)
        has_children = (member != 0).sum(axis=2)[:, None, :] > 0
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


def band_tiers(fw: Framework, years: tuple[int, ...], score: FloatArray) -> IntArray:
    """Tier index of the root unit by the year's fixed bands (≥ a band's lowest score reaches
    it); -1 for other units, years without bands and scores below every band."""
    tier = np.full(score.shape, -1, dtype=np.int64)
    root = [u.code for u in fw.units].index(fw.root.code)
    index = {t.code: i for i, t in enumerate(fw.tiers)}
    for y, year in enumerate(years):
        bands = fw.band_set(year)
        if bands is None:
            continue
        column = score[y, :, root]
        found = np.full(column.shape, -1, dtype=np.int64)
        for code, lowest in reversed(bands.minimums):  # worst first: better bands overwrite
            found = np.where(column >= lowest, index[code], found)
        tier[y, :, root] = found
    return tier


def _tiers(data: Dataset, score: FloatArray, cutoffs: FloatArray) -> IntArray:
    fw, years = data.framework, data.years
    if fw.grouping == "quantiles":
        inclusive = np.array([fw.tier_rule(y).inclusive for y in years], dtype=bool)
        tier = assign_tiers(score, cutoffs, inclusive)
    elif fw.grouping == "bands":
        tier = band_tiers(fw, years, score)
    else:
        tier = np.full(score.shape, -1, dtype=np.int64)
    published = data.group >= 0
    return np.where(published, data.group, tier) if published.any() else tier


def compute_arrays(data: Dataset) -> Computed:
    fw, years = data.framework, data.years
    score = aggregate_scores(fw, years, data.scores)
    exists = np.array([[u.exists_in(y) for u in fw.units] for y in years], dtype=bool)
    valid = ~np.isnan(score)
    n = valid.sum(axis=1).astype(np.int64)
    of = n if fw.field_size is None else np.full_like(n, fw.field_size)
    whole = (n >= of)[:, None, :]  # the year's data cover the field: figures over it are sound
    rank = min_ranks(score)
    if fw.field_size is not None:
        rank = np.where(whole, rank, np.nan)
    published_rank = ~np.isnan(data.rank)
    if published_rank.any():
        rank = np.where(published_rank, data.rank, rank)
    cutoffs = interpolated_percentiles(score, fw.percentiles)
    tier = _tiers(data, score, cutoffs)
    on_cutoff = (score[:, :, :, None] == cutoffs[:, None, :, :]).any(axis=3)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(n > 0, np.where(valid, score, 0.0).sum(axis=1) / n, np.nan)
    median = interpolated_percentiles(score, (50.0,))[:, :, 0]
    best = np.where(n > 0, np.where(valid, score, -np.inf).max(axis=1), np.nan)
    if fw.field_size is not None:
        partial = ~whole[:, 0, :]
        mean, median, best = (np.where(partial, np.nan, a) for a in (mean, median, best))
        cutoffs = np.where(partial[:, :, None], np.nan, cutoffs)
    prev_score = np.full_like(score, np.nan)
    prev_rank = np.full_like(rank, np.nan)
    prev_n = np.zeros_like(n)
    prev_score[1:], prev_rank[1:], prev_n[1:] = score[:-1], rank[:-1], of[:-1]
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
        of=of,
    )
