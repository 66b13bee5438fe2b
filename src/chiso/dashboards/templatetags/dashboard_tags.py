"""Template helpers of the dashboards: status bars and links to the filtered task list.

Both are built in Python rather than with sub-templates: a national-scale dashboard draws
hundreds of bars and links, and a template render per bar was most of the page's time."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from chiso.dashboards.charts import status_bar_svg
from chiso.dashboards.links import task_list_url, with_filters
from chiso.dashboards.metrics import STATUS_ORDER, StatusCounts

register = template.Library()


@register.simple_tag
def status_bar(counts: StatusCounts, scale: int | None = None, height: int = 14) -> SafeString:
    """A stacked SVG bar of the statuses; `scale` = the total a full-width bar stands for."""
    return status_bar_svg(counts, scale, height)


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
