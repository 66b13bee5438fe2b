"""The plan dashboard's counts, kept task by task so that a report costs one task's recount.

Every report, review or edit of an assignment raises its task's own counter (`ScopeRevision`
"task:12", chiso.audit.services) beside the province's data revision. The dashboard's figures —
the plan's, each section's, unit's and agency's status counts, each agency's latest report and
its current-period compliance — are all sums over tasks. So each process keeps, per plan, every
task's tally (its assignments counted per agency) with the counter it was counted at, and the
sums: a request reads the plan's task counters (one query), counts again only the tasks whose
counter moved (two queries on those tasks) and moves the sums by the difference. On a deadline
day that is one task per report instead of the whole plan (~600 tasks, ~4,000 assignments).

A kept state is dropped, and the plan counted whole, when the province's `shared` counter (tasks
added or moved, agencies merged), today (statuses are derived from it) or the cache's epoch
(emptied: tests, a deploy) changes, and after FRAGMENT_TTL seconds, the backstop of every cached
fragment for changes made outside the audited services. Counting is done after the counters are
read, so a kept tally is never older than its counter says.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import connection

from chiso.accounts.models import Agency
from chiso.audit.models import ScopeRevision
from chiso.dashboards.metrics import (
    FIELDS,
    AgencyRow,
    StatusCounts,
    TaskCounts,
    agency_order,
    plan_assignments,
)
from chiso.plans.compliance import AgencyCompliance, sorted_compliance
from chiso.plans.models import TASK_SCOPE, Plan, ReportPeriod, Task
from chiso.plans.status import Status, assignment_status
from chiso.web.fragments import FRAGMENT_TTL

# One agency's share of a task: agency, its five status counts (metrics.FIELDS order), latest
# report.
StatusEntry = tuple[int, int, int, int, int, int, "dt.datetime | None"]
# One agency's current-period compliance within a task: agency, on time, late, missing.
ComplianceEntry = tuple[int, int, int, int]
Tally = tuple[tuple[StatusEntry, ...], tuple[ComplianceEntry, ...]]
EMPTY: Tally = ((), ())

# A status's place in a tally row (metrics.FIELDS order).
_FIELD = {Status(name): i for i, name in enumerate(FIELDS)}

# Plans whose state a process keeps (the least recently used is dropped).
KEPT_PLANS = 32


@dataclass(frozen=True)
class PlanTallies:
    """The plan's figures summed from its tasks' tallies."""

    tasks: TaskCounts
    agencies: list[AgencyRow]  # most overdue first (metrics.agency_order)
    compliance: list[AgencyCompliance]  # missing reports first (plans.compliance's order)


def plan_tallies(plan: Plan, today: dt.date, shared: int | None = None) -> PlanTallies:
    """The plan's counts; with `shared` (the province's counter) from this process's kept
    state, with only the tasks changed since counted again."""
    if shared is None:
        fresh = _State(_task_counters(plan), today)
        fresh.recount(plan, list(fresh.counters))
        return fresh.figures()
    key = (plan.pk, shared, today, _epoch(plan.province_id))
    with _lock:
        kept = _states.pop(plan.pk, None)
        if kept is None or kept.key != key or kept.expired():
            state = _State(_task_counters(plan), today, key)
            state.recount(plan, list(state.counters))
        else:
            state = kept
            state.catch_up(plan, _task_counters(plan))
        _states[plan.pk] = state
        while len(_states) > KEPT_PLANS:
            _states.popitem(last=False)
        return state.figures()


_lock = threading.Lock()
_states: OrderedDict[int, _State | None] = OrderedDict()


def _epoch(province_id: int) -> str:
    """A token kept in the shared cache: emptying the cache drops every process's states."""
    key = f"dashboard-tally-epoch:{province_id}"
    cache.add(key, secrets.token_hex(8), None)
    return str(cache.get(key))


def _task_counters(plan: Plan) -> dict[int, tuple[int | None, int]]:
    """Each task of the plan: (its section, its counter), in one query. Each counter is looked
    up by the scope's primary key: with a counter for each of the deployment's 20,000 tasks,
    0.8 ms in PostgreSQL, where a join hashed them all (3.9 ms)."""
    quote = connection.ops.quote_name
    counter = (
        f"SELECT s.{quote('number')} FROM {quote(ScopeRevision._meta.db_table)} s "
        f"WHERE s.{quote('scope')} = %s || CAST(t.{quote('id')} AS TEXT)"
    )
    sql = (
        f"SELECT t.{quote('id')}, t.{quote('section_id')}, COALESCE(({counter}), 0) "
        f"FROM {quote(Task._meta.db_table)} t WHERE t.{quote('plan_id')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [TASK_SCOPE, plan.pk])
        return {task: (section, number) for task, section, number in cursor.fetchall()}


class _State:
    """One plan's tallies per task, the counters they were counted at, and their sums."""

    def __init__(
        self,
        tasks: dict[int, tuple[int | None, int]],
        today: dt.date,
        key: tuple[object, ...] = (),
    ) -> None:
        self.key = key
        self.today = today
        self.made = time.monotonic()
        self.sections = {t: section for t, (section, _n) in tasks.items()}
        self.counters = {t: number for t, (_section, number) in tasks.items()}
        self.tallies: dict[int, Tally] = {}
        self.per_task: dict[int, list[int]] = {}
        self.task_counts: dict[int, StatusCounts] = {}  # per_task's, made once per change
        self.agencies: dict[int, list[int]] = {}
        self.last: dict[int, dt.datetime] = {}
        self.kept: dict[int, list[int]] = {}
        self.names: dict[int, str] = {}

    def expired(self) -> bool:
        return time.monotonic() - self.made > FRAGMENT_TTL

    def catch_up(self, plan: Plan, tasks: dict[int, tuple[int | None, int]]) -> None:
        """Count again the tasks whose counter moved (or that came or went)."""
        changed = [t for t, (_s, n) in tasks.items() if self.counters.get(t) != n]
        changed += [t for t in self.counters if t not in tasks]
        self.sections = {t: section for t, (section, _n) in tasks.items()}
        self.counters = {t: number for t, (_section, number) in tasks.items()}
        if changed:
            self.recount(plan, changed)

    def recount(self, plan: Plan, task_ids: list[int]) -> None:
        """Count `task_ids` again and move the sums by the difference."""
        whole = len(task_ids) * 4 >= max(len(self.counters), 1)
        fresh = _count(plan, self.today, None if whole else task_ids)
        for task in task_ids:
            old = self.tallies.pop(task, EMPTY)
            new = fresh.get(task, EMPTY) if task in self.counters else EMPTY
            self._add(task, old, -1)
            self._add(task, new, +1)
            if new != EMPTY:
                self.tallies[task] = new
            counts = self.per_task.get(task)
            if counts is None:
                self.task_counts.pop(task, None)
            else:
                self.task_counts[task] = StatusCounts(*counts)
            self._mend_last(old, new)

    def _add(self, task: int, tally: Tally, sign: int) -> None:
        """Add (or take away) one task's tally."""
        statuses, compliance = tally
        for agency, *counts, at in statuses:
            _move(self.per_task, task, counts, sign)
            _move(self.agencies, agency, counts, sign)
            if sign > 0 and at is not None and (agency not in self.last or at > self.last[agency]):
                self.last[agency] = at
        for agency, *kept in compliance:
            _move(self.kept, agency, kept, sign)

    def _mend_last(self, old: Tally, new: Tally) -> None:
        """An agency whose latest report was in the task's old tally and is not in its new one
        (taken back, rejected, the assignment removed): its latest is looked for again."""
        now = {agency: at for agency, *_counts, at in new[0]}
        for agency, *_counts, at in old[0]:
            if at is None or self.last.get(agency) != at:
                continue
            later = now.get(agency)
            if later is None or later < at:
                self._rescan_last(agency)

    def _rescan_last(self, agency: int) -> None:
        found = [
            at
            for statuses, _c in self.tallies.values()
            for a, *_counts, at in statuses
            if a == agency and at is not None
        ]
        if found:
            self.last[agency] = max(found)
        else:
            self.last.pop(agency, None)

    def figures(self) -> PlanTallies:
        missing = [a for a in (*self.agencies, *self.kept) if a not in self.names]
        if missing:
            self.names.update(_names(missing))
        names = self.names
        agencies = [
            AgencyRow(a, names[a], StatusCounts(*counts), self.last.get(a))
            for a, counts in self.agencies.items()
        ]
        compliance = [AgencyCompliance(a, names[a], *kept) for a, kept in self.kept.items()]
        return PlanTallies(
            TaskCounts(dict(self.task_counts), {t: self.sections.get(t) for t in self.task_counts}),
            sorted(agencies, key=agency_order),
            sorted_compliance(compliance),
        )


def _move(sums: dict[int, list[int]], key: int, counts: list[int], sign: int) -> None:
    """Add `counts` (sign 1) to, or take them from (sign -1), `sums[key]`; a row that falls to
    zero is removed (no assignment, or no period due, is left of it)."""
    row = sums.get(key)
    if row is None:
        row = sums[key] = [0] * len(counts)
    for i, n in enumerate(counts):
        row[i] += sign * n
    if not any(row):
        del sums[key]


def _count(plan: Plan, today: dt.date, task_ids: list[int] | None) -> dict[int, Tally]:
    """The tallies of `task_ids` (None: every task of the plan), from the rows' columns by the
    rules' Python forms (`assignment_status`, `period_compliance`): two plain queries, cheaper
    to make than grouped ones for the one task a report changes."""
    assignments = plan_assignments(plan)
    periods = ReportPeriod.objects.filter(
        province_id=plan.province_id, assignment__task__plan_id=plan.pk, due_on__lte=today
    )
    if task_ids is not None:
        assignments = assignments.filter(task_id__in=task_ids)
        periods = periods.filter(assignment__task_id__in=task_ids)
    statuses: dict[int, dict[int, list[Any]]] = {}
    for task, agency, deadline, due, completed, last, progress in assignments.values_list(
        "task_id",
        "agency_id",
        "deadline",
        "period_due",
        "completed_on",
        "last_report_at",
        "progress",
    ):
        row = statuses.setdefault(task, {}).get(agency)
        if row is None:
            row = statuses[task][agency] = [0, 0, 0, 0, 0, None]
        row[_FIELD[assignment_status(deadline, due, completed, last, progress, today)]] += 1
        if last is not None and (row[5] is None or last > row[5]):
            row[5] = last
    compliance = _compliance(
        periods.values_list(
            "assignment_id",
            "assignment__task_id",
            "assignment__agency_id",
            "due_on",
            "submitted_on",
        )
    )
    return {
        t: (
            tuple((a, *row) for a, row in statuses.get(t, {}).items()),
            tuple((a, r[0], r[1], r[2]) for a, r in compliance.get(t, {}).items()),
        )
        for t in {*statuses, *compliance}
    }


def _compliance(
    periods: Iterable[tuple[int, int, int, dt.date, dt.date | None]],
) -> dict[int, dict[int, list[int]]]:
    """Per task and agency: of each assignment's latest period due by today, how many were
    sent on time, late, or not at all (plans.compliance.current_compliance's rule)."""
    latest: dict[int, tuple[int, int, dt.date, dt.date | None]] = {}
    for assignment, task, agency, due, sent in periods:
        kept = latest.get(assignment)
        if kept is None or due > kept[2]:
            latest[assignment] = (task, agency, due, sent)
    counts: dict[int, dict[int, list[int]]] = {}
    for task, agency, due, sent in latest.values():
        row = counts.setdefault(task, {}).setdefault(agency, [0, 0, 0])
        row[2 if sent is None else 0 if sent <= due else 1] += 1
    return counts


def _names(agency_ids: Iterable[int]) -> dict[int, str]:
    return dict(Agency.objects.filter(pk__in=list(agency_ids)).order_by().values_list("id", "name"))
