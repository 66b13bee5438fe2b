"""One province on every index, year by year: the composite's score, rank and group as the data
give them (published or computed, said so), and the components that moved most from one year
to the next. What the data lack stays empty; nothing is estimated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from chiso.index.framework import Framework
from chiso.index.provinces import Province, UnknownProvince
from chiso.index.report import UnitResult
from chiso.index.results import Results
from chiso.index.text import LocalizedText


@dataclass(frozen=True)
class IndexYear:
    """The composite of one index in one year."""

    year: int
    score: float | None
    rank: int | None
    of: int
    tier: str | None
    tier_label: LocalizedText | None
    percent: bool
    change: float | None  # points since the index's previous year (None across a break)
    rank_change: int | None  # places up since then
    computed: bool  # the score computed from the components, not published
    weights_unconfirmed: bool
    rank_published: bool
    group_published: bool


@dataclass(frozen=True)
class Mover:
    """A component's move between two years of the data."""

    unit: str
    name: LocalizedText
    year: int
    previous_year: int
    before: float
    after: float
    percent: bool

    @property
    def change(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class IndexHistory:
    index: str  # framework code
    framework: Framework
    province: Province
    years: tuple[IndexYear, ...]  # years the data give a score or rank for the province
    missing: tuple[int, ...]  # years of the index's data without any figure for the province
    movers: tuple[Mover, ...]  # per year, the components that moved most, largest first


def _index_year(r: UnitResult) -> IndexYear:
    return IndexYear(
        year=r.year,
        score=r.score,
        rank=r.rank,
        of=r.of,
        tier=r.tier,
        tier_label=r.tier_label,
        percent=r.percent,
        change=None if r.breaks else r.change,
        rank_change=None if r.breaks else r.rank_change,
        computed=r.computed,
        weights_unconfirmed=r.weights_unconfirmed,
        rank_published=r.rank_published,
        group_published=r.group_published,
    )


def _rank_only(results: Results, province: Province, year: int) -> IndexYear | None:
    """A year whose data give the province a published rank (or group) but no score (PAR INDEX
    and SIPAS 2020–2021 as reported in the news)."""
    for row in results.ranking(year).rows:
        if row.province.code == province.code and row.province.era == province.era:
            if row.rank is None and row.tier is None:
                return None
            return IndexYear(
                year=year,
                score=None,
                rank=row.rank,
                of=results.ranking(year).of,
                tier=row.tier,
                tier_label=row.tier_label,
                percent=results.framework.is_percent(results.framework.root.code),
                change=None,
                rank_change=None,
                computed=False,
                weights_unconfirmed=False,
                rank_published=row.rank is not None,
                group_published=row.tier is not None,
            )
    return None


def _component_moves(results: Results, province: Province) -> dict[int, list[Mover]]:
    """Every component's move from the province's previous year with a score for it (the year
    before, or the last one the data give: 2019 → 2021 when 2020 has only the composite); a
    move across a structural break of the unit is not a move and is left out."""
    fw = results.framework
    moves: dict[int, list[Mover]] = {}
    for unit in fw.units:
        if fw.depth(unit.code) != 1:
            continue
        series = results.series(province, unit.code)
        known = [p for p in series.points if p.score is not None]
        for before, after in zip(known, known[1:], strict=False):
            assert before.score is not None and after.score is not None
            if any(before.year < b.year <= after.year for b in series.breaks):
                continue
            moves.setdefault(after.year, []).append(
                Mover(
                    unit.code,
                    unit.localized_name(after.year),
                    after.year,
                    before.year,
                    before.score,
                    after.score,
                    fw.is_percent(unit.code),
                )  # fmt: skip
            )
    return moves


def _top_movers(results: Results, moves: list[Mover], top: int) -> list[Mover]:
    """The `top` largest moves, measured as a share of each unit's scale so that units on
    different scales compare."""
    fw = results.framework

    def size(m: Mover) -> float:
        low, high = fw.scale_range(m.unit, m.year)
        return abs(m.change) / (high - low)

    return sorted(moves, key=lambda m: (-size(m), m.unit))[:top]


def index_history(results: Results, province: str | Province, top: int = 3) -> IndexHistory:
    """`province` on `results`' index, every year of its data (UnknownProvince if the index
    does not know the province)."""
    found = results.province(province)
    years: list[IndexYear] = []
    missing: list[int] = []
    movers: list[Mover] = []
    moves = _component_moves(results, found)
    for year in results.years:
        r = results.unit_result(found, year, "aggregate")
        if r is not None:
            years.append(_index_year(r))
            movers += _top_movers(results, moves.get(year, []), top)
            continue
        ranked = _rank_only(results, found, year)
        if ranked is None:
            missing.append(year)
        else:
            years.append(ranked)
    return IndexHistory(
        index=results.index,
        framework=results.framework,
        province=found,
        years=tuple(years),
        missing=tuple(missing),
        movers=tuple(movers),
    )


def across_indices(
    all_results: Sequence[Results], province: Province, top: int = 3
) -> tuple[IndexHistory, ...]:
    """The province on each index of `all_results`, in the given order; an index whose data
    never name the province gives a history without years (every year missing)."""
    histories = []
    for results in all_results:
        try:
            histories.append(index_history(results, province.name, top))
        except UnknownProvince:
            histories.append(
                IndexHistory(results.index, results.framework, province, (), results.years, ())
            )
    return tuple(histories)
