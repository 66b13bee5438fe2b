"""Charts for the reports, drawn with matplotlib (Agg, no display) as PNG bytes.

Labels are Vietnamese, so the font must carry Vietnamese glyphs. DejaVu Sans ships with
matplotlib itself and covers them everywhere (Debian's Liberation 1.x fonts do not), so charts
look the same on every server.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

FONT_FAMILY = ["DejaVu Sans"]
PROVINCE_COLOUR = "#1f4e79"
MEAN_COLOUR = "#c9a227"
STATUS_COLOURS = {
    "done": "#2e7d32",
    "done_late": "#9e9d24",
    "in_progress": "#1565c0",
    "not_started": "#9e9e9e",
    "overdue": "#c62828",
}
DPI = 200


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    reference: float | None = None  # e.g. the national mean, drawn beside the bar


@dataclass(frozen=True)
class Point:
    year: int
    value: float | None


@dataclass(frozen=True)
class StackedRow:
    label: str
    counts: dict[str, int]  # status code → number of assignments


def _figure(width_in: float, height_in: float) -> Figure:
    plt.rcParams["font.family"] = "sans-serif"
    plt.rcParams["font.sans-serif"] = FONT_FAMILY
    plt.rcParams["font.size"] = 8
    figure = plt.figure(figsize=(width_in, height_in), dpi=DPI)
    return figure


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.tight_layout()
    figure.savefig(buffer, format="png", dpi=DPI)
    plt.close(figure)
    return buffer.getvalue()


def _vn(value: float, decimals: int = 2) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def compare_bars(bars: Sequence[Bar], label: str, reference_label: str) -> bytes:
    """Horizontal bars of the province's scores with the reference (national mean) beside."""
    figure = _figure(6.3, 0.42 * len(bars) + 1.0)
    axes = figure.add_subplot(1, 1, 1)
    positions = list(range(len(bars)))[::-1]
    height = 0.38
    values = [b.value for b in bars]
    axes.barh(
        [p + height / 2 for p in positions], values, height, color=PROVINCE_COLOUR, label=label
    )
    references = [b.reference for b in bars]
    if any(r is not None for r in references):
        axes.barh(
            [p - height / 2 for p in positions],
            [r or 0.0 for r in references],
            height,
            color=MEAN_COLOUR,
            label=reference_label,
        )
    for p, value in zip(positions, values, strict=True):
        axes.text(value + 0.05, p + height / 2, _vn(value), va="center", fontsize=7)
    axes.set_yticks(positions, [b.label for b in bars])
    axes.set_xlim(0, max([*values, *(r or 0.0 for r in references)]) * 1.15)
    axes.legend(loc="lower right", fontsize=7, frameon=False)
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def trend(points: Sequence[Point], label: str, breaks: Sequence[int] = ()) -> bytes:
    """A line of yearly values; a dashed vertical line marks each structural break year."""
    figure = _figure(6.3, 2.6)
    axes = figure.add_subplot(1, 1, 1)
    shown = [p for p in points if p.value is not None]
    xs = [p.year for p in shown]
    ys = [float(p.value) for p in shown if p.value is not None]
    axes.plot(xs, ys, marker="o", color=PROVINCE_COLOUR, label=label)
    for x, y in zip(xs, ys, strict=True):
        axes.annotate(
            _vn(y), (x, y), textcoords="offset points", xytext=(0, 6), ha="center", fontsize=6.5
        )
    for year in breaks:
        axes.axvline(year - 0.5, color="#777777", linestyle="--", linewidth=0.8)
        axes.text(  # horizontal, at the top right of the line: clear of the points below
            year - 0.42,
            0.98,
            f"thay đổi thang điểm từ {year}",
            transform=axes.get_xaxis_transform(),
            fontsize=6.5,
            color="#555555",
            va="top",
            ha="left",
        )
    axes.set_xticks(xs, [str(x) for x in xs])
    if ys:
        axes.set_ylim(min(ys) * 0.9, max(ys) * 1.1)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", fontsize=7, frameon=False)
    return _png(figure)


def stacked_status(rows: Sequence[StackedRow], order: Sequence[tuple[str, str]]) -> bytes:
    """One horizontal bar per row, split by status (`order` = (code, label) pairs); the legend
    sits above the bars so it never collides with the axis."""
    figure = _figure(6.3, 0.4 * len(rows) + 1.4)
    axes = figure.add_subplot(1, 1, 1)
    positions = list(range(len(rows)))[::-1]
    left = [0] * len(rows)
    for code, label in order:
        counts = [row.counts.get(code, 0) for row in rows]
        axes.barh(
            positions,
            counts,
            left=left,
            color=STATUS_COLOURS.get(code, "#607d8b"),
            label=label,
            height=0.6,
        )
        left = [a + b for a, b in zip(left, counts, strict=True)]
    axes.set_yticks(positions, [_short(row.label) for row in rows])
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("Số lượt phân công")
    axes.legend(
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=min(len(order), 3),
        fontsize=7,
        frameon=False,
    )
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
