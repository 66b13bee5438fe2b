"""Counting a plan's assignments by status — for the plan, each agency, each section and each
PAPI unit. The SQL counts per task and agency (chiso.dashboards.tallies sums them): one row per
group with a count per status (conditional aggregation, `_status_columns`: the rule of
plans.status.derive_status as filters), rather than one row per group and status grouped on the
status CASE, which made PostgreSQL sort every assignment by the CASE's text.

Unit figures roll up (chiso.dashboards.rollup): an assignment counts once for a sub-dimension
its task names (or an indicator beneath it), once for the dimension above, and once for the
plan, however many of the dimension's codes the task lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet

from chiso.plans.models import Assignment, Plan, Section, TaskUnit
from chiso.plans.status import Status, overdue_filter

# StatusCounts' fields, in declaration order: each is a Status value.
FIELDS = ("not_started", "in_progress", "done", "done_late", "overdue")

STATUS_ORDER = (
    Status.DONE,
    Status.DONE_LATE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.OVERDUE,
)


@dataclass(frozen=True)
class StatusCounts:
    not_started: int = 0
    in_progress: int = 0
    done: int = 0
    done_late: int = 0
    overdue: int = 0

    @classmethod
    def from_mapping(cls, counts: Mapping[str, int]) -> StatusCounts:
        return cls(*(int(counts.get(name, 0)) for name in FIELDS))

    @classmethod
    def from_list(cls, counts: list[int]) -> StatusCounts:
        """From a tally in FIELDS order (see `_Tally`)."""
        return cls(*counts)

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(
            self.not_started + other.not_started,
            self.in_progress + other.in_progress,
            self.done + other.done,
            self.done_late + other.done_late,
            self.overdue + other.overdue,
        )

    def __getitem__(self, status: str) -> int:
        return int(getattr(self, Status(status).value))

    @property
    def total(self) -> int:
        # Plain field sums: a dashboard reads totals thousands of times while rendering.
        return self.not_started + self.in_progress + self.done + self.done_late + self.overdue

    @property
    def finished(self) -> int:
        return self.done + self.done_late

    @property
    def open(self) -> int:
        return self.not_started + self.in_progress

    def share(self, count: int) -> float | None:
        """`count` as a percentage of all assignments; None when there are none."""
        return None if self.total == 0 else 100.0 * count / self.total

    @property
    def finished_pct(self) -> float | None:
        return self.share(self.finished)

    @property
    def on_time_pct(self) -> float | None:
        """Done by the deadline, as a share of all assignments."""
        return self.share(self.done)

    def items(self) -> list[tuple[Status, int]]:
        return [(s, self[s]) for s in STATUS_ORDER]


@dataclass(frozen=True)
class AgencyRow:
    agency_id: int
    name: str
    counts: StatusCounts
    last_report_at: dt.datetime | None


@dataclass(frozen=True)
class SectionRow:
    section_id: int | None  # None: tasks outside any section
    code: str
    title: str
    counts: StatusCounts


@dataclass(frozen=True)
class UnitCounts:
    """A unit's roll-up: the distinct tasks linked to it (or to a unit below) and their counts."""

    tasks: frozenset[int]
    counts: StatusCounts


@dataclass(frozen=True)
class TaskCounts:
    """The plan's assignments counted per task (one grouped query), with each task's section,
    so the plan's and the sections' figures are sums of these rows instead of more queries."""

    per_task: dict[int, StatusCounts]
    section_of: dict[int, int | None]
    # The total and the sums per section, when the caller keeps them (dashboards.tallies).
    summed: StatusCounts | None = None
    summed_per_section: dict[int | None, StatusCounts] | None = None

    @property
    def total(self) -> StatusCounts:
        return self.summed if self.summed is not None else _sum(self.per_task.values())

    def per_section(self) -> dict[int | None, StatusCounts]:
        if self.summed_per_section is not None:
            return self.summed_per_section
        tally = _Tally()
        for task_id, counts in self.per_task.items():
            tally.add_counts(self.section_of[task_id], counts)
        return tally.result()


class _Tally:
    """Status counts per key, summed as plain int lists (StatusCounts is immutable)."""

    def __init__(self) -> None:
        self._rows: dict[object, list[int]] = {}

    def _row(self, key: object) -> list[int]:
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = [0, 0, 0, 0, 0]
        return row

    def add_counts(self, key: object, counts: StatusCounts) -> None:
        row = self._row(key)  # in FIELDS order; plain attributes: called thousands of times
        row[0] += counts.not_started
        row[1] += counts.in_progress
        row[2] += counts.done
        row[3] += counts.done_late
        row[4] += counts.overdue

    def result(self) -> dict[Any, StatusCounts]:
        return {key: StatusCounts.from_list(row) for key, row in self._rows.items()}


def _sum(items: Iterable[StatusCounts]) -> StatusCounts:
    tally = _Tally()
    tally.add_counts(None, StatusCounts())
    for counts in items:
        tally.add_counts(None, counts)
    return tally.result()[None]


def plan_assignments(plan: Plan) -> QuerySet[Assignment]:
    # The province filter is redundant (an assignment's province is its task's, which is its
    # plan's) but lets PostgreSQL read the province's rows by index instead of scanning every
    # assignment of the deployment before the join on the plan's tasks.
    return Assignment.objects.top_level().filter(province_id=plan.province_id, task__plan=plan)


def _status_columns(today: dt.date) -> dict[str, Count]:
    """Counts whose differences are the five statuses of `derive_status` (see `_counts`)."""
    not_due = (
        Q(completed_on__isnull=True)
        & (Q(deadline__isnull=True) | Q(deadline__gte=today))
        & (Q(period_due__isnull=True) | Q(period_due__gte=today))
    )
    active = Q(last_report_at__isnull=False) | Q(progress__gt=0)
    late = Q(completed_on__isnull=False, deadline__isnull=False, completed_on__gt=F("deadline"))
    return {
        "n_all": Count("id"),
        "n_finished": Count("id", filter=Q(completed_on__isnull=False)),
        "n_done_late": Count("id", filter=late),
        "n_overdue": Count("id", filter=overdue_filter(today)),
        "n_in_progress": Count("id", filter=not_due & active),
    }


# The columns of `_status_columns`, in the order `status_row` takes them.
STATUS_COLUMNS = ("n_all", "n_finished", "n_done_late", "n_overdue", "n_in_progress")


def status_row(
    n_all: int, finished: int, late: int, overdue: int, active: int
) -> tuple[int, int, int, int, int]:
    """The five statuses' counts (FIELDS order) from `_status_columns`' counts."""
    return (n_all - finished - overdue - active, active, finished - late, late, overdue)


def counts_of(row: Mapping[str, int]) -> StatusCounts:
    return StatusCounts(*status_row(*(row[column] for column in STATUS_COLUMNS)))


def grouped(
    qs: QuerySet[Assignment], today: dt.date, *keys: str
) -> QuerySet[Assignment, dict[str, Any]]:
    return qs.values(*keys).annotate(**_status_columns(today)).order_by()


def status_counts(qs: QuerySet[Assignment], today: dt.date) -> StatusCounts:
    return counts_of(qs.order_by().aggregate(**_status_columns(today)))


def agency_order(row: AgencyRow) -> tuple[int, int, str]:
    """Most overdue first: the agencies table is read to see who is behind."""
    return (-row.counts.overdue, -row.counts.open, row.name)


def plan_sections(plan: Plan) -> list[tuple[int, str, str]]:
    """(id, code, title) of the plan's sections in order."""
    return list(
        Section.objects.filter(plan=plan).order_by("order", "id").values_list("id", "code", "title")
    )


def by_section(sections: list[tuple[int, str, str]], tasks: TaskCounts) -> list[SectionRow]:
    """Every section of the plan in order (empty ones too), then tasks outside any section."""
    counts = tasks.per_section()
    result = [
        SectionRow(pk, code, title, counts.get(pk, StatusCounts())) for pk, code, title in sections
    ]
    if None in counts:
        result.append(SectionRow(None, "—", "", counts[None]))
    return result


def task_units(plan: Plan, index: str | None = None) -> list[tuple[int, str]]:
    """(task, unit code) of the plan's tasks' units of `index` (default: the plan's)."""
    return list(
        TaskUnit.objects.filter(task__plan=plan, index=index or plan.index)
        .order_by()
        .values_list("task_id", "unit_code")
    )


def ancestors(code: str, known: Iterable[str]) -> list[str]:
    """The code and every known code above it: "2.4.1" → ["2.4.1", "2.4", "2"]."""
    known_set = known if isinstance(known, (set, frozenset)) else set(known)
    parts = code.split(".")
    prefixes = [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
    return [p for p in prefixes if p in known_set]
