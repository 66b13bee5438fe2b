"""SVG building blocks shared by the renderers."""

from __future__ import annotations

import math
from html import escape

from chiso.index.formatting import fmt_number


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def num(value: float) -> str:
    """A coordinate, short and locale-free."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def label_number(value: float, lang: str, decimals: int = 2) -> str:
    return fmt_number(value, lang, decimals)


def open_svg(width: float, height: float, title: str, css_class: str) -> str:
    """The root element: scales to its container, announced as one image with a title."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {num(width)} {num(height)}" '
        f'class="chart {esc(css_class)}" role="img" aria-label="{esc(title)}" '
        f'font-family="Noto Sans, Segoe UI, Arial, sans-serif"><title>{esc(title)}</title>'
    )


def text(
    x: float,
    y: float,
    content: str,
    size: float = 12,
    anchor: str = "middle",
    fill: str = "#1d2733",
    weight: str = "normal",
) -> str:
    return (
        f'<text x="{num(x)}" y="{num(y)}" font-size="{num(size)}" text-anchor="{anchor}" '
        f'fill="{fill}" font-weight="{weight}">{esc(content)}</text>'
    )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high] (steps of 1, 2, 2.5 or 5 × 10^k)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks
