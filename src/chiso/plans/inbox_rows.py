"""The review inbox's rows, each cached under its own report's changes (chiso.web.rows).

The inbox's body is cached per viewer under the province's data revision (plans.views_inbox),
so every report sent, decided or revised retires it. Then the page asks again only which reports
wait, in order (one id query per list, with each report's version, state and task), and renders
only the rows whose key changed. A row's key holds everything it prints:

- the report's id, version and state (its text, progress, dates, comments, evidence: every
  change of a report raises its version or its state, and its task's counter);
- its task's `ScopeRevision` ("task:12": reports, evidence and assignments of the task, such as
  the assignment's agency, are audited under it);
- the province's `shared` counter (tasks edited, sections, units, agencies renamed);
- today (the days waiting) and the language (chiso.web.fragments.fragment).

So accepting one report renders no row again except those of its task.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.safestring import SafeString

from chiso.audit.services import scope_revisions
from chiso.plans import inbox
from chiso.plans.models import ProgressReport, ReportState, task_scope
from chiso.web.fragments import fragment
from chiso.web.rows import cached_rows


class RowRef(NamedTuple):
    """What a row's key needs of its report, read by the list's id query."""

    id: int
    version: int
    state: str
    task_id: int


def frame(qs: QuerySet[ProgressReport]) -> QuerySet[Any]:
    """A list's reports as `RowRef`s, in the list's order (no model instances, no details)."""
    return qs.values_list("id", "version", "state", "assignment__task_id")


def refs(rows: object) -> list[RowRef]:
    return [RowRef(*row) for row in rows]  # type: ignore[attr-defined]


def row_html(
    province_id: int, lists: list[list[RowRef]], shared: int, today: dt.date, ttl: int
) -> list[list[SafeString]]:
    """The HTML rows of each list of `lists` (one query for the tasks' counters of them all; a
    list's rows missed in the cache rendered together: three queries)."""
    every = [ref for refs_ in lists for ref in refs_]
    revisions = scope_revisions({task_scope(ref.task_id) for ref in every}) if every else {}

    def key(ref: RowRef) -> str:
        task = revisions.get(task_scope(ref.task_id), 0)
        parts = (ref.id, ref.version, ref.state, ref.task_id, task)
        return fragment(province_id, "inbox-row", *parts, revision=shared).key

    def render(missing: list[int]) -> dict[int, str]:
        template = get_template("plans/_inbox_row.html")
        reports = inbox.detailed(ProgressReport.objects.filter(pk__in=missing))
        return {
            r.pk: template.render({"r": r, "returned": r.state == ReportState.RETURNED})
            for r in inbox.rows(reports, today)
        }

    # One call per non-empty list (a report is in one list at most; most viewers have one).
    return [
        cached_rows([(ref.id, key(ref)) for ref in refs_], render, ttl=ttl) if refs_ else []
        for refs_ in lists
    ]
