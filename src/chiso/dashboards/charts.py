"""Small server-rendered SVG charts: a stacked bar of statuses per row (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import get_language

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
