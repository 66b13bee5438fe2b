"""Template helpers of the dashboards: status bars and links to the filtered task list."""

from __future__ import annotations

from typing import Any

from django import template

from chiso.dashboards.charts import stacked_segments
from chiso.dashboards.links import task_list_url
from chiso.dashboards.metrics import STATUS_ORDER, StatusCounts

register = template.Library()


@register.inclusion_tag("dashboards/_status_bar.html")
def status_bar(counts: StatusCounts, scale: int | None = None, height: int = 14) -> dict[str, Any]:
    return {"segments": stacked_segments(counts, scale), "height": height, "counts": counts}


@register.simple_tag
def tasks_url(plan_id: int, **filters: Any) -> str:
    return task_list_url(plan_id, **filters)


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
