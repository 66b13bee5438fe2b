"""Server-side charts: pure functions from small dataclasses to SVG strings.

No Django here, so the documents (DOCX/PDF reports) can draw the same charts. Labels arrive
already translated; numbers are formatted with the core's `fmt_number` for the given language.
"""

from chiso.public.charts.model import (
    ChartBreak,
    RadarChart,
    RadarSeries,
    Tile,
    TileMapChart,
    TrendChart,
    TrendLine,
    TrendPoint,
)
from chiso.public.charts.radar import render_radar
from chiso.public.charts.tilemap import render_tilemap
from chiso.public.charts.trend import render_trend

__all__ = [
    "ChartBreak",
    "RadarChart",
    "RadarSeries",
    "Tile",
    "TileMapChart",
    "TrendChart",
    "TrendLine",
    "TrendPoint",
    "render_radar",
    "render_tilemap",
    "render_trend",
]
