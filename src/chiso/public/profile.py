"""The province profile page as data: key figures, tables, sentences and SVG charts."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from chiso.index import Framework, Province, Results
from chiso.index.formatting import fmt_number, fmt_rank
from chiso.index.provinces import provinces_for_year
from chiso.index.report import ProvinceProfile, Series
from chiso.public import sentences
from chiso.public.charts import (
    ChartBreak,
    RadarChart,
    RadarSeries,
    TrendChart,
    TrendLine,
    TrendPoint,
    render_radar,
    render_trend,
)
from chiso.public.figures import (
    Figure,
    figure,
    is_english,
    ranked_count_note,
    rule_depends_note,
    unit_denominators_note,
)
from chiso.public.indices import framework_title, index_label, index_query
from chiso.public.provenance import provenance, source_note
from chiso.public.slugs import province_slug


@dataclass(frozen=True)
class DimensionBlock:
    """A dimension with its sub-dimensions, for the coloured sub-dimension table."""

    dimension: Figure
    subdimensions: tuple[Figure, ...]


@dataclass(frozen=True)
class HistoryRow:
    year: int
    score: str
    rank: str
    tier: str | None
    tier_label: str


@dataclass(frozen=True)
class SmallChart:
    code: str
    name: str
    svg: SafeString


@dataclass(frozen=True)
class ProfilePage:
    index: str  # framework code (PAPI, PCI, PAR_INDEX, SIPAS)
    index_label: str  # "PAR INDEX"
    index_name: str  # the index's full name
    index_query: str  # "" for PAPI, else "bo-chi-so=pci": kept in every link of the page
    level_heading: str  # "Chỉ số nội dung (8)", "Chỉ số thành phần (10)"
    level_name: str  # the first level below the composite, lower case
    scale_text: str  # the components' scale ("0–10")
    has_mean: bool  # the year's data cover the field: a national mean, strengths, weaknesses
    show_codes: bool  # unit codes are numbers worth showing ("1.2"), not names (PCI's)
    has_subdimensions: bool  # a level below the first (PAPI's sub-dimensions) has results
    provenance: tuple[str, ...]  # which figures are published, computed, missing
    source_note: str
    province: Province
    name: str
    slug: str
    year: int
    years: tuple[int, ...]  # every year of the data (the year picker)
    aggregate: Figure | None
    summary: str
    dimensions: tuple[Figure, ...]
    blocks: tuple[DimensionBlock, ...]
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    declines: tuple[str, ...]
    lowest_tier: str
    history: tuple[HistoryRow, ...]
    ranked_note: str  # why the number of ranked provinces differs between years ("" if it does not)
    denominators_note: str  # why ranks of one year are "out of" different numbers
    break_notes: tuple[str, ...]  # structural breaks shown on the trend charts, explained
    rule_note: str  # "" unless a tier on the page depends on the year's (unknown) rule
    radar_svg: SafeString
    trend_svg: SafeString
    rank_svg: SafeString
    dimension_charts: tuple[SmallChart, ...]

    @property
    def q(self) -> str:
        """The index choice as a URL's whole query ("" for PAPI)."""
        return f"?{self.index_query}" if self.index_query else ""

    @property
    def amp(self) -> str:
        """The index choice appended to a URL that has a query already."""
        return f"&{self.index_query}" if self.index_query else ""


def build_profile(results: Results, province: Province, year: int, lang: str) -> ProfilePage:
    """Everything the profile shows (cached: the same results object gives the same page)."""
    return _build(results, province, year, lang)


@lru_cache(maxsize=256)
def _build(results: Results, province: Province, year: int, lang: str) -> ProfilePage:
    profile = results.profile(province, year)
    aggregate_series = results.series(province, "aggregate")
    blocks = tuple(
        DimensionBlock(
            figure(d, lang),
            tuple(figure(s, lang) for s in profile.subdimensions if s.unit.split(".")[0] == d.unit),
        )
        for d in profile.dimensions
    )
    h = profile.highlights
    fw = results.framework
    level_name, level_heading = _level_texts(results, year, lang)
    return ProfilePage(
        index=fw.code,
        index_label=index_label(fw.code),
        index_name=framework_title(fw, lang),
        index_query=index_query(fw.code),
        level_heading=level_heading,
        level_name=level_name,
        scale_text=_scale(profile.dimensions[0].scale, lang) if profile.dimensions else "",
        has_mean=profile.aggregate is not None and profile.aggregate.national_mean is not None,
        show_codes=shows_codes(fw),
        has_subdimensions=bool(profile.subdimensions),
        provenance=provenance(profile.aggregate, fw, lang),
        source_note=source_note(fw),
        province=province,
        name=province.display(),
        slug=province_slug(province),
        year=year,
        years=results.years,
        aggregate=figure(profile.aggregate, lang) if profile.aggregate else None,
        summary=sentences.summary(profile, lang),
        dimensions=tuple(figure(d, lang) for d in profile.dimensions),
        blocks=blocks,
        strengths=tuple(sentences.strength(r, lang) for r in h.strengths),
        weaknesses=tuple(sentences.weakness(r, lang) for r in h.weaknesses),
        declines=tuple(sentences.decline(r, lang) for r in h.declines[:5]),
        lowest_tier=sentences.lowest_tier(h.lowest_tier, lang),
        history=_history(results, aggregate_series, lang),
        ranked_note=ranked_count_note(
            {
                p.year: (p.of, len(provinces_for_year(p.year)))
                for p in aggregate_series.points
                if p.of
            },
            index_label(fw.code),
        ),
        break_notes=tuple(b.explanation.get(lang) for b in aggregate_series.breaks),
        rule_note=_rule_note(profile),
        denominators_note=unit_denominators_note(
            {u.of for u in (profile.aggregate, *profile.dimensions, *profile.subdimensions) if u}
        ),
        radar_svg=_radar(results, profile, lang),
        trend_svg=_trend(results, aggregate_series, lang),
        rank_svg=_rank_chart(results, aggregate_series, lang),
        dimension_charts=_dimension_charts(results, province, lang),
    )


def _level_texts(results: Results, year: int, lang: str) -> tuple[str, str]:
    """The name of the level below the composite (lower case) and a heading counting its units
    that year ("Chỉ số nội dung (8)")."""
    fw = results.framework
    if len(fw.levels) < 2:
        return "", ""
    name = fw.levels[1].name.get("en" if is_english(lang) else "vi")
    count = sum(1 for u in fw.units if fw.depth(u.code) == 1 and u.exists_in(year))
    return name[:1].lower() + name[1:], _("%(level)s (%(count)s)") % {"level": name, "count": count}


def shows_codes(fw: Framework) -> bool:
    """PAPI's and PAR INDEX's units are numbered ("1.2"); PCI's codes are names, not shown."""
    return all(u.code.replace(".", "").isdigit() for u in fw.units if fw.depth(u.code) > 0)


def _unit_title(fw: Framework, code: str, name: str) -> str:
    return f"{code}. {name}" if shows_codes(fw) else name


def _rule_note(profile: ProvinceProfile) -> str:
    units = [*([profile.aggregate] if profile.aggregate else []), *profile.dimensions]
    units += profile.subdimensions
    return rule_depends_note() if any(u.tier_depends_on_rule for u in units) else ""


def _history(results: Results, series: Series, lang: str) -> tuple[HistoryRow, ...]:
    fw = results.framework
    rows = []
    for p in series.points:
        if p.score is None and p.rank is None:
            continue  # a year the data give nothing for the province (PCI's partial years)
        label = fw.tier(p.tier).label.get(lang) if p.tier else "—"
        rows.append(
            HistoryRow(p.year, fmt_number(p.score, lang), fmt_rank(p.rank, p.of), p.tier, label)
        )
    return tuple(rows)


def _radar(results: Results, profile: ProvinceProfile, lang: str) -> SafeString:
    dims = profile.dimensions
    if len(dims) < 3:
        return mark_safe("")
    year = profile.year
    leader = results.ranking(year).rows[0]
    leader_dims = {d.unit: d.score for d in results.profile(leader.province, year).dimensions}
    series = (
        RadarSeries(profile.province.display(), tuple(d.score for d in dims), "province"),
        RadarSeries(_("Trung bình cả nước"), tuple(d.national_mean for d in dims), "mean"),
        RadarSeries(
            _("Tỉnh đứng đầu: %(name)s") % {"name": leader.province.display()},
            tuple(leader_dims.get(d.unit) for d in dims),
            "best",
        ),
    )
    chart = RadarChart(
        title=_("%(level)s năm %(year)s")
        % {"level": results.framework.levels[1].name.get(lang), "year": year},
        # PCI's codes are names: its axes are numbered as the table beside the chart is
        axes=tuple(
            d.unit if shows_codes(results.framework) else str(i) for i, d in enumerate(dims, 1)
        ),
        scale=(0.0, dims[0].scale[1]),
        series=series,
        lang=lang,
    )
    # The chart module escapes every text it writes.
    return mark_safe(render_radar(chart))  # noqa: S308


def _chart_breaks(results: Results, series: Series, lang: str) -> tuple[ChartBreak, ...]:
    fw = results.framework
    found = []
    for b in series.breaks:
        before, after = b.year - 1, b.year
        try:
            old, new = fw.scale_range(series.unit, before), fw.scale_range(series.unit, after)
        except KeyError:
            old = new = (0.0, 0.0)
        if old != new:
            label = _("Từ %(year)s: thang %(new)s (trước %(old)s)") % {
                "year": after,
                "new": _scale(new, lang),
                "old": _scale(old, lang),
            }
        else:
            label = _("Từ %(year)s: đổi cách đo") % {"year": after}
        found.append(ChartBreak(after, label))
    return tuple(found)


def _scale(scale: tuple[float, float], lang: str) -> str:
    low, high = scale
    decimals = 0 if low == int(low) and high == int(high) else 2
    return f"{fmt_number(low, lang, decimals)}–{fmt_number(high, lang, decimals)}"


def _mean_line(results: Results, series: Series) -> TrendLine:
    points = []
    for p in series.points:
        points.append(TrendPoint(p.year, results.ranking(p.year, series.unit).mean))
    return TrendLine(_("Trung bình cả nước"), tuple(points), "mean", dashed=True)


def _trend(results: Results, series: Series, lang: str) -> SafeString:
    chart = TrendChart(
        title=_("Điểm tổng hợp qua các năm"),
        years=results.years,
        lines=(
            TrendLine(
                series.province.display(),
                tuple(TrendPoint(p.year, p.score) for p in series.points),
            ),
            _mean_line(results, series),
        ),
        breaks=_chart_breaks(results, series, lang),
        lang=lang,
    )
    return mark_safe(render_trend(chart))  # noqa: S308


def _rank_chart(results: Results, series: Series, lang: str) -> SafeString:
    most = max((p.of for p in series.points), default=63)
    chart = TrendChart(
        title=_("Thứ hạng và nhóm điểm tổng hợp qua các năm"),
        years=results.years,
        lines=(
            TrendLine(
                _("Thứ hạng"),
                tuple(
                    TrendPoint(p.year, float(p.rank) if p.rank else None, p.tier)
                    for p in series.points
                ),
            ),
        ),
        breaks=_chart_breaks(results, series, lang),
        value_range=(1.0, float(most)),
        invert=True,
        integer=True,
        tier_markers=True,
        lang=lang,
    )
    return mark_safe(render_trend(chart))  # noqa: S308


def _dimension_charts(results: Results, province: Province, lang: str) -> tuple[SmallChart, ...]:
    fw = results.framework
    dims = [u for u in fw.units if fw.depth(u.code) == 1]
    lines = {}
    for unit in dims:
        series = results.series(province, unit.code)
        own = TrendLine(
            province.display(), tuple(TrendPoint(p.year, p.score) for p in series.points)
        )
        lines[unit.code] = (series, own, _mean_line(results, series))
    # One value range for all eight, so that the small charts can be compared at a glance.
    values = [
        p.value
        for (_s, own, mean) in lines.values()
        for p in (*own.points, *mean.points)
        if p.value is not None
    ]
    if not any(p.value is not None for (_s, own, _m) in lines.values() for p in own.points):
        return ()  # no component score in any year (PCI years with only the composite)
    value_range = (min(values), max(values)) if values else None
    charts = []
    for unit in dims:
        series, own, mean = lines[unit.code]
        chart = TrendChart(
            title=_unit_title(fw, unit.code, unit.name(None, "en" if is_english(lang) else "vi")),
            years=results.years,
            lines=(own, mean),
            breaks=_chart_breaks(results, series, lang),
            value_range=value_range,
            compact=True,
            lang=lang,
        )
        name = unit.name(None, "en" if is_english(lang) else "vi")
        charts.append(SmallChart(unit.code, name, mark_safe(render_trend(chart))))  # noqa: S308
    return tuple(charts)
