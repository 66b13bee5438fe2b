"""A merged province's results before the merger: the series of the provinces it was formed
from, side by side (Khánh Hòa and Ninh Thuận for Khánh Hòa), matched by the core
(`chiso.index.provinces.predecessors`)."""

from __future__ import annotations

from dataclasses import dataclass

from chiso.accounts.models import Province as ServedProvince
from chiso.index import Results, UnknownProvince
from chiso.index.provinces import LAST_YEAR_OF_63, match_deployment, predecessors
from chiso.index.report import SeriesPoint


@dataclass(frozen=True)
class YearRow:
    year: int
    points: tuple[SeriesPoint | None, ...]  # one per predecessor, in `SideBySide.names` order


@dataclass(frozen=True)
class SideBySide:
    names: tuple[str, ...]
    rows: tuple[YearRow, ...]  # newest first


def side_by_side(results: Results, province: ServedProvince, unit: str = "aggregate") -> SideBySide:
    """The predecessors' series of `unit` for the years up to the last one on the 63 provinces."""
    new = match_deployment(province.name, province.code, LAST_YEAR_OF_63 + 1)
    found = []
    for old in predecessors(new):
        try:
            series = results.series(results.province(old), unit)
        except (UnknownProvince, ValueError):
            continue
        found.append((old.name, {p.year: p for p in series.points}))
    years = sorted({y for _, points in found for y in points if y <= LAST_YEAR_OF_63}, reverse=True)
    rows = tuple(YearRow(y, tuple(points.get(y) for _, points in found)) for y in years)
    return SideBySide(tuple(name for name, _ in found), rows)
