"""Radar ("spider") chart of a province's dimensions against comparison series."""

from __future__ import annotations

import math

from chiso.public.charts.model import TONE_COLOURS, RadarChart
from chiso.public.charts.svg import esc, label_number, nice_ticks, num, open_svg, text

WIDTH = 420.0
CX, CY, RADIUS = 210.0, 178.0, 140.0
LEGEND_TOP = 350.0
LEGEND_ROW = 20.0


def _point(axis: int, axes: int, share: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * axis / axes  # first axis straight up, clockwise
    return CX + RADIUS * share * math.cos(angle), CY + RADIUS * share * math.sin(angle)


def _share(value: float, scale: tuple[float, float]) -> float:
    low, high = scale
    return min(max((value - low) / (high - low), 0.0), 1.0)


def _grid(chart: RadarChart) -> list[str]:
    n = len(chart.axes)
    parts = []
    for tick in nice_ticks(*chart.scale, count=6):
        if not chart.scale[0] < tick <= chart.scale[1]:
            continue
        ring = " ".join(
            f"{num(x)},{num(y)}"
            for x, y in (_point(i, n, _share(tick, chart.scale)) for i in range(n))
        )
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#d8dee6" stroke-width="1"/>')
        if tick < chart.scale[1]:  # the rim's value would collide with the first axis label
            x, y = _point(0, n, _share(tick, chart.scale))
            parts.append(
                text(x + 4, y + 4, label_number(tick, chart.lang, 0), 10, "start", "#5b6776")
            )
    for i, label in enumerate(chart.axes):
        x, y = _point(i, n, 1.0)
        parts.append(
            f'<line x1="{num(CX)}" y1="{num(CY)}" x2="{num(x)}" y2="{num(y)}" '
            'stroke="#d8dee6" stroke-width="1"/>'
        )
        lx, ly = _point(i, n, 1.12)
        parts.append(text(lx, ly + 5, label, 14, "middle", "#072a4d", "bold"))
    return parts


def _series(chart: RadarChart) -> list[str]:
    n = len(chart.axes)
    parts = []
    for series in chart.series:
        colour = TONE_COLOURS.get(series.tone, TONE_COLOURS["other"])
        points = [
            _point(i, n, _share(v, chart.scale))
            for i, v in enumerate(series.values)
            if v is not None
        ]
        if not points:
            continue
        coords = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        fill = "0.18" if series.tone == "province" else "0"
        dash = ' stroke-dasharray="5 4"' if series.tone == "mean" else ""
        width = 2.5 if series.tone == "province" else 1.8
        parts.append(
            f'<polygon points="{coords}" fill="{colour}" fill-opacity="{fill}" stroke="{colour}" '
            f'stroke-width="{width}"{dash}><title>{esc(series.label)}</title></polygon>'
        )
        if series.tone == "province":
            parts.extend(
                f'<circle cx="{num(x)}" cy="{num(y)}" r="3.5" fill="{colour}"/>' for x, y in points
            )
    return parts


def _legend(chart: RadarChart) -> list[str]:
    # One row per series: labels such as "Tỉnh đứng đầu: Quảng Ninh" are too long to share a row.
    parts = []
    x = 40.0
    for i, series in enumerate(chart.series):
        colour = TONE_COLOURS.get(series.tone, TONE_COLOURS["other"])
        y = LEGEND_TOP + i * LEGEND_ROW
        dash = ' stroke-dasharray="5 4"' if series.tone == "mean" else ""
        parts.append(
            f'<line x1="{num(x)}" y1="{num(y - 4)}" x2="{num(x + 22)}" y2="{num(y - 4)}" '
            f'stroke="{colour}" stroke-width="3"{dash}/>'
        )
        parts.append(text(x + 30, y, series.label, 12.5, "start"))
    return parts


def render_radar(chart: RadarChart) -> str:
    """The radar as an SVG string; axes run clockwise from the top."""
    if len(chart.axes) < 3:
        raise ValueError("a radar chart needs at least three axes")
    body = [*_grid(chart), *_series(chart), *_legend(chart)]
    height = LEGEND_TOP + LEGEND_ROW * len(chart.series)
    return open_svg(WIDTH, height, chart.title, "chart--radar") + "".join(body) + "</svg>"
