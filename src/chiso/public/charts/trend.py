"""Line chart over the years: scores (or ranks) with structural breaks that no line crosses."""

from __future__ import annotations

from dataclasses import dataclass

from chiso.public.charts.model import TONE_COLOURS, TrendChart, TrendLine, TrendPoint, tier_colour
from chiso.public.charts.svg import esc, label_number, nice_ticks, num, open_svg, text


@dataclass(frozen=True)
class _Frame:
    width: float
    height: float
    left: float
    right: float
    top: float
    bottom: float
    first: int
    last: int
    low: float
    high: float
    invert: bool

    def x(self, year: float) -> float:
        # Points sit a little inside the plot so that the first label clears the value axis.
        inset = 8.0 if self.width < 400 else 18.0
        span = max(self.last - self.first, 1)
        usable = self.width - self.left - self.right - 2 * inset
        return self.left + inset + (year - self.first) / span * usable

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low or 1)
        if self.invert:
            share = 1 - share
        return self.height - self.bottom - share * (self.height - self.top - self.bottom)


def _value_range(chart: TrendChart) -> tuple[float, float, list[float]]:
    if chart.value_range is not None and chart.integer:
        # Ranks: keep the exact range (1 … n) and label 1 plus round steps inside it.
        low, high = chart.value_range
        inside = [t for t in nice_ticks(low, high, 4) if low < t <= high]
        return low, high, [low, *inside]
    if chart.value_range is not None:
        values = list(chart.value_range)
    else:
        values = [p.value for line in chart.lines for p in line.points if p.value is not None]
    if not values:
        return 0.0, 1.0, [0.0, 1.0]
    ticks = nice_ticks(min(values), max(values), 4 if chart.compact else 5)
    return ticks[0], ticks[-1], ticks


def _frame(chart: TrendChart, low: float, high: float) -> _Frame:
    if chart.compact:
        return _Frame(
            320, 170, 34, 10, 12, 24, chart.years[0], chart.years[-1], low, high, chart.invert
        )
    return _Frame(
        640, 290, 44, 16, 34, 28, chart.years[0], chart.years[-1], low, high, chart.invert
    )


def segments(points: tuple[TrendPoint, ...], break_years: set[int]) -> list[list[TrendPoint]]:
    """Runs of consecutive points with a value, cut before every break year and at gaps."""
    runs: list[list[TrendPoint]] = []
    current: list[TrendPoint] = []
    previous_year: int | None = None
    for point in points:
        gap = previous_year is not None and point.year != previous_year + 1
        if point.value is None or point.year in break_years or gap:
            if current:
                runs.append(current)
            current = []
        if point.value is not None:
            current.append(point)
        previous_year = point.year
    if current:
        runs.append(current)
    return runs


def _axes(chart: TrendChart, f: _Frame, ticks: list[float]) -> list[str]:
    parts = []
    decimals = 0 if chart.integer or all(t == int(t) for t in ticks) else 1
    size = 10 if chart.compact else 11
    for tick in ticks:
        if chart.integer and tick < 1:
            continue
        y = f.y(tick)
        parts.append(
            f'<line x1="{num(f.left)}" y1="{num(y)}" x2="{num(f.width - f.right)}" y2="{num(y)}" '
            'stroke="#e4e9f0" stroke-width="1"/>'
        )
        parts.append(
            text(
                f.left - 5, y + 4, label_number(tick, chart.lang, decimals), size, "end", "#5b6776"
            )
        )
    years = chart.years
    shown = set(years)
    if chart.compact:
        shown = {years[0], years[-1], *(b.year for b in chart.breaks)}
    # On a phone the full chart is drawn at under half size: every third year (counted back from
    # the latest) keeps its label there, the others are marked minor and hidden by the styles.
    kept = _phone_years(chart)
    for year in years:
        if year in shown:
            label = str(year) if not chart.compact else f"'{year % 100:02d}"
            drawn = text(f.x(year), f.height - f.bottom + 16, label, size, "middle", "#5b6776")
            parts.append(drawn if year in kept else f'<g class="trend-minor">{drawn}</g>')
    return parts


def _phone_years(chart: TrendChart) -> set[int]:
    """The years labelled on a phone: the latest and every third before it, and the first year
    of each new scale, none within a year of another (their labels would touch)."""
    kept: set[int] = set()
    wanted = [chart.years[-1], *(b.year for b in chart.breaks), *chart.years[::-3]]
    for year in wanted:
        if year in chart.years and all(abs(year - k) > 1 for k in kept):
            kept.add(year)
    return kept


def _breaks(chart: TrendChart, f: _Frame) -> list[str]:
    parts = []
    for brk in chart.breaks:
        if not chart.years[0] < brk.year <= chart.years[-1]:
            continue
        x = f.x(brk.year - 0.5)
        parts.append(
            f'<line x1="{num(x)}" y1="{num(f.top - (0 if chart.compact else 18))}" x2="{num(x)}" '
            f'y2="{num(f.height - f.bottom)}" stroke="#b26a00" stroke-width="1.5" '
            f'stroke-dasharray="4 3"><title>{esc(brk.label)}</title></line>'
        )
        if not chart.compact:  # a phone leaves it to the caption under the chart
            label = text(x + 5, f.top - 8, brk.label, 11, "start", "#8a5300")
            parts.append(f'<g class="trend-minor">{label}</g>')
    return parts


def _line(chart: TrendChart, f: _Frame, line: TrendLine, labelled: bool) -> list[str]:
    colour = TONE_COLOURS.get(line.tone, TONE_COLOURS["other"])
    width = 2.5 if line.tone == "province" else 1.6
    dash = ' stroke-dasharray="5 4"' if line.dashed else ""
    decimals = 0 if chart.integer else 2
    parts = []
    for run in segments(line.points, {b.year for b in chart.breaks}):
        coords = " ".join(f"{num(f.x(p.year))},{num(f.y(p.value or 0))}" for p in run)
        if len(run) > 1:
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                f'stroke-width="{width}"{dash} stroke-linejoin="round"/>'
            )
        for i, p in enumerate(run):
            value = p.value or 0.0
            fill = tier_colour(p.tier) if chart.tier_markers else colour
            radius = 4.5 if chart.tier_markers else (3.2 if line.tone == "province" else 2.2)
            tip = f"{line.label} {p.year}: {label_number(value, chart.lang, decimals)}"
            parts.append(
                f'<circle cx="{num(f.x(p.year))}" cy="{num(f.y(value))}" r="{radius}" '
                f'fill="{fill}" stroke="#fff" stroke-width="1"><title>{esc(tip)}</title></circle>'
            )
            if labelled:
                drawn = _value_label(f, run, i, label_number(value, chart.lang, decimals))
                # A phone keeps only the latest year's value label (the rest would overlap).
                latest = run[i].year == chart.years[-1]
                parts.append(drawn if latest else f'<g class="trend-minor">{drawn}</g>')
    return parts


def _value_label(f: _Frame, run: list[TrendPoint], i: int, label: str) -> str:
    """Above the point; under a dip, off the line; beside a dip at the very bottom, where a
    label underneath would sit on the year labels (rank 63 in 2012)."""
    x, y = f.x(run[i].year), f.y(run[i].value or 0.0)
    if not _is_dip(f, run, i):
        return text(x, y - 8, label, 10)
    if y + 17 > f.height - f.bottom + 2:
        return text(x + 7, y + 3.5, label, 10, "start")
    return text(x, y + 17, label, 10)


def _is_dip(f: _Frame, run: list[TrendPoint], i: int) -> bool:
    """A point lower on screen than its neighbours gets its label underneath, off the line."""
    y = f.y(run[i].value or 0.0)
    neighbours = [f.y(run[j].value or 0.0) for j in (i - 1, i + 1) if 0 <= j < len(run)]
    return bool(neighbours) and all(y > n for n in neighbours)


def _legend_width(label: str) -> float:
    return 40 + 6.5 * len(label)


def _legend(chart: TrendChart, f: _Frame) -> list[str]:
    """Right-aligned under the plot, beside the latest years (hidden on a phone, where the page
    shows its own legend under the chart)."""
    if len(chart.lines) < 2 or chart.compact:
        return []
    total = sum(_legend_width(line.label) for line in chart.lines) - 15
    parts, x = [], max(f.left, f.width - f.right - total)
    for line in chart.lines:
        colour = TONE_COLOURS.get(line.tone, TONE_COLOURS["other"])
        dash = ' stroke-dasharray="5 4"' if line.dashed else ""
        y = f.height + 8
        parts.append(
            f'<line x1="{num(x)}" y1="{num(y - 4)}" x2="{num(x + 20)}" y2="{num(y - 4)}" '
            f'stroke="{colour}" stroke-width="3"{dash}/>'
        )
        parts.append(text(x + 25, y, line.label, 11.5, "start"))
        x += _legend_width(line.label)
    return parts


def render_trend(chart: TrendChart) -> str:
    """The chart as an SVG string. Only the first line gets value labels (not when compact)."""
    if not chart.years:
        raise ValueError("a trend chart needs at least one year")
    low, high, ticks = _value_range(chart)
    f = _frame(chart, low, high)
    body = [*_axes(chart, f, ticks), *_breaks(chart, f)]
    for i, line in enumerate(reversed(chart.lines)):
        labelled = not chart.compact and i == len(chart.lines) - 1
        body.extend(_line(chart, f, line, labelled))
    legend = _legend(chart, f)
    if legend:  # a phone shows the page's own legend under the chart instead
        legend = ['<g class="trend-legend">', *legend, "</g>"]
    height = f.height + (18 if legend else 0)
    css = "chart--trend chart--compact" if chart.compact else "chart--trend"
    return open_svg(f.width, height, chart.title, css) + "".join([*body, *legend]) + "</svg>"
