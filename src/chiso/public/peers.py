"""The peers page as data: the province beside its peers, and whom to learn from on a weak unit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from chiso.index import Province, Results
from chiso.index.formatting import fmt_number
from chiso.index.peer_compare import LearnFrom, SideBySide, learn_from_spans, side_by_side
from chiso.index.peers import CUSTOM, KINDS, NEIGHBOURS, PeerError, peer_set
from chiso.index.text import text_in
from chiso.public.figures import trend_class
from chiso.public.slugs import province_for_slug, province_slug


@dataclass(frozen=True)
class PeerQuery:
    province: Province
    year: int
    kind: str
    custom: tuple[Province, ...]
    unit: str  # the weak unit whose "learn from" list is shown ("" = the first weakness)

    def params(self) -> dict[str, object]:
        return {
            "tinh": province_slug(self.province),
            "nam": self.year,
            "nhom": self.kind,
            "so-sanh": [province_slug(p) for p in self.custom],
            "chi-so": self.unit,
        }


@dataclass(frozen=True)
class WeakUnit:
    code: str
    label: str
    rank: str


@dataclass(frozen=True)
class LearnRow:
    name: str
    slug: str
    start: str
    end: str
    gain: str
    rank_move: str


@dataclass(frozen=True)
class LearnTable:
    span: int
    start_year: int
    rows: tuple[LearnRow, ...]
    own: str  # the province's own change over the span ("—" if none)
    own_class: str
    national: str
    unavailable: str


@dataclass(frozen=True)
class ShownCell:
    score: str
    rank: str
    tier: str


@dataclass(frozen=True)
class ShownRow:
    name: str
    slug: str
    is_self: bool
    cells: tuple[ShownCell, ...]


@dataclass(frozen=True)
class ShownUnit:
    code: str
    name: str


@dataclass(frozen=True)
class PeersPage:
    query: PeerQuery
    name: str
    years: tuple[int, ...]
    kind_label: str
    table: SideBySide | None  # None: the peer set could not be formed (see `error`)
    error: str
    units: tuple[ShownUnit, ...]
    rows: tuple[ShownRow, ...]
    peer_mean: tuple[str, ...]
    national_mean: tuple[str, ...]
    weak: tuple[WeakUnit, ...]
    unit: str
    unit_label: str
    learn: tuple[LearnTable, ...]


def kind_choices() -> list[tuple[str, str]]:
    labels = {
        "neighbours": _("Tỉnh giáp ranh"),
        "region": _("Cùng vùng kinh tế - xã hội"),
        "similar": _("Điểm tổng hợp gần nhau"),
        "custom": _("Tự chọn"),
    }
    return [(k, labels[k]) for k in KINDS]


def parse_query(
    results: Results, params: Mapping[str, str], custom: list[str], home: Province
) -> PeerQuery:
    """The query from GET parameters; an unknown province or year is a 404."""
    slug = params.get("tinh", "")
    province = province_for_slug(results, slug) if slug else home
    raw_year = params.get("nam", "")
    try:
        year = int(raw_year) if raw_year else results.years[-1]
    except ValueError:
        raise Http404 from None
    if year not in results.years:
        raise Http404
    kind = params.get("nhom", NEIGHBOURS)
    if kind not in KINDS:
        kind = NEIGHBOURS
    chosen = tuple(province_for_slug(results, s) for s in custom if s)
    return PeerQuery(province, year, kind, chosen, params.get("chi-so", ""))


def build_peers(results: Results, query: PeerQuery, lang: str) -> PeersPage:
    table, error = None, ""
    kind_label = dict(kind_choices())[query.kind]
    try:
        peers = peer_set(results, query.province, query.year, query.kind, query.custom)
        table = side_by_side(results, peers, query.year)
        kind_label = peers.label.get(lang)
    except PeerError as exc:
        error = _("Chưa chọn tỉnh nào để so sánh.") if query.kind == CUSTOM else str(exc)
    profile = results.profile(query.province, query.year)
    weak = tuple(
        WeakUnit(r.unit, f"{r.unit}. {text_in(r.name, lang)}", f"{r.rank}/{r.of}")
        for r in profile.weaknesses
    )
    codes = {w.code for w in weak}
    unit = query.unit if query.unit in codes else (weak[0].code if weak else "")
    learn: tuple[LearnTable, ...] = ()
    if unit:
        spans = learn_from_spans(results, unit, query.year, query.province)
        learn = tuple(learn_table(item, lang) for item in spans)
    return PeersPage(
        query=query,
        name=query.province.display(),
        years=results.years,
        kind_label=kind_label,
        table=table,
        error=error,
        units=tuple(
            ShownUnit(c, n.get(lang)) for c, n in zip(table.units, table.unit_names, strict=True)
        )
        if table
        else (),
        rows=_shown_rows(table, lang) if table else (),
        peer_mean=tuple(fmt_number(v, lang) for v in table.peer_mean) if table else (),
        national_mean=tuple(fmt_number(v, lang) for v in table.national_mean) if table else (),
        weak=weak,
        unit=unit,
        unit_label=next((w.label for w in weak if w.code == unit), ""),
        learn=learn,
    )


def learn_table(item: LearnFrom, lang: str) -> LearnTable:
    def move(a: int | None, b: int | None) -> str:
        return "—" if a is None or b is None else f"{a} → {b}"

    rows = tuple(
        LearnRow(
            name=g.province.display(),
            slug=province_slug(g.province),
            start=fmt_number(g.start, lang),
            end=fmt_number(g.end, lang),
            gain=fmt_number(g.gain, lang, sign=True),
            rank_move=move(g.rank_start, g.rank_end),
        )
        for g in item.gainers
    )
    own = item.own.gain if item.own else None
    return LearnTable(
        span=item.span,
        start_year=item.start_year,
        rows=rows,
        own=fmt_number(own, lang, sign=True),
        own_class=trend_class(own),
        national=fmt_number(item.national_change, lang, sign=True),
        unavailable=item.unavailable.get(lang) if item.unavailable else "",
    )


def _shown_rows(table: SideBySide, lang: str) -> tuple[ShownRow, ...]:
    return tuple(
        ShownRow(
            name=row.province.display(),
            slug=province_slug(row.province),
            is_self=row.is_self,
            cells=tuple(
                ShownCell(
                    fmt_number(c.score, lang),
                    "—" if c.rank is None else f"{c.rank}/{of}",
                    c.tier or "none",
                )
                for c, of in zip(row.cells, table.of, strict=True)
            ),
        )
        for row in table.rows
    )
