"""The cross-index page for leadership as data: the province on PAPI, PCI, PAR INDEX and SIPAS
year by year (score, rank "16/61", group), what is published and what computed, and the
components that moved most from one year to the next (chiso.index.across)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from chiso.index import Province, Results
from chiso.index.across import IndexHistory, IndexYear, Mover, across_indices
from chiso.index.formatting import fmt_int_change, fmt_number, fmt_rank
from chiso.index.text import text_in
from chiso.public.figures import trend_class
from chiso.public.indices import framework_title, index_label, index_query
from chiso.public.slugs import province_slug

RECENT = 4  # periods of component moves shown open; earlier ones are folded


@dataclass(frozen=True)
class YearRow:
    year: int
    score: str
    rank: str
    tier: str | None
    tier_label: str
    change: str
    change_class: str
    rank_change: str
    rank_change_class: str
    rank_unchanged: bool  # the same rank as the year before: said in words, as on the profile
    source: str  # which figures are published, which computed


@dataclass(frozen=True)
class MoverRow:
    name: str
    change: str
    change_class: str
    before_after: str  # "8,01 → 6,96"


@dataclass(frozen=True)
class MoverGroup:
    period: str  # "2019 → 2021"
    rows: tuple[MoverRow, ...]


@dataclass(frozen=True)
class IndexBlock:
    code: str
    label: str  # "PAR INDEX"
    name: str  # the index's full name
    href: str  # the province's results page on this index
    latest: YearRow | None
    rows: tuple[YearRow, ...]  # newest first
    missing: str  # the years without any figure, listed ("" when none)
    movers: tuple[MoverGroup, ...]  # newest first, the latest RECENT periods
    earlier_movers: tuple[MoverGroup, ...]  # the periods before those (folded on the page)


@dataclass(frozen=True)
class AcrossPage:
    province: Province
    name: str
    blocks: tuple[IndexBlock, ...]
    absent: tuple[str, ...]  # indices with no results stored at all


def _tier_label(y: IndexYear, lang: str) -> str:
    return text_in(y.tier_label, lang, "—")


def _source(y: IndexYear) -> str:
    parts = []
    if y.score is not None:
        parts.append(_("điểm tính từ thành phần") if y.computed else _("điểm công bố"))
    if y.weights_unconfirmed:
        parts.append(_("trọng số chưa được xác nhận"))
    if y.rank is not None:
        parts.append(_("hạng công bố") if y.rank_published else _("hạng tính"))
    if y.tier is not None:
        parts.append(_("nhóm công bố") if y.group_published else _("nhóm tính"))
    return ", ".join(parts)


def _row(y: IndexYear, lang: str) -> YearRow:
    return YearRow(
        year=y.year,
        score=fmt_number(y.score, lang) + ("%" if y.percent and y.score is not None else ""),
        rank=fmt_rank(y.rank, y.of) if y.rank is not None else "—",
        tier=y.tier,
        tier_label=_tier_label(y, lang),
        change=fmt_number(y.change, lang, sign=True),
        change_class=trend_class(y.change),
        rank_change=fmt_int_change(y.rank_change),
        rank_change_class=trend_class(y.rank_change),
        rank_unchanged=y.rank_change == 0,
        source=_source(y),
    )


def _years_text(years: Sequence[int]) -> str:
    """2015, 2016, 2017, 2019 → "2015–2017, 2019"."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _mover_groups(history: IndexHistory, lang: str) -> tuple[MoverGroup, ...]:
    by_year: dict[tuple[int, int], list[Mover]] = {}
    for m in history.movers:
        by_year.setdefault((m.previous_year, m.year), []).append(m)
    groups = []
    for (before, after), movers in sorted(by_year.items(), reverse=True):
        rows = tuple(
            MoverRow(
                name=text_in(m.name, lang),
                change=fmt_number(m.change, lang, sign=True),
                change_class=trend_class(m.change),
                before_after=f"{fmt_number(m.before, lang)} → {fmt_number(m.after, lang)}",
            )
            for m in movers
        )
        groups.append(MoverGroup(f"{before} → {after}", rows))
    return tuple(groups)


def _href(history: IndexHistory) -> str:
    query = index_query(history.index)
    url = reverse("public:results") + f"?tinh={province_slug(history.province)}"
    if history.years:
        url += f"&nam={history.years[-1].year}"
    return url + (f"&{query}" if query else "")


def _block(history: IndexHistory, lang: str) -> IndexBlock:
    rows = tuple(_row(y, lang) for y in reversed(history.years))
    groups = _mover_groups(history, lang)
    return IndexBlock(
        code=history.index,
        label=index_label(history.index),
        name=framework_title(history.framework, lang),
        href=_href(history),
        latest=rows[0] if rows else None,
        rows=rows,
        missing=_years_text(history.missing),
        movers=groups[:RECENT],
        earlier_movers=groups[RECENT:],
    )


def build_across(
    available: dict[str, Results], codes: Sequence[str], province: Province, lang: str
) -> AcrossPage:
    """`province` on every index of `codes` (in that order); an index without results is
    named in `absent`."""
    present = [available[c] for c in codes if c in available]
    histories = across_indices(present, province)
    return AcrossPage(
        province=province,
        name=province.display(),
        blocks=tuple(_block(h, lang) for h in histories),
        absent=tuple(index_label(c) for c in codes if c not in available),
    )
