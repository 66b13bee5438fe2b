"""What the chart renderers draw: small frozen dataclasses, built by the pages and the reports."""

from __future__ import annotations

from dataclasses import dataclass

# Same colours as the tier badges of the web app (chiso.css), so a chart and a badge agree.
TIER_COLOURS = {
    "high": "#1a7f37",
    "high_average": "#78a832",
    "low_average": "#e0a100",
    "low": "#c9423a",
    # PCI's six published groups (best first) and PAR INDEX's bands A–D, on the same scale of
    # greens to reds; the badges in public.css use the same colours.
    "rat_tot": "#1a7f37",
    "tot": "#4f9a34",
    "kha": "#78a832",
    "trung_binh": "#e0a100",
    "tuong_doi_thap": "#d9731f",
    "thap": "#c9423a",
    "A": "#1a7f37",
    "B": "#78a832",
    "C": "#e0a100",
    "D": "#c9423a",
}
NO_TIER_COLOUR = "#9aa5b1"
# Text on a tile must stay readable: dark text on the yellow tier, white elsewhere.
TIER_TEXT = {"low_average": "#2b2100", "trung_binh": "#2b2100", "C": "#2b2100"}

# Line colours by role: the province stands out, comparisons stay quiet.
TONE_COLOURS = {
    "province": "#0b3d6e",
    "mean": "#7a8594",
    "best": "#1a7f37",
    "other": "#c8102e",
}


def tier_colour(tier: str | None) -> str:
    return TIER_COLOURS.get(tier or "", NO_TIER_COLOUR)


@dataclass(frozen=True)
class RadarSeries:
    label: str
    values: tuple[float | None, ...]  # one per axis; None = no score (the point is skipped)
    tone: str = "province"  # key of TONE_COLOURS


@dataclass(frozen=True)
class RadarChart:
    title: str
    axes: tuple[str, ...]  # short axis labels (dimension codes)
    scale: tuple[float, float]  # value at the centre and at the rim
    series: tuple[RadarSeries, ...]
    lang: str = "vi"


@dataclass(frozen=True)
class ChartBreak:
    """A structural break: lines are not drawn across it; a dashed rule marks it."""

    year: int  # first year of the new definition
    label: str


@dataclass(frozen=True)
class TrendPoint:
    year: int
    value: float | None
    tier: str | None = None  # colours the marker when the chart shows tiers


@dataclass(frozen=True)
class TrendLine:
    label: str
    points: tuple[TrendPoint, ...]
    tone: str = "province"
    dashed: bool = False


@dataclass(frozen=True)
class TrendChart:
    title: str
    years: tuple[int, ...]
    lines: tuple[TrendLine, ...]
    breaks: tuple[ChartBreak, ...] = ()
    value_range: tuple[float, float] | None = None  # None = fitted to the data
    invert: bool = False  # ranks: 1 at the top
    integer: bool = False  # ranks: whole-number ticks and labels
    tier_markers: bool = False  # colour markers by each point's tier
    compact: bool = False  # small multiples: smaller canvas, fewer labels
    lang: str = "vi"


@dataclass(frozen=True)
class Tile:
    code: str  # GSO code; places the tile on the grid
    label: str  # short label drawn in the tile
    title: str  # full text for the tooltip and screen readers
    tier: str | None
    value_text: str = ""
    href: str | None = None
    highlight: bool = False


@dataclass(frozen=True)
class TileMapChart:
    title: str
    tiles: tuple[Tile, ...]
    legend: tuple[tuple[str | None, str], ...]  # (tier code or None, label)
    era: str = "63"  # whose GSO codes the tiles carry: the 63 provinces or the 34 (from 2025)
