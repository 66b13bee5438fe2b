"""Comparing with peers: a side-by-side profile, and who improved a unit most ("learn from").

Changes are only measured within one regime of a unit: across a structural break or a change of
scale (2018 for most units, 2021 for dimension 5) the scores mean different things, so a span
crossing one gives no list and says why.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from chiso.index.peers import PeerSet
from chiso.index.provinces import Province
from chiso.index.results import Results
from chiso.index.text import LocalizedText

LEARN_SPANS = (1, 2, 3)
LEARN_TOP = 5


@dataclass(frozen=True)
class PeerCell:
    score: float | None
    rank: int | None
    tier: str | None
    change: float | None  # since the previous year of the data, None across a break


@dataclass(frozen=True)
class PeerRow:
    province: Province
    is_self: bool
    cells: tuple[PeerCell, ...]  # one per unit of the comparison


@dataclass(frozen=True)
class SideBySide:
    year: int
    peers: PeerSet
    units: tuple[str, ...]
    unit_names: tuple[LocalizedText, ...]
    rows: tuple[PeerRow, ...]  # the province first, then peers by aggregate rank
    peer_mean: tuple[float | None, ...]  # per unit, over the peers with a score
    national_mean: tuple[float | None, ...]
    of: tuple[int, ...]  # provinces ranked, per unit


def _opt(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _cell(results: Results, y: int, p: int, u: int, comparable: bool) -> PeerCell:
    """One province's figures on one unit, read from the computed arrays."""
    a = results.arrays
    score = _opt(a.score[y, p, u])
    if score is None:
        return PeerCell(None, None, None, None)
    tier = results.framework.tiers[int(a.tier[y, p, u])].code
    change = _opt(a.score[y, p, u] - a.prev_score[y, p, u]) if comparable else None
    return PeerCell(score, int(a.rank[y, p, u]), tier, change)


def side_by_side(
    results: Results, peers: PeerSet, year: int, units: tuple[str, ...] | None = None
) -> SideBySide:
    """The province and its peers on the aggregate and every dimension (or `units`) in `year`."""
    fw = results.framework
    root = fw.root.code
    codes = units or (root, *(u.code for u in fw.children(root, year)))
    y = results.years.index(year)
    agg_rank = results.ranks(root)[y]

    def by_rank(p: Province) -> tuple[bool, float, str]:
        rank = float(agg_rank[results.provinces.index(p)])
        return (math.isnan(rank), 0.0 if math.isnan(rank) else rank, p.code)

    order = sorted(peers.members, key=by_rank)
    cols = [_col(results, c) for c in codes]
    comparable = [y > 0 and not fw.breaks_for(c, results.years[y - 1], year) for c in codes]
    position = {prov: i for i, prov in enumerate(results.provinces)}
    rows = tuple(
        PeerRow(
            prov,
            prov == peers.province,
            tuple(
                _cell(results, y, position[prov], u, ok)
                for u, ok in zip(cols, comparable, strict=True)
            ),
        )
        for prov in (peers.province, *order)
    )
    peer_mean: list[float | None] = []
    for i in range(len(codes)):
        scores = [s for r in rows[1:] if (s := r.cells[i].score) is not None]
        peer_mean.append(sum(scores) / len(scores) if scores else None)
    means = tuple(_opt(results.arrays.mean[y, _col(results, c)]) for c in codes)
    return SideBySide(
        year=year,
        peers=peers,
        units=codes,
        unit_names=tuple(
            LocalizedText(fw.unit(c).name(year, "vi"), fw.unit(c).name(year, "en")) for c in codes
        ),
        rows=rows,
        peer_mean=tuple(peer_mean),
        national_mean=means,
        of=tuple(int(results.arrays.n[y, _col(results, c)]) for c in codes),
    )


def _col(results: Results, code: str) -> int:
    return [u.code for u in results.framework.units].index(code)


@dataclass(frozen=True)
class Gainer:
    province: Province
    start: float
    end: float
    rank_start: int | None
    rank_end: int | None

    @property
    def gain(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class LearnFrom:
    """The provinces that raised `unit` most from `year − span` to `year`."""

    unit: str
    name: LocalizedText
    year: int
    span: int
    gainers: tuple[Gainer, ...]  # largest gain first
    own: Gainer | None  # the province asked about, for comparison (None if not scored)
    national_change: float | None  # the change of the national mean over the same span
    unavailable: LocalizedText | None  # why there is no list (a break, no data)

    @property
    def start_year(self) -> int:
        return self.year - self.span


def _unavailable(results: Results, unit: str, start: int, year: int) -> LocalizedText | None:
    fw = results.framework
    u = fw.unit(unit)
    if start not in results.years or not u.exists_in(start) or not u.exists_in(year):
        return LocalizedText(f"Không có số liệu {unit} năm {start}", f"No {unit} data for {start}")
    crossed = fw.breaks_for(unit, start, year)
    if crossed or fw.scale_range(unit, start) != fw.scale_range(unit, year):
        when = ", ".join(str(b.year) for b in crossed) or str(year)
        return LocalizedText(
            f"Không so sánh {start}–{year}: PAPI đổi cách đo {unit} ({when})",
            f"No comparison {start}–{year}: PAPI changed how {unit} is measured ({when})",
        )
    return None


def learn_from(
    results: Results,
    unit: str,
    year: int,
    span: int,
    province: Province | None = None,
    among: tuple[Province, ...] | None = None,
    top: int = LEARN_TOP,
) -> LearnFrom:
    """The `top` provinces (of `among`, default all) with the largest gain on `unit` over `span`
    years ending in `year`; ties by province code."""
    fw = results.framework
    code = fw.root.code if unit in ("aggregate", "") else unit
    name = LocalizedText(fw.unit(code).name(year, "vi"), fw.unit(code).name(year, "en"))
    start = year - span
    why = _unavailable(results, code, start, year)
    if why is not None:
        return LearnFrom(code, name, year, span, (), None, None, why)
    y0, y1 = results.years.index(start), results.years.index(year)
    values, ranks = results.values(code), results.ranks(code)
    delta = values[y1] - values[y0]
    position = {prov: i for i, prov in enumerate(results.provinces)}
    own_p = position[province] if province is not None else -1
    keep = ~np.isnan(delta)
    if own_p >= 0:
        keep[own_p] = False
    if among is not None:
        chosen = np.zeros_like(keep)
        chosen[[position[q] for q in among if q in position]] = True
        keep &= chosen
    # largest gain first, ties by province code
    candidates = sorted(
        (int(p) for p in np.flatnonzero(keep)),
        key=lambda p: (-delta[p], results.provinces[p].code),
    )[:top]

    def gainer(p: int) -> Gainer | None:
        a, b = values[y0, p], values[y1, p]
        if math.isnan(a) or math.isnan(b):
            return None
        return Gainer(
            results.provinces[p], float(a), float(b), _rank(ranks[y0, p]), _rank(ranks[y1, p])
        )

    found = [g for p in candidates if (g := gainer(p)) is not None]
    own = gainer(own_p) if own_p >= 0 else None
    means = results.arrays.mean[:, _col(results, code)]
    national = float(means[y1] - means[y0]) if not np.isnan(means[[y0, y1]]).any() else None
    return LearnFrom(code, name, year, span, tuple(found), own, national, None)


def _rank(value: float) -> int | None:
    return None if math.isnan(value) else int(value)


def learn_from_spans(
    results: Results,
    unit: str,
    year: int,
    province: Province | None = None,
    among: tuple[Province, ...] | None = None,
    spans: tuple[int, ...] = LEARN_SPANS,
    top: int = LEARN_TOP,
) -> tuple[LearnFrom, ...]:
    """`learn_from` over the last 1, 2 and 3 years."""
    return tuple(learn_from(results, unit, year, s, province, among, top) for s in spans)
