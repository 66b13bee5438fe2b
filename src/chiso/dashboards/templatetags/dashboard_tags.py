"""Template helpers of the dashboards: status bars and links to the filtered task list.

Both are built in Python rather than with sub-templates: a national-scale dashboard draws
hundreds of bars and links, and a template render per bar was most of the page's time."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from chiso.dashboards.charts import TRACK_COLOR, stacked_segments
from chiso.dashboards.links import task_list_url, with_filters
from chiso.dashboards.metrics import STATUS_ORDER, StatusCounts

register = template.Library()

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


@register.simple_tag
def status_bar(counts: StatusCounts, scale: int | None = None, height: int = 14) -> SafeString:
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


@register.simple_tag
def tasks_url(plan: int | str, **filters: Any) -> str:
    """The plan's task list filtered: `plan` is the plan's id, or the list's URL when the page
    already has it (`tasks_base`, resolved once per page instead of once per link)."""
    if isinstance(plan, str):
        return with_filters(plan, **filters)
    return task_list_url(plan, **filters)


@register.simple_tag
def status_order() -> tuple[Any, ...]:
    return STATUS_ORDER


@register.filter
def count_of(counts: StatusCounts, status: str) -> int:
    return counts[status]


@register.filter
def days_after(later: Any, earlier: Any) -> int | None:
    """{{ today|days_after:a.deadline }} → whole days from `earlier` to `later`."""
    if later is None or earlier is None:
        return None
    return int((later - earlier).days)
