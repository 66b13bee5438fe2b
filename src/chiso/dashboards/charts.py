"""Small server-rendered SVG charts: a stacked bar of statuses per row (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from chiso.dashboards.metrics import STATUS_ORDER, StatusCounts
from chiso.plans.status import Status

VIEWBOX_WIDTH = 100.0
TRACK_COLOR = "#eef2f7"
# Inline fills so a bar renders right on pages that do not load dashboards.css (home page).
STATUS_COLORS = {
    Status.DONE.value: "#1a7f37",
    Status.DONE_LATE.value: "#78a832",
    Status.IN_PROGRESS.value: "#4a86c5",
    Status.NOT_STARTED.value: "#b8c2cf",
    Status.OVERDUE.value: "#b42318",
}


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    count: int
    x: float
    width: float

    @property
    def color(self) -> str:
        return STATUS_COLORS[self.status]


def stacked_segments(counts: StatusCounts, scale_total: int | None = None) -> list[Segment]:
    """Segments of a 0–100 wide bar; with `scale_total` the bar's length is total/scale_total,
    so the rows of a table compare by length as well as by mix."""
    total = counts.total
    scale = max(scale_total or total, total)
    if scale == 0:
        return []
    labels = status_labels()
    segments, x = [], 0.0
    for status in STATUS_ORDER:
        n = getattr(counts, status.value)
        if n:
            width = VIEWBOX_WIDTH * n / scale
            segments.append(
                Segment(status.value, labels[status.value], n, round(x, 3), round(width, 3))
            )
            x += width
    return segments


def status_labels() -> dict[str, str]:
    """Status value → label in the active language, translated once per language (a dashboard
    draws hundreds of bars)."""
    return _labels(get_language() or "")


@lru_cache(maxsize=16)
def _labels(language: str) -> dict[str, str]:
    return {value: str(label) for value, label in Status.choices}


_SEGMENT = (
    '<rect class="seg seg--{status}" fill="{color}" x="{x:.3f}" y="0" width="{width:.3f}"'
    ' height="{height}"><title>{label}: {count}</title></rect>'
)
_BAR = (
    '<svg class="status-bar" viewBox="0 0 100 {height}" preserveAspectRatio="none" width="100%"'
    ' height="{height}" role="img" aria-label="{label}">\n'
    '  <rect class="status-bar__track" fill="{track}" x="0" y="0" width="100"'
    ' height="{height}"></rect>\n'
    "  {segments}\n</svg>\n"
)


def status_bar_svg(counts: StatusCounts, scale: int | None = None, height: int = 14) -> SafeString:
    """A stacked SVG bar of the statuses; `scale` = the total a full-width bar stands for.

    Plain string formatting (not format_html) because a dashboard draws many bars: the only
    text interpolated is the escaped labels; the rest are numbers and our own constants."""
    segments = stacked_segments(counts, scale)
    size = int(height)
    rects = "".join(
        _SEGMENT.format(
            status=s.status,
            color=s.color,
            x=s.x,
            width=s.width,
            height=size,
            label=escape(s.label),
            count=int(s.count),
        )
        for s in segments
    )
    label = (
        "; ".join(f"{s.label}: {s.count}" for s in segments)
        if segments
        else gettext("Chưa có phân công")
    )
    bar = _BAR.format(height=size, label=escape(label), track=TRACK_COLOR, segments=rects)
    return mark_safe(bar)  # every interpolated text is escaped above
