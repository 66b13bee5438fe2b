"""Tile map: each province one square on a rough geographic grid, coloured by tier."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chiso.index.provinces import ERA_34, namesake_63, provinces_34
from chiso.public.charts.model import TIER_TEXT, TileMapChart, tier_colour
from chiso.public.charts.svg import esc, num, open_svg, text

GRID_FILE = Path(__file__).parent / "tilegrid_63.csv"
CELL, GAP, PAD = 52.0, 4.0, 8.0
LEGEND_ROW = 22.0
LEGEND_CELL = (6, 4)  # (row, col) where the legend starts


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    label: str


@cache
def tile_grid() -> dict[str, GridCell]:
    """GSO code → grid cell, read from the data file."""
    lines = [
        ln for ln in GRID_FILE.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")
    ]
    return {
        row["code"]: GridCell(int(row["row"]), int(row["col"]), row["label"])
        for row in csv.DictReader(lines)
    }


@cache
def tile_grid_34() -> dict[str, GridCell]:
    """The 34 provinces (from 1/7/2025), each on the cell and label of the province whose name it
    kept: the map keeps its geography while the codes change (Lào Cai took Yên Bái's code)."""
    grid = tile_grid()
    return {p.code: grid[namesake_63(p).code] for p in provinces_34()}


def _link(tile_svg: str, href: str | None) -> str:
    return f'<a href="{esc(href)}">{tile_svg}</a>' if href else tile_svg


def render_tilemap(chart: TileMapChart) -> str:
    """The map as an SVG string; tiles link to `href` and carry their full text as a tooltip."""
    grid = tile_grid_34() if chart.era == ERA_34 else tile_grid()
    rows = max(c.row for c in grid.values()) + 1
    cols = max(c.col for c in grid.values()) + 1
    width = PAD * 2 + cols * (CELL + GAP) - GAP
    map_height = PAD * 2 + rows * (CELL + GAP) - GAP
    parts = []
    for tile in chart.tiles:
        cell = grid.get(tile.code)
        if cell is None:
            continue
        x, y = PAD + cell.col * (CELL + GAP), PAD + cell.row * (CELL + GAP)
        ink = TIER_TEXT.get(tile.tier or "", "#ffffff")
        outline = ' stroke="#072a4d" stroke-width="3"' if tile.highlight else ""
        body = (
            f'<g class="tile"><title>{esc(tile.title)}</title>'
            f'<rect x="{num(x)}" y="{num(y)}" width="{num(CELL)}" height="{num(CELL)}" rx="4" '
            f'fill="{tier_colour(tile.tier)}"{outline}/>'
            + text(x + CELL / 2, y + 22, tile.label or cell.label, 13, "middle", ink, "bold")
            + text(x + CELL / 2, y + 40, tile.value_text, 11, "middle", ink)
            + "</g>"
        )
        parts.append(_link(body, tile.href))
    # The legend sits in the sea east of the north-central coast, an empty part of the grid.
    left, top = PAD + LEGEND_CELL[1] * (CELL + GAP), PAD + LEGEND_CELL[0] * (CELL + GAP)
    for i, (tier, label) in enumerate(chart.legend):
        y = top + i * LEGEND_ROW
        parts.append(
            f'<rect x="{num(left)}" y="{num(y)}" width="16" height="16" rx="3" '
            f'fill="{tier_colour(tier)}"/>'
        )
        parts.append(text(left + 24, y + 13, label, 13, "start"))
    return open_svg(width, map_height, chart.title, "chart--tilemap") + "".join(parts) + "</svg>"
