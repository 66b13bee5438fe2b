"""Counting a plan's assignments by status — for the plan, each agency, each section and each
PAPI unit — in SQL (status_expression + GROUP BY), a fixed number of queries per dashboard.

Unit figures roll up: an assignment counts once for a sub-dimension its task names (or an
indicator beneath it), once for the dimension above, and once for the plan, however many of
the dimension's codes the task lists.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Count, Max, QuerySet

from chiso.plans.models import Assignment, Plan, Section, TaskUnit
from chiso.plans.status import Status, status_expression

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
        return cls(**{s.value: int(counts.get(s.value, 0)) for s in Status})

    def __add__(self, other: StatusCounts) -> StatusCounts:
        return StatusCounts(**{s.value: self[s] + other[s] for s in Status})

    def __getitem__(self, status: str) -> int:
        return int(getattr(self, Status(status).value))

    @property
    def total(self) -> int:
        return sum(self[s] for s in Status)

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


@dataclass
class UnitCounts:
    """Per-unit roll-up input: counts of the tasks linked to the unit, distinct."""

    tasks: set[int] = field(default_factory=set)
    counts: StatusCounts = field(default_factory=StatusCounts)


def plan_assignments(plan: Plan) -> QuerySet[Assignment]:
    return Assignment.objects.filter(task__plan=plan)


def _grouped(qs: QuerySet[Assignment], today: dt.date, *keys: str) -> QuerySet[Assignment]:
    return (
        qs.annotate(current_status=status_expression(today))
        .values(*keys, "current_status")
        .annotate(n=Count("id"))
        .order_by()
    )


def status_counts(qs: QuerySet[Assignment], today: dt.date) -> StatusCounts:
    rows = _grouped(qs, today)
    return StatusCounts.from_mapping({r["current_status"]: r["n"] for r in rows})


def by_agency(qs: QuerySet[Assignment], today: dt.date) -> list[AgencyRow]:
    rows = _grouped(qs, today, "agency_id", "agency__name").annotate(last=Max("last_report_at"))
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    names: dict[int, str] = {}
    last: dict[int, dt.datetime | None] = {}
    for r in rows:
        aid = r["agency_id"]
        counts[aid][r["current_status"]] = r["n"]
        names[aid] = r["agency__name"]
        if r["last"] is not None and (last.get(aid) is None or r["last"] > last[aid]):
            last[aid] = r["last"]
    result = [
        AgencyRow(a, names[a], StatusCounts.from_mapping(c), last.get(a)) for a, c in counts.items()
    ]
    # Most overdue first: the table is read to see who is behind.
    return sorted(result, key=lambda r: (-r.counts.overdue, -r.counts.open, r.name))


def by_section(plan: Plan, today: dt.date) -> list[SectionRow]:
    rows = _grouped(plan_assignments(plan), today, "task__section_id")
    counts: dict[int | None, dict[str, int]] = defaultdict(dict)
    for r in rows:
        counts[r["task__section_id"]][r["current_status"]] = r["n"]
    result = [
        SectionRow(s.pk, s.code, s.title, StatusCounts.from_mapping(counts.get(s.pk, {})))
        for s in Section.objects.filter(plan=plan).order_by("order", "id")
    ]
    if None in counts:
        result.append(SectionRow(None, "—", "", StatusCounts.from_mapping(counts[None])))
    return result


def by_task(plan: Plan, today: dt.date) -> dict[int, StatusCounts]:
    rows = _grouped(plan_assignments(plan), today, "task_id")
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for r in rows:
        counts[r["task_id"]][r["current_status"]] = r["n"]
    return {task_id: StatusCounts.from_mapping(c) for task_id, c in counts.items()}


def task_units(plan: Plan) -> list[tuple[int, str]]:
    return list(TaskUnit.objects.filter(task__plan=plan).values_list("task_id", "unit_code"))


def ancestors(code: str, known: Iterable[str]) -> list[str]:
    """The code and every known code above it: "2.4.1" → ["2.4.1", "2.4", "2"]."""
    known_set = set(known)
    parts = code.split(".")
    prefixes = [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
    return [p for p in prefixes if p in known_set]


def by_unit(
    links: list[tuple[int, str]], per_task: Mapping[int, StatusCounts], unit_codes: Iterable[str]
) -> dict[str, UnitCounts]:
    """Counts per unit code with roll-up: each task counted once per unit it (or a unit below)
    names. `unit_codes` are the framework's codes (dimensions and sub-dimensions)."""
    codes = list(unit_codes)
    tasks_of: dict[str, set[int]] = {c: set() for c in codes}
    for task_id, code in links:
        for unit in ancestors(code, codes):
            tasks_of[unit].add(task_id)
    result: dict[str, UnitCounts] = {}
    for code, task_ids in tasks_of.items():
        total = StatusCounts()
        for task_id in task_ids:
            total = total + per_task.get(task_id, StatusCounts())
        result[code] = UnitCounts(task_ids, total)
    return result
