"""`Results`: every computed figure of a Dataset, queried by province, year and unit."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from chiso.index.compute import Computed, compute_arrays
from chiso.index.dataset import Dataset, FloatArray
from chiso.index.framework import Framework
from chiso.index.highlights import find_highlights
from chiso.index.provinces import Province, UnknownProvince, match_province
from chiso.index.report import (
    Cutoffs,
    Previous,
    ProvinceProfile,
    Ranking,
    RankingRow,
    Series,
    SeriesPoint,
    UnitResult,
)


class UnknownYear(LookupError):
    def __init__(self, year: int, years: tuple[int, ...]) -> None:
        self.year = year
        span = f"{years[0]}–{years[-1]}" if years else "—"
        super().__init__(f"Không có dữ liệu năm {year} (no data for {year}; có/available: {span})")


class UnknownUnit(LookupError):
    def __init__(self, code: str, index: str) -> None:
        self.code = code
        super().__init__(f"Không có chỉ số {code!r} trong {index} (unknown unit)")


def _num(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _int(value: float) -> int | None:
    return None if math.isnan(value) else int(value)


@dataclass(frozen=True, eq=False)
class Results:
    dataset: Dataset
    arrays: Computed

    @property
    def framework(self) -> Framework:
        return self.dataset.framework

    @property
    def index(self) -> str:
        return self.framework.code

    @property
    def years(self) -> tuple[int, ...]:
        return self.dataset.years

    @property
    def provinces(self) -> tuple[Province, ...]:
        return self.dataset.provinces

    @cached_property
    def _unit_pos(self) -> dict[str, int]:
        return {u.code: i for i, u in enumerate(self.framework.units)}

    # --- lookups --------------------------------------------------------------------------

    def province(self, name: str | Province, year: int | None = None) -> Province:
        if isinstance(name, Province):
            return name
        found = match_province(name, year)
        if found not in self.provinces and year is not None and self.years:
            # A year after the published results (a target year; from 2025 the 34 merged
            # provinces) names a province the results know under the last published year.
            found = match_province(name, min(year, self.years[-1]))
        if found not in self.provinces:
            raise UnknownProvince(name, ())
        return found

    def _y(self, year: int) -> int:
        try:
            return self.years.index(year)
        except ValueError:
            raise UnknownYear(year, self.years) from None

    def _p(self, province: str | Province, year: int | None = None) -> int:
        return self.provinces.index(self.province(province, year))

    def _u(self, unit: str) -> int:
        code = self.framework.root.code if unit in ("aggregate", "") else unit
        try:
            return self._unit_pos[code]
        except KeyError:
            raise UnknownUnit(unit, self.index) from None

    def values(self, unit: str) -> FloatArray:
        """Read-only [year, province] scores of a unit, in `years` × `provinces` order."""
        view = self.arrays.score[:, :, self._u(unit)]
        view.flags.writeable = False
        return view

    def ranks(self, unit: str) -> FloatArray:
        """Read-only [year, province] ranks of a unit (NaN = not ranked)."""
        view = self.arrays.rank[:, :, self._u(unit)]
        view.flags.writeable = False
        return view

    # --- queries --------------------------------------------------------------------------

    def unit_result(self, province: str | Province, year: int, unit: str) -> UnitResult | None:
        """The province's result for one unit, or None when it has no score that year."""
        y, p, u = self._y(year), self._p(province, year), self._u(unit)
        a = self.arrays
        if math.isnan(a.score[y, p, u]):
            return None
        fw = self.framework
        code = fw.units[u].code
        t = int(a.tier[y, p, u])
        tier = fw.tiers[t] if t >= 0 else None
        previous = None
        if y > 0:
            previous = Previous(
                year=self.years[y - 1],
                score=_num(a.prev_score[y, p, u]),
                rank=_int(a.prev_rank[y, p, u]),
                of=int(a.prev_n[y, u]),
            )
        return UnitResult(
            index=self.index,
            year=year,
            province=self.provinces[p],
            unit=code,
            name=fw.units[u].localized_name(year),
            level=fw.units[u].level,
            score=float(a.score[y, p, u]),
            rank=_int(a.rank[y, p, u]),
            of=int(a.of[y, u]),
            tier=tier.code if tier else None,
            tier_label=tier.label if tier else None,
            national_mean=_num(a.mean[y, u]),
            median=_num(a.median[y, u]),
            best=_num(a.best[y, u]),
            scale=fw.scale_range(code, year),
            percent=fw.units[u].scale.percent,
            **self._provenance(y, p, u),
            previous=previous,
            breaks=fw.breaks_for(code, self.years[y - 1], year) if y > 0 else (),
            tier_depends_on_rule=self._depends_on_rule(y, p, u),
        )

    def _provenance(self, y: int, p: int, u: int) -> dict[str, bool]:
        data, unit = self.dataset, self.framework.units[u]
        computed = bool(np.isnan(data.scores[y, p, u]))
        weights = self.framework.weight_set(unit.code, self.years[y]) if unit.weights else None
        return {
            "computed": computed,
            "weights_unconfirmed": computed and weights is not None and not weights.confirmed,
            "rank_published": not bool(np.isnan(data.rank[y, p, u])),
            "group_published": bool(data.group[y, p, u] >= 0),
        }

    def _depends_on_rule(self, y: int, p: int, u: int) -> bool:
        return bool(self.arrays.on_cutoff[y, p, u]) and not self.framework.rule_known(self.years[y])

    def _results_at(self, province: Province, year: int, depth: int) -> tuple[UnitResult, ...]:
        fw = self.framework
        found = []
        for unit in fw.units:
            if fw.depth(unit.code) == depth and unit.exists_in(year):
                result = self.unit_result(province, year, unit.code)
                if result is not None:
                    found.append(result)
        return tuple(found)

    def profile(self, province: str | Province, year: int) -> ProvinceProfile:
        self._y(year)
        prov = self.province(province, year)
        dimensions = self._results_at(prov, year, 1)
        subdimensions = self._results_at(prov, year, 2)
        # SIPAS publishes no groups: its framework has no tiers, so no unit is in the lowest
        lowest = self.framework.tiers[-1].code if self.framework.tiers else ""
        return ProvinceProfile(
            index=self.index,
            year=year,
            province=prov,
            aggregate=self.unit_result(prov, year, self.framework.root.code),
            dimensions=dimensions,
            subdimensions=subdimensions,
            highlights=find_highlights(dimensions, subdimensions, lowest),
        )

    def cutoffs(self, year: int, unit: str = "aggregate") -> Cutoffs:
        y, u = self._y(year), self._u(unit)
        values = tuple(_num(v) for v in self.arrays.cutoffs[y, u])
        return Cutoffs(percentiles=self.framework.percentiles, values=values)

    def ranking(self, year: int, unit: str = "aggregate") -> Ranking:
        y, u = self._y(year), self._u(unit)
        a, fw = self.arrays, self.framework
        if not a.exists[y, u]:
            raise UnknownUnit(f"{unit} ({year})", self.index)
        rows = []
        for p, prov in enumerate(self.provinces):
            t = int(a.tier[y, p, u])
            tier = fw.tiers[t] if t >= 0 else None
            rows.append(
                RankingRow(
                    province=prov,
                    score=_num(a.score[y, p, u]),
                    rank=_int(a.rank[y, p, u]),
                    tier=tier.code if tier else None,
                    tier_label=tier.label if tier else None,
                    tier_depends_on_rule=self._depends_on_rule(y, p, u),
                )
            )
        rows.sort(key=lambda r: (r.rank is None, r.rank or 0, r.province.code))
        unit_obj = fw.units[u]
        return Ranking(
            index=self.index,
            year=year,
            unit=unit_obj.code,
            unit_name=unit_obj.localized_name(year),
            of=int(a.of[y, u]),
            cutoffs=self.cutoffs(year, unit),
            rule=fw.tier_rule(year).code,
            rule_known=fw.rule_known(year),
            mean=_num(a.mean[y, u]),
            median=_num(a.median[y, u]),
            rows=tuple(rows),
        )

    def series(self, province: str | Province, unit: str = "aggregate") -> Series:
        p, u = self._p(province), self._u(unit)
        a, fw = self.arrays, self.framework
        points = []
        for y, year in enumerate(self.years):
            if not a.exists[y, u]:
                continue
            t = int(a.tier[y, p, u])
            points.append(
                SeriesPoint(
                    year=year,
                    score=_num(a.score[y, p, u]),
                    rank=_int(a.rank[y, p, u]),
                    of=int(a.of[y, u]),
                    tier=fw.tiers[t].code if t >= 0 else None,
                )
            )
        code = fw.units[u].code
        breaks = fw.breaks_for(code, points[0].year, points[-1].year) if points else ()
        return Series(province=self.provinces[p], unit=code, points=tuple(points), breaks=breaks)


def compute(dataset: Dataset) -> Results:
    """All figures for every year, province and unit of `dataset`."""
    return Results(dataset=dataset, arrays=compute_arrays(dataset))
