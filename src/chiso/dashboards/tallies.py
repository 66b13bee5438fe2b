"""The plan dashboard's counts, kept task by task so that a report costs one task's recount.

Every report, review or edit of an assignment raises its task's own counter (`ScopeRevision`
"task:12", chiso.audit.services) beside the province's data revision, and records the revision
it was raised at. The dashboard's figures — the plan's, each section's, unit's and agency's
status counts, each agency's latest report and its current-period compliance — are all sums over
tasks. So each process keeps, per plan, every task's tally (its assignments counted per agency),
their sums and the data revision they hold every change of: a request asks which tasks changed
since (one indexed query, usually one row), counts those again (one query on their rows, by the
rules' Python forms) and moves the sums by the difference. On a deadline day that is one task
per report instead of the whole plan (~600 tasks, ~4,000 assignments). The whole plan is counted
in the database (the rules' SQL forms, grouped by task and agency); both forms are held to the
same answers by tests.

A kept state is dropped, and the plan counted whole, when the province's `shared` counter (tasks
added or moved, agencies merged), today (statuses are derived from it) or the cache's epoch
(emptied: tests, a deploy) changes, and after FRAGMENT_TTL seconds, the backstop of every cached
fragment for changes made outside the audited services. The data revision is read before
anything is counted, so a state never claims a change it has not counted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import connection
from django.db.models import Max, QuerySet
from django.utils import timezone

from chiso.accounts.models import Agency
from chiso.audit.services import scopes_changed_since
from chiso.dashboards.metrics import (
    FIELDS,
    STATUS_COLUMNS,
    AgencyRow,
    StatusCounts,
    TaskCounts,
    agency_order,
    grouped,
    plan_assignments,
    status_row,
)
from chiso.plans.compliance import (
    AgencyCompliance,
    plan_compliance_by_task,
    sorted_compliance,
)
from chiso.plans.models import TASK_SCOPE, Assignment, Plan, ReportPeriod, Task
from chiso.plans.status import Status, assignment_status
from chiso.web.fragments import FRAGMENT_TTL

# One agency's share of a task: agency, its five status counts (metrics.FIELDS order).
StatusEntry = tuple[int, int, int, int, int, int]
# One agency's current-period compliance within a task: agency, on time, late, missing.
ComplianceEntry = tuple[int, int, int, int]
Tally = tuple[tuple[StatusEntry, ...], tuple[ComplianceEntry, ...]]
EMPTY: Tally = ((), ())

# A status's place in a tally row (metrics.FIELDS order).
_FIELD = {Status(name): i for i, name in enumerate(FIELDS)}

K = TypeVar("K")

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
MICROSECOND = dt.timedelta(microseconds=1)

# Plans whose state a process keeps (the least recently used is dropped).
KEPT_PLANS = 32


@dataclass(frozen=True)
class PlanTallies:
    """The plan's figures summed from its tasks' tallies."""

    tasks: TaskCounts
    agencies: list[AgencyRow]  # most overdue first (metrics.agency_order)
    compliance: list[AgencyCompliance]  # missing reports first (plans.compliance's order)
    # Everything above, hashed: the same in every process for the same data (the dashboard's
    # counts and tables are cached under it, so a report that moves no figure renders none).
    digest: str


def plan_tallies(
    plan: Plan, today: dt.date, shared: int | None = None, number: int | None = None
) -> PlanTallies:
    """The plan's counts. With `shared` and `number` (the province's counters, read before this
    call) from this process's kept state, with only the tasks changed since counted again."""
    if shared is None or number is None:
        fresh = _State(_plan_tasks(plan), today, number=0)
        fresh.count_whole(plan)
        return fresh.figures()
    key = (plan.pk, shared, today, _epoch(plan.province_id))
    with _lock:
        kept = _states.pop(plan.pk, None)
        if kept is None or kept.key != key or kept.expired():
            state = _State(_plan_tasks(plan), today, number, key)
            state.count_whole(plan)
        else:
            state = kept
            state.catch_up(plan, number)
        _states[plan.pk] = state
        while len(_states) > KEPT_PLANS:
            _states.popitem(last=False)
        return state.figures()


_lock = threading.Lock()
_states: OrderedDict[int, _State | None] = OrderedDict()


def _epoch(province_id: int) -> str:
    """A token kept in the shared cache: emptying the cache drops every process's states."""
    key = f"dashboard-tally-epoch:{province_id}"
    found = cache.get(key)  # one round trip on every request after the first
    if found is None:
        cache.add(key, secrets.token_hex(8), None)  # another process may have added one first
        found = cache.get(key)
    return str(found)


def _plan_tasks(plan: Plan) -> dict[int, int | None]:
    """Each task of the plan and its section (tasks are added, moved and removed only by
    changes that raise the `shared` counter, which drops the state)."""
    return dict(Task.objects.filter(plan=plan).order_by().values_list("id", "section_id"))


class _State:
    """One plan's tallies per task, their sums, and the data revision they are up to."""

    def __init__(
        self,
        sections: dict[int, int | None],
        today: dt.date,
        number: int,
        key: tuple[object, ...] = (),
    ) -> None:
        self.key = key
        self.today = today
        self.made = time.monotonic()
        self.sections = sections
        self.number = number  # the province's data revision the tallies hold every change of
        self.tallies: dict[int, Tally] = {}
        self.per_task: dict[int, list[int]] = {}
        self.task_counts: dict[int, StatusCounts] = {}  # per_task's, made once per change
        self.agencies: dict[int, list[int]] = {}
        self.total = [0, 0, 0, 0, 0]  # the whole plan's, moved like the rest
        self.per_section: dict[int | None, list[int]] = {}
        self.last: dict[int, dt.datetime] = {}
        self.kept: dict[int, list[int]] = {}
        self.names: dict[int, str] = {}
        self.name_marks: dict[int, int] = {}  # each name hashed (a string's `hash` is salted)
        self.rows: dict[int, tuple[tuple[object, ...], AgencyRow]] = {}  # by `_agency_row`
        # Each task's tally hashed, and those hashes XORed: moved by a recount like the sums.
        # `hash` of a tuple of ints is not salted per process (strings' and dates' are).
        self.marks: dict[int, int] = {}
        self.marks_xor = 0
        # The figures last made, made again only after one moved (most reviews move none).
        self._figures: PlanTallies | None = None

    def expired(self) -> bool:
        return time.monotonic() - self.made > FRAGMENT_TTL

    def catch_up(self, plan: Plan, number: int) -> None:
        """Count again the plan's tasks changed since the state's number; `number` was read
        before the changes are looked up, so the state then holds every change up to it."""
        changed = scopes_changed_since(plan.province_id, self.number, TASK_SCOPE)
        tasks = [int(scope[len(TASK_SCOPE) :]) for scope in changed]
        self.number = max(self.number, number)
        mine = [t for t in tasks if t in self.sections]
        if mine:
            self.recount(plan, mine)

    def recount(self, plan: Plan, task_ids: list[int]) -> None:
        """Count `task_ids` again and move the sums by the difference."""
        if not self.tallies or len(task_ids) > len(self.sections) // 4:  # cheaper whole
            self.count_whole(plan)
            return
        fresh, reported = _count(plan, self.today, task_ids)
        shrunk: set[int] = set()
        for task in task_ids:
            old = self.tallies.pop(task, EMPTY)
            new = fresh.get(task, EMPTY)
            shrunk |= _fewer(old, new)
            for tally, sign in ((old, -1), (new, 1)):
                statuses, compliance = tally
                for agency, *counts in statuses:
                    _move(self.per_task, task, counts, sign)
                    _move(self.agencies, agency, counts, sign)
                    _move(self.per_section, self.sections.get(task), counts, sign)
                    for i, n in enumerate(counts):
                        self.total[i] += sign * n
                for agency, *kept in compliance:
                    _move(self.kept, agency, kept, sign)
            if new != old:
                self._figures = None
            self.marks_xor ^= self.marks.pop(task, 0)
            if new != EMPTY:
                self.tallies[task] = new
                self.marks[task] = hash((task, new))
                self.marks_xor ^= self.marks[task]
            counts_now = self.per_task.get(task)
            if counts_now is None:
                self.task_counts.pop(task, None)
            else:
                self.task_counts[task] = StatusCounts(*counts_now)
        # An assignment's latest report only moves forward (plans.services.reports), so an
        # agency's latest is the later of the kept one and the recounted tasks' — unless one of
        # its assignments left the task: then it is looked up.
        for agency, at in reported.items():
            if agency not in self.last or at > self.last[agency]:
                self.last[agency] = at
                self._figures = None
        if shrunk:
            self._figures = None
            latest = _latest_reports(plan, shrunk)
            for agency in shrunk:
                if agency in latest:
                    self.last[agency] = latest[agency]
                else:
                    self.last.pop(agency, None)

    def count_whole(self, plan: Plan) -> None:
        self.tallies = _count_grouped(plan, self.today)
        self.per_task, self.agencies, self.kept = {}, {}, {}
        for task, (statuses, compliance) in self.tallies.items():
            if statuses:
                row = self.per_task[task] = [0, 0, 0, 0, 0]
                for agency, a, b, c, d, e in statuses:
                    sums = self.agencies.get(agency)
                    if sums is None:
                        sums = self.agencies[agency] = [0, 0, 0, 0, 0]
                    sums[0] += a
                    sums[1] += b
                    sums[2] += c
                    sums[3] += d
                    sums[4] += e
                    row[0] += a
                    row[1] += b
                    row[2] += c
                    row[3] += d
                    row[4] += e
            for agency, on_time, late, missing in compliance:
                sums = self.kept.setdefault(agency, [0, 0, 0])
                sums[0] += on_time
                sums[1] += late
                sums[2] += missing
        self.task_counts = {t: StatusCounts(*row) for t, row in self.per_task.items()}
        self.total = [sum(row[i] for row in self.per_task.values()) for i in range(5)]
        self.per_section = {}
        for task, row in self.per_task.items():
            _move(self.per_section, self.sections.get(task), row, 1)
        self.last = _latest_reports(plan, None)
        self.marks = {t: hash((t, tally)) for t, tally in self.tallies.items()}
        self.marks_xor = 0
        for mark in self.marks.values():
            self.marks_xor ^= mark
        self._figures = None

    def _agency_row(self, agency: int, counts: list[int]) -> AgencyRow:
        """The agency's row, made again only when its figures changed (a report changes a
        few agencies' of a hundred)."""
        figures = (*counts, self.last.get(agency), self.names[agency])
        kept = self.rows.get(agency)
        if kept is None or kept[0] != figures:
            row = AgencyRow(
                agency, self.names[agency], StatusCounts(*counts), self.last.get(agency)
            )
            kept = self.rows[agency] = (figures, row)
        return kept[1]

    def figures(self) -> PlanTallies:
        missing = [a for a in (*self.agencies, *self.kept) if a not in self.names]
        if missing:
            self.names.update(_names(missing))
            self._figures = None
        if self._figures is None:
            self._figures = self._made_figures()
        return self._figures

    def _made_figures(self) -> PlanTallies:
        agencies = [self._agency_row(a, counts) for a, counts in self.agencies.items()]
        names = self.names
        compliance = [AgencyCompliance(a, names[a], *kept) for a, kept in self.kept.items()]
        return PlanTallies(
            TaskCounts(
                dict(self.task_counts),
                {t: self.sections.get(t) for t in self.task_counts},
                StatusCounts(*self.total),
                {section: StatusCounts(*row) for section, row in self.per_section.items()},
            ),
            sorted(agencies, key=agency_order),
            sorted_compliance(compliance),
            self._digest_now(),
        )

    def _digest_now(self) -> str:
        """The tallies' XOR, with each present agency's name and each agency's latest report
        XORed in: all the figures (the sums are made of the tallies), hashed without sorting
        or printing them (a report moves one agency's latest)."""
        names = 0
        for agency in {*self.agencies, *self.kept}:
            names ^= self._name_mark(agency)
        last = 0
        for agency, at in self.last.items():
            last ^= hash((agency, (at - EPOCH) // MICROSECOND))
        raw = f"{self.marks_xor}:{len(self.tallies)}:{last}:{names}"
        return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()

    def _name_mark(self, agency: int) -> int:
        mark = self.name_marks.get(agency)
        if mark is None:
            named = f"{agency}:{self.names[agency]}".encode()
            mark = int.from_bytes(hashlib.blake2b(named, digest_size=8).digest(), "big")
            self.name_marks[agency] = mark
        return mark


def _move(sums: dict[K, list[int]], key: K, counts: list[int], sign: int) -> None:
    """Add `counts` (sign 1) to, or take them from (sign -1), `sums[key]`; a row that falls to
    zero is removed (no assignment, or no period due, is left of it)."""
    row = sums.get(key)
    if row is None:
        row = sums[key] = [0] * len(counts)
    for i, n in enumerate(counts):
        row[i] += sign * n
    if not any(row):
        del sums[key]


def _count_grouped(plan: Plan, today: dt.date) -> dict[int, Tally]:
    """Every task's tally, counted in the database: the rules' SQL forms, grouped by task and
    agency (the whole plan's ~4,000 rows read as ~4,000 small groups of integers, where reading
    the rows themselves cost twice as much)."""
    # In task and agency order (sorted by the database): tallies are compared and hashed.
    statuses: dict[int, list[StatusEntry]] = {}
    groups = grouped(plan_assignments(plan), today, "task_id", "agency_id")
    groups = groups.order_by("task_id", "agency_id")
    for task, agency, *columns in _integer_rows(groups, ("task_id", "agency_id", *STATUS_COLUMNS)):
        statuses.setdefault(task, []).append((agency, *status_row(*columns)))
    compliance: dict[int, list[ComplianceEntry]] = {}
    for task, agency, on_time, late, missing in plan_compliance_by_task(
        plan.pk, plan.province_id, today
    ):
        compliance.setdefault(task, []).append((agency, on_time, late, missing))
    return {
        t: (tuple(statuses.get(t, ())), tuple(compliance.get(t, ())))
        for t in {*statuses, *compliance}
    }


def _integer_rows(qs: QuerySet[Any, Any], names: tuple[str, ...]) -> list[tuple[int, ...]]:
    """The `names` columns of a values() query of integers, read from the cursor: Django's
    iteration of the whole plan's ~4,000 groups cost more than the query (nothing to convert).
    The query's columns are its values, then its annotations."""
    query = qs.query
    columns = [*query.values_select, *query.annotation_select]
    order = [columns.index(name) for name in names]
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if order == list(range(len(columns))):
        return rows
    return [tuple(row[i] for i in order) for row in rows]


def _fewer(old: Tally, new: Tally) -> set[int]:
    """The agencies with fewer assignments in a task's new tally than in its old one."""
    before = {agency: sum(counts) for agency, *counts in old[0]}
    after = {agency: sum(counts) for agency, *counts in new[0]}
    return {agency for agency, n in before.items() if after.get(agency, 0) < n}


def _count(
    plan: Plan, today: dt.date, task_ids: list[int]
) -> tuple[dict[int, Tally], dict[int, dt.datetime]]:
    """The tallies of `task_ids` from one query: each assignment's columns with its periods due
    by today, counted by the rules' Python forms (`assignment_status`, `_compliance`) — cheaper
    to make than grouped queries for the one task a report changes — and each agency's latest
    report among them."""
    rows = _task_rows(task_ids, today)
    statuses: dict[int, dict[int, list[int]]] = {}
    latest_period: dict[int, tuple[int, int, dt.date, dt.date | None]] = {}
    reported: dict[int, dt.datetime] = {}
    seen: set[int] = set()
    for pk, task, agency, parent, deadline, next_period, completed, at, progress, due, sent in rows:
        if due is not None:
            kept = latest_period.get(pk)
            if kept is None or due > kept[2]:
                latest_period[pk] = (task, agency, due, sent)
        if pk in seen or parent is not None:  # sub-assignments: in the compliance only
            continue
        seen.add(pk)
        row = statuses.setdefault(task, {}).get(agency)
        if row is None:
            row = statuses[task][agency] = [0, 0, 0, 0, 0]
        row[_FIELD[assignment_status(deadline, next_period, completed, at, progress, today)]] += 1
        if at is not None:
            at = _aware(at)
            if agency not in reported or at > reported[agency]:
                reported[agency] = at
    compliance = _compliance(latest_period.values())
    # Agencies in order: a tally is compared with the one it replaces, and hashed.
    tallies = {
        t: (
            tuple(
                sorted((a, r[0], r[1], r[2], r[3], r[4]) for a, r in statuses.get(t, {}).items())
            ),
            tuple(sorted((a, r[0], r[1], r[2]) for a, r in compliance.get(t, {}).items())),
        )
        for t in {*statuses, *compliance}
    }
    return tallies, reported


def _task_rows(task_ids: list[int], today: dt.date) -> list[tuple[Any, ...]]:
    """Each assignment of `task_ids` with each of its periods due by today (or once, without
    one): (id, task, agency, parent, deadline, period due, completed on, latest report,
    progress, due on, sent on). Plain SQL: the ORM's compiling and converting of this one query
    cost a report's dashboard five times the query itself (1.9 ms against 0.2 of CPU)."""
    quote = connection.ops.quote_name
    assignment, period = Assignment._meta, ReportPeriod._meta

    def column(meta: Any, name: str) -> str:
        return quote(meta.get_field(name).column)

    listed = ", ".join(
        [
            *(
                f"a.{column(assignment, name)}"
                for name in (
                    "id",
                    "task",
                    "agency",
                    "parent",
                    "deadline",
                    "period_due",
                    "completed_on",
                    "last_report_at",
                    "progress",
                )
            ),
            f"p.{column(period, 'due_on')}",
            f"p.{column(period, 'submitted_on')}",
        ]
    )
    sql = (
        f"SELECT {listed} FROM {quote(assignment.db_table)} a "
        f"LEFT JOIN {quote(period.db_table)} p "
        f"ON p.{column(period, 'assignment')} = a.{column(assignment, 'id')} "
        f"AND p.{column(period, 'due_on')} <= %s "
        f"WHERE a.{column(assignment, 'task')} IN ({', '.join(['%s'] * len(task_ids))})"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [connection.ops.adapt_datefield_value(today), *task_ids])
        return cursor.fetchall()


def _aware(value: dt.datetime) -> dt.datetime:
    """A stored time as the ORM gives it: SQLite hands raw SQL its UTC times without their zone
    (PostgreSQL's are already aware)."""
    return value if timezone.is_aware(value) else timezone.make_aware(value, dt.UTC)


def _latest_reports(plan: Plan, agencies: set[int] | None) -> dict[int, dt.datetime]:
    """Each agency's latest report on the plan (only `agencies`' when given)."""
    assignments = plan_assignments(plan).filter(last_report_at__isnull=False)
    if agencies is not None:
        if not agencies:
            return {}
        assignments = assignments.filter(agency_id__in=agencies)
    rows = assignments.values("agency_id").annotate(last=Max("last_report_at")).order_by()
    return {r["agency_id"]: r["last"] for r in rows}


def _compliance(
    latest: Iterable[tuple[int, int, dt.date, dt.date | None]],
) -> dict[int, dict[int, list[int]]]:
    """Per task and agency: of each assignment's latest period due by today ((task, agency,
    due, sent)), how many were sent on time, late, or not at all (the rule of
    plans.compliance.current_compliance)."""
    counts: dict[int, dict[int, list[int]]] = {}
    for task, agency, due, sent in latest:
        row = counts.setdefault(task, {}).setdefault(agency, [0, 0, 0])
        row[2 if sent is None else 0 if sent <= due else 1] += 1
    return counts


def _names(agency_ids: Iterable[int]) -> dict[int, str]:
    return dict(Agency.objects.filter(pk__in=list(agency_ids)).order_by().values_list("id", "name"))
