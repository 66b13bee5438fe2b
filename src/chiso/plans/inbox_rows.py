"""The review inbox's rows, each cached under its own report's changes (chiso.web.rows).

The inbox's body is cached per viewer under the province's data revision (plans.views_inbox),
so every report sent, decided or revised retires it. Then the page asks again only which reports
wait, in order (one id query per list, with each report's version, state, task and the task's
counter), and renders
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

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL
from django.template.loader import get_template
from django.utils.safestring import SafeString

from chiso.audit.models import DataRevision, ScopeRevision
from chiso.plans import inbox
from chiso.plans.models import TASK_SCOPE, Assignment, ProgressReport, ReportState
from chiso.web.fragments import fragment
from chiso.web.rows import cached_rows


class RowRef(NamedTuple):
    """What a row's key needs of its report, read by the list's id query."""

    id: int
    version: int
    state: str
    task_id: int
    task_revision: int  # the task's ScopeRevision (0: never changed)


def frame(qs: QuerySet[ProgressReport]) -> QuerySet[Any]:
    """A list's reports as `RowRef`s, in the list's order (no model instances, no details),
    with their task's counter read in the same query (as SQL, like
    `audit.services.with_scope_revision`: the ORM's subquery costs more to compile than the
    query it saves; the lists always join the reports' assignments under the table's name)."""
    quote = connection.ops.quote_name
    task = f"{quote(Assignment._meta.db_table)}.{quote('task_id')}"
    counter = (
        f"SELECT s.{quote('number')} FROM {quote(ScopeRevision._meta.db_table)} s "
        f"WHERE s.{quote('scope')} = %s || CAST({task} AS TEXT)"
    )
    return qs.annotate(
        task_revision=RawSQL(f"COALESCE(({counter}), 0)", (TASK_SCOPE,))
    ).values_list("id", "version", "state", "assignment__task_id", "task_revision")


def counters(province_id: int) -> tuple[int, int]:
    """The province's data revision (the body's key) and its `shared` counter (the rows' and the
    filters' keys), in one query (0 before the first change)."""
    found = (
        DataRevision.objects.filter(province_id=province_id).values_list("number", "shared").first()
    )
    return found or (0, 0)


def page_of(
    qs: QuerySet[ProgressReport], number: str | None, per_page: int, count: int | None
) -> Page[Any]:
    """`qs`'s page `number` (as `Paginator.get_page` reads it) of `frame`s; `count`: the list's
    length when the caller has counted it already (no count query)."""
    paginator = Paginator(frame(qs), per_page)
    if count is not None:
        paginator.__dict__["count"] = count  # Paginator.count is a cached_property
    return paginator.get_page(number)


def refs(rows: object) -> list[RowRef]:
    return [RowRef(*row) for row in rows]  # type: ignore[attr-defined]


def row_html(
    province_id: int, lists: list[list[RowRef]], shared: int, today: dt.date, ttl: int
) -> list[list[SafeString]]:
    """The HTML rows of each list of `lists` (a list's rows missed in the cache rendered
    together: three queries)."""

    def key(ref: RowRef) -> str:
        parts = (ref.id, ref.version, ref.state, ref.task_id, ref.task_revision)
        return fragment(province_id, "inbox-row", *parts, revision=shared).key

    def render(missing: list[int]) -> dict[int, str]:
        template = get_template("plans/_inbox_row.html")
        reports = inbox.detailed(ProgressReport.objects.filter(pk__in=missing))
        # The province's units map is kept only where the rows are (not for a national viewer).
        units = inbox.province_task_units(province_id, shared, ttl) if ttl else None
        return {
            r.pk: template.render({"r": r, "returned": r.state == ReportState.RETURNED})
            for r in inbox.rows(reports, today, units)
        }

    # One call per non-empty list (a report is in one list at most; most viewers have one).
    return [
        cached_rows([(ref.id, key(ref)) for ref in refs_], render, ttl=ttl) if refs_ else []
        for refs_ in lists
    ]
