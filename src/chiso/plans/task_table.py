"""The task list's cache keys and its rows, each cached under its own task's changes.

A report on task 12 changes task 12's row of the task list (its counts) and nothing else, unless
the page is filtered on what the work changes (a status, "overdue", an agency: which tasks match).
So the page has three layers (chiso.web.fragments, chiso.web.rows):

- the whole body, under the province's data revision: served as is until anything changes;
- its frame (head, filters, pager and the page's task ids), under the province's `shared` counter
  (changes outside any one task's work: tasks added, edited or removed, agencies renamed) — or,
  filtered on the work, under the data revision like the body;
- each row, under the `shared` counter and its task's own counter (`ScopeRevision` "task:12"):
  after a report only the reported task's row is rendered again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from chiso.audit.services import scope_revisions
from chiso.plans.models import Task, task_scope
from chiso.plans.queries import TaskFilter, task_rows, with_task_details
from chiso.web.fragments import Fragment, fragment, kept
from chiso.web.rows import cached_rows


def work_dependent(f: TaskFilter) -> bool:
    """Whether which tasks match depends on their work (assignments and their statuses), which
    changes without the `shared` counter."""
    return bool(f.status or f.overdue or f.agency)


def frame_fragment(
    province_id: int, f: TaskFilter, revision: int, shared: int, *parts: object
) -> Fragment:
    """The key of the page's frame: the data revision under a work-dependent filter, else the
    `shared` counter."""
    if work_dependent(f):
        return fragment(province_id, "task-list-frame", *parts, revision=revision)
    return fragment(province_id, "task-list-frame", "shared", *parts, revision=shared)


def page_ids(frame: Fragment, compute: Callable[[], list[int]]) -> list[int]:
    """The page's task ids, in order, kept with the frame (the same key: the same tasks)."""
    return kept("task-ids:" + frame.key, frame.ttl, compute)


def row_html(province_id: int, ids: list[int], shared: int, today: dt.date) -> list[SafeString]:
    """The rows of tasks `ids` (one query for their counters; the missed rows rendered)."""
    revisions = scope_revisions(task_scope(i) for i in ids)
    keys = [
        (i, fragment(province_id, "task-row", i, revisions.get(task_scope(i), 0), revision=shared))
        for i in ids
    ]

    def render(missing: list[int]) -> dict[int, str]:
        template = get_template("plans/_task_row.html")
        labels = {
            "leads_label": _("Chủ trì"),
            "deadline_label": _("Thời hạn"),
            "done_label": _("Hoàn thành"),
            "overdue_label": _("Quá hạn"),
        }
        tasks = with_task_details(Task.objects.filter(pk__in=missing))
        return {
            row.task.pk: template.render({"row": row, **labels})
            for row in task_rows(list(tasks), today)
        }

    return cached_rows([(i, key.key) for i, key in keys], render)
