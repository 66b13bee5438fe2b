"""Where each dashboard number leads: the workspace's task list of the plan, filtered with the
same query parameters as the workspace page (chiso.plans.queries.TaskFilter: status, agency,
section, unit)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import NoReverseMatch, reverse

# The workspace's task list; its URL pattern takes the plan's id.
TASK_LIST_URL_NAME = "plans:task-list"


def task_list_url(plan_id: int, **filters: object) -> str:
    """e.g. task_list_url(3, status="overdue", agency=12) →
    /ke-hoach/3/nhiem-vu/?status=overdue&agency=12 (empty filters left out)."""
    try:
        base = reverse(TASK_LIST_URL_NAME, args=[plan_id])
    except NoReverseMatch:
        base = f"/ke-hoach/{plan_id}/nhiem-vu/"
    return with_filters(base, **filters)


def with_filters(base: str, **filters: object) -> str:
    """`base` (a task list URL) with the non-empty filters as its query string."""
    query = {k: str(v) for k, v in filters.items() if v not in (None, "")}
    return f"{base}?{urlencode(query)}" if query else base


@dataclass(frozen=True)
class CountLinks:
    """A table row's numbers' links: the row's tasks, and those of each status."""

    all: str
    done: str
    done_late: str
    overdue: str


class TaskLinks:
    """Builds rows' links from the task list's URL resolved once: a dashboard draws hundreds of
    links, and a template tag per link (resolve, encode, render) was a good part of its time.
    The query strings are those of `with_filters` (the row's filter, then the status)."""

    def __init__(self, plan_id: int) -> None:
        self.base = task_list_url(plan_id)

    def row(self, **filters: object) -> CountLinks:
        url = with_filters(self.base, **filters)
        joined = f"{url}&status=" if "?" in url else f"{url}?status="
        return CountLinks(url, f"{joined}done", f"{joined}done_late", f"{joined}overdue")
