"""Typed result objects handed from the core to the CLI, the web app and reports."""

from __future__ import annotations

from dataclasses import dataclass

from chiso.index.framework import StructuralBreak
from chiso.index.provinces import Province
from chiso.index.text import LocalizedText


@dataclass(frozen=True)
class Previous:
    year: int
    score: float | None
    rank: int | None
    of: int


@dataclass(frozen=True)
class UnitResult:
    index: str
    year: int
    province: Province
    unit: str
    name: LocalizedText  # the name in force that year
    level: str
    score: float
    # None where the data do not support it: no published rank and a partial field (PCI's top
    # 30), no group (PCI's group is only ever published), no mean over a partial field
    rank: int | None
    of: int
    tier: str | None  # high | high_average | low_average | low (framework tier codes)
    tier_label: LocalizedText | None
    national_mean: float | None
    median: float | None
    best: float | None
    scale: tuple[float, float]  # (min, max) the unit can score that year
    previous: Previous | None  # None for the first year of the data
    breaks: tuple[StructuralBreak, ...]  # breaks crossed between previous year and this one
    # exactly on a cut-off in a year whose tier rule is not known: the group depends on the rule
    tier_depends_on_rule: bool = False

    percent: bool = False  # the scale is a percentage: shown with "%"
    # Where each figure comes from, to say so on the page: the score computed from the
    # components (not published), with weights no published source confirms; the rank and
    # group as published rather than computed.
    computed: bool = False
    weights_unconfirmed: bool = False
    rank_published: bool = False
    group_published: bool = False

    @property
    def gap_to_mean(self) -> float | None:
        return None if self.national_mean is None else self.score - self.national_mean

    @property
    def gap_to_best(self) -> float | None:
        return None if self.best is None else self.score - self.best

    @property
    def change(self) -> float | None:
        if self.previous is None or self.previous.score is None:
            return None
        return self.score - self.previous.score

    @property
    def rank_change(self) -> int | None:
        """Places moved up since the previous year (positive = better)."""
        if self.previous is None or self.previous.rank is None or self.rank is None:
            return None
        return self.previous.rank - self.rank

    def share_of_scale(self, points: float) -> float:
        """Points as a share of the unit's scale width, to compare units of different scales."""
        return points / (self.scale[1] - self.scale[0])

    @property
    def relative_rank(self) -> float | None:
        """Rank as a share of provinces ranked (0 = best), comparable across units."""
        return None if self.rank is None else (self.rank - 1) / max(self.of - 1, 1)


@dataclass(frozen=True)
class Highlights:
    """Where a province stands out. Each tuple holds dimension and sub-dimension results."""

    strengths: tuple[UnitResult, ...]  # best relative ranks, above the national mean
    weaknesses: tuple[UnitResult, ...]  # worst relative ranks, below the national mean
    by_rank: tuple[UnitResult, ...]  # all, best relative rank first
    by_gap_to_mean: tuple[UnitResult, ...]  # all, largest gap above the mean first
    by_gap_to_best: tuple[UnitResult, ...]  # all, closest to the best province first
    declines: tuple[UnitResult, ...]  # score fell since the previous year, largest fall first
    lowest_tier: tuple[UnitResult, ...]  # sub-dimensions in the lowest tier


@dataclass(frozen=True)
class ProvinceProfile:
    index: str
    year: int
    province: Province
    aggregate: UnitResult | None  # None when a dimension is missing that year
    dimensions: tuple[UnitResult, ...]
    subdimensions: tuple[UnitResult, ...]
    highlights: Highlights

    @property
    def strengths(self) -> tuple[UnitResult, ...]:
        return self.highlights.strengths

    @property
    def weaknesses(self) -> tuple[UnitResult, ...]:
        return self.highlights.weaknesses


@dataclass(frozen=True)
class Cutoffs:
    percentiles: tuple[float, ...]
    values: tuple[float | None, ...]

    def as_dict(self) -> dict[str, float | None]:
        return {f"p{q:g}": v for q, v in zip(self.percentiles, self.values, strict=True)}


@dataclass(frozen=True)
class RankingRow:
    province: Province
    score: float | None
    rank: int | None
    tier: str | None
    tier_label: LocalizedText | None
    tier_depends_on_rule: bool = False  # see UnitResult


@dataclass(frozen=True)
class Ranking:
    index: str
    year: int
    unit: str
    unit_name: LocalizedText
    of: int
    cutoffs: Cutoffs
    rule: str
    rule_known: bool  # False: rows exactly on a cut-off have a group that depends on the rule
    mean: float | None
    median: float | None
    rows: tuple[RankingRow, ...]  # by rank, then provinces without a score


@dataclass(frozen=True)
class SeriesPoint:
    year: int
    score: float | None
    rank: int | None
    of: int
    tier: str | None


@dataclass(frozen=True)
class Series:
    province: Province
    unit: str
    points: tuple[SeriesPoint, ...]
    breaks: tuple[StructuralBreak, ...]  # breaks within the covered years: warn when comparing
