"""The ranking page as data: every province for one year and one unit, sorted, with a tile map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from django.http import Http404
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from chiso.index import Framework, Results, UnknownUnit, UnknownYear, normalize_name
from chiso.index.formatting import fmt_int_change, fmt_number
from chiso.index.provinces import provinces_for_year
from chiso.index.report import Ranking
from chiso.index.text import text_in
from chiso.public.charts import Tile, TileMapChart, render_tilemap
from chiso.public.figures import is_english, rule_depends_note, trend_class, unranked_note
from chiso.public.indices import index_label, index_query
from chiso.public.profile import shows_codes
from chiso.public.slugs import province_slug

SORTS = ("rank", "-rank", "name", "-name", "change", "-change")


@dataclass(frozen=True)
class RankRow:
    rank: int | None
    rank_text: str
    code: str
    name: str
    href: str
    score: float | None
    score_text: str
    tier: str | None
    tier_label: str
    tier_depends_on_rule: bool
    change: float | None
    change_text: str
    change_class: str
    rank_change_text: str
    rank_change_class: str
    highlight: bool


@dataclass(frozen=True)
class UnitOption:
    code: str
    label: str


@dataclass(frozen=True)
class RankingPage:
    index: str  # framework code
    index_label: str  # "PAR INDEX"
    index_query: str  # "" for PAPI, else "bo-chi-so=pci"
    provenance: str  # where the ranks and groups come from ("" for PAPI: rule_note says it)
    partial_count: str  # "31 of 63 provinces have a score in the data" for a partial year
    year: int
    unit: str
    unit_name: str
    of: int
    mean: str
    cutoffs: str
    rule_note: str
    depends_note: str  # "" unless a row's tier depends on the year's (unknown) rule
    unranked_note: str  # the provinces left out for want of data, by name ("" if none)
    sort: str
    rows: tuple[RankRow, ...]
    units: tuple[UnitOption, ...]
    year_units: tuple[tuple[int, str], ...]  # (year, unit to keep in the year link)
    tilemap_svg: SafeString

    @property
    def q(self) -> str:
        return f"?{self.index_query}" if self.index_query else ""

    @property
    def sort_base(self) -> str:
        """A sort link's URL up to the sort key."""
        return f"?chi-so={self.unit}{self.amp}&sort="

    @property
    def amp(self) -> str:
        return f"&{self.index_query}" if self.index_query else ""


def build_ranking(
    results: Results, year: int, unit: str, sort: str, lang: str, highlight: frozenset[str]
) -> RankingPage:
    """The page for `unit` in `year` (404 for a year or unit without data)."""
    if sort not in SORTS:
        sort = "rank"
    try:
        return _build(results, year, unit or "aggregate", sort, lang, highlight)
    except (UnknownYear, UnknownUnit):
        raise Http404 from None


@lru_cache(maxsize=128)
def _build(
    results: Results, year: int, unit: str, sort: str, lang: str, highlight: frozenset[str]
) -> RankingPage:
    ranking = results.ranking(year, unit)
    rows = _rows(results, ranking, lang, highlight)
    cut = ranking.cutoffs.as_dict()
    fw = results.framework
    return RankingPage(
        index=fw.code,
        index_label=index_label(fw.code),
        index_query=index_query(fw.code),
        provenance=_provenance(results, ranking),
        partial_count=_partial_count(results, ranking),
        year=year,
        unit=ranking.unit,
        unit_name=text_in(ranking.unit_name, lang),
        of=ranking.of,
        mean=fmt_number(ranking.mean, lang),
        cutoffs=" · ".join(f"{k}: {fmt_number(v, lang)}" for k, v in cut.items())
        if fw.grouping == "quantiles"
        else "",
        rule_note=_rule_note(results, year),
        depends_note=rule_depends_note() if any(r.tier_depends_on_rule for r in rows) else "",
        unranked_note=""
        if _partial_count(results, ranking)
        else unranked_note(sorted(r.name for r in rows if r.rank is None)),
        sort=sort,
        rows=tuple(sorted(rows, key=_sort_key(sort))),
        units=_unit_options(results, year, lang),
        year_units=tuple(
            (y, ranking.unit if _exists(results, y, ranking.unit) else "aggregate")
            for y in results.years
        ),
        tilemap_svg=_tilemap(results.framework, ranking, rows, lang),
    )


def _provenance(results: Results, ranking: Ranking) -> str:
    """How another index's ranks and groups are found, and what a partial year lacks."""
    fw = results.framework
    if fw.grouping == "quantiles":
        return ""
    label = index_label(fw.code)
    if fw.grouping == "bands":
        text = _(
            "Thứ hạng như đã công bố (nếu có); nhóm theo khoảng điểm cố định của năm, nếu nguồn "
            "nêu khoảng điểm của năm đó."
        )
    else:
        text = _(
            "Thứ hạng và nhóm %(index)s như đã công bố; chiso không tự xếp nhóm (quy tắc xếp "
            "nhóm không được công bố)."
        ) % {"index": label}
    if ranking.mean is None and fw.field_size is not None:
        text += " " + _(
            "Số liệu năm %(year)s chưa đủ %(of)s tỉnh, thành phố: không tính trung bình cả nước "
            "và không tự xếp hạng; tỉnh nào không có hạng công bố thì để trống."
        ) % {"year": ranking.year, "of": fw.field_size}
    return text


def _partial_count(results: Results, ranking: Ranking) -> str:
    field = results.framework.field_size
    if ranking.mean is not None or field is None:
        return ""
    scored = sum(1 for r in ranking.rows if r.score is not None)
    return _("%(n)s/%(of)s tỉnh, thành phố có điểm trong số liệu đã nhập.") % {
        "n": scored,
        "of": field,
    }


def _rule_note(results: Results, year: int) -> str:
    if results.framework.grouping != "quantiles":
        return ""
    if not results.framework.rule_known(year):
        return _(
            "Năm này chưa rõ quy tắc xếp nhóm của PAPI; chiso áp dụng quy tắc đã công bố "
            "(từ phân vị trở lên)."
        )
    if results.framework.tier_rule(year).inclusive:
        return _(
            "Nhóm Cao: từ phân vị 75 trở lên; Trung bình cao: từ phân vị 50; "
            "Trung bình thấp: từ phân vị 25."
        )
    return _(
        "Nhóm Cao: trên phân vị 75; Trung bình cao: trên phân vị 50; "
        "Trung bình thấp: trên phân vị 25."
    )


def _exists(results: Results, year: int, unit: str) -> bool:
    fw = results.framework
    return unit in ("aggregate", fw.root.code) or (
        fw.has_unit(unit) and fw.unit(unit).exists_in(year)
    )


def _rank_change_text(rank_change: int | None) -> str:
    """As on the cross-index page: an unchanged rank in words ("không đổi"), never "0"."""
    return _("không đổi") if rank_change == 0 else fmt_int_change(rank_change)


def _rows(
    results: Results, ranking: Ranking, lang: str, highlight: frozenset[str]
) -> list[RankRow]:
    rows = []
    for r in ranking.rows:
        change = rank_change = None
        if r.score is not None:
            detail = results.unit_result(r.province, ranking.year, ranking.unit)
            if detail is not None and not detail.breaks:
                change, rank_change = detail.change, detail.rank_change
        rows.append(
            RankRow(
                rank=r.rank,
                rank_text=str(r.rank) if r.rank else "—",
                code=r.province.code,
                name=r.province.display(),
                href=reverse("public:profile", args=[province_slug(r.province), ranking.year])
                + (f"?{index_query(results.index)}" if index_query(results.index) else ""),
                score=r.score,
                score_text=fmt_number(r.score, lang),
                tier=r.tier,
                tier_label=text_in(
                    r.tier_label, lang, _("Không có số liệu") if r.score is None else "—"
                ),
                tier_depends_on_rule=r.tier_depends_on_rule,
                change=change,
                change_text=fmt_number(change, lang, sign=True),
                change_class=trend_class(change),
                rank_change_text=_rank_change_text(rank_change),
                rank_change_class=trend_class(rank_change),
                highlight=r.province.code in highlight,
            )
        )
    return rows


def _sort_key(sort: str) -> Callable[[RankRow], tuple[object, ...]]:
    """Rows without a value always go last, whatever the direction."""
    descending = sort.startswith("-")
    field = sort.lstrip("-")
    sign = -1 if descending else 1

    def key(row: RankRow) -> tuple[object, ...]:
        if field == "name":
            name = normalize_name(row.name)
            return (0, name) if not descending else (0, _Reverse(name))
        value = row.rank if field == "rank" else row.change
        if value is None:
            return (1, 0.0, row.code)
        # "change" reads best-first by default: the largest rise at the top.
        direction = -sign if field == "change" else sign
        return (0, direction * float(value), row.code)

    return key


@dataclass(frozen=True)
class _Reverse:
    """Wraps a string so that sorting runs Z→A."""

    text: str

    def __lt__(self, other: _Reverse) -> bool:
        return self.text > other.text


def _unit_options(results: Results, year: int, lang: str) -> tuple[UnitOption, ...]:
    fw = results.framework
    language = "en" if is_english(lang) else "vi"
    options = [UnitOption("aggregate", fw.root.name(year, language))]
    numbered = shows_codes(fw)
    for unit in fw.units:
        depth = fw.depth(unit.code)
        if depth in (1, 2) and unit.exists_in(year):
            indent = "\u00a0\u00a0\u00a0" if depth == 2 else ""
            label = f"{unit.code}. " if numbered else ""
            options.append(UnitOption(unit.code, f"{indent}{label}{unit.name(year, language)}"))
    return tuple(options)


def _tilemap(framework: Framework, ranking: Ranking, rows: list[RankRow], lang: str) -> SafeString:
    decimals = 1 if (ranking.mean or 0) >= 10 else 2
    tiles = tuple(
        Tile(
            code=row.code,
            label="",
            title=_("%(name)s: %(score)s điểm, hạng %(rank)s/%(of)s, nhóm %(tier)s")
            % {
                "name": row.name,
                "score": row.score_text,
                "rank": row.rank_text,
                "of": ranking.of,
                "tier": row.tier_label,
            },
            tier=row.tier,
            value_text=fmt_number(row.score, lang, decimals) if row.score is not None else "—",
            href=row.href,
            highlight=row.highlight,
        )
        for row in rows
    )
    legend: tuple[tuple[str | None, str], ...] = (
        *((t.code, t.label.get(lang)) for t in framework.tiers),
        (None, _("Không có số liệu")),
    )
    chart = TileMapChart(
        title=_("Bản đồ ô các tỉnh, thành phố theo nhóm, năm %(year)s") % {"year": ranking.year},
        tiles=tiles,
        legend=legend,
        era=provinces_for_year(ranking.year)[0].era,
    )
    return mark_safe(render_tilemap(chart))  # noqa: S308  (the chart module escapes all text)
