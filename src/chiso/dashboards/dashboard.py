"""Everything the plan dashboard shows, as typed rows: the plan's progress, the user's agency,
agencies, sections, the units of one index (weak ones highlighted, unaddressed ones flagged) and
objectives. The index is the plan's own unless another is chosen: a task linked to units of
several indices counts in the coverage of each (chiso.plans.units)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from django.utils.translation import gettext as _

from chiso.dashboards.metrics import (
    AgencyRow,
    SectionRow,
    StatusCounts,
    TaskCounts,
    by_section,
    plan_assignments,
    plan_sections,
    status_counts,
    task_units,
)
from chiso.dashboards.objectives import ObjectiveLine, objective_lines
from chiso.dashboards.rollup import by_unit, kept_rollup
from chiso.dashboards.tallies import PlanTallies, plan_tallies
from chiso.dashboards.weakness import WeakUnit, WeakUnits, weak_units_from
from chiso.index.framework import Framework, FrameworkError, load_framework
from chiso.index.results import Results
from chiso.plans.models import Plan
from chiso.plans.units import UnitRef, index_codes, index_name
from chiso.results.errors import NoResults
from chiso.results.store import load_results
from chiso.site.language import content_language
from chiso.web.fragments import fragment, kept

if TYPE_CHECKING:
    from chiso.accounts.models import User

T = TypeVar("T")


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    level: str  # "dimension" | "subdimension"
    counts: StatusCounts
    task_count: int
    tier: str  # the province's tier in the results year, "" when unknown
    tier_label: str
    weak: WeakUnit | None
    filter_code: str = ""  # the task list's unit filter: "2.4", "PCI:time_costs"

    @property
    def number(self) -> str:
        """The code when it is a number ("2.4"); a named unit (PCI's) goes by its name."""
        return self.code if self.code[:1].isdigit() else ""

    @property
    def unaddressed(self) -> bool:
        """A weak unit that no task of the plan names (nor a unit beneath it)."""
        return self.weak is not None and self.task_count == 0


@dataclass(frozen=True)
class DimensionBlock:
    dimension: UnitRow
    subdimensions: tuple[UnitRow, ...]


@dataclass(frozen=True)
class PlanDashboard:
    plan: Plan
    today: dt.date
    counts: StatusCounts
    mine: AgencyRow | None  # the user's own agency, when it has assignments
    agencies: list[AgencyRow]
    sections: list[SectionRow]
    dimensions: list[DimensionBlock]
    weak: WeakUnits
    objectives: list[ObjectiveLine]
    index: str = "PAPI"  # the index the weak units and the units table are of

    @property
    def index_name(self) -> str:
        return index_name(self.index)

    @property
    def index_choices(self) -> list[tuple[str, str]]:
        """(code, name) of every index the coverage can be shown for, the plan's first."""
        codes = index_codes()
        ordered = [self.plan.index, *(c for c in codes if c != self.plan.index)]
        return [(c, index_name(c)) for c in ordered]

    @cached_property
    def unit_rows(self) -> list[UnitRow]:
        """The units table's rows in order: each dimension, then its sub-dimensions (one flat
        loop in the template instead of an include per row)."""
        return [r for b in self.dimensions for r in (b.dimension, *b.subdimensions)]

    @property
    def unaddressed(self) -> list[UnitRow]:
        return [r for r in self.unit_rows if r.unaddressed]

    @cached_property
    def max_agency_total(self) -> int:
        # Cached: every agency row of the table scales its bar by it.
        return max((a.counts.total for a in self.agencies), default=0)


def plan_results(plan: Plan, index: str | None = None) -> tuple[Results | None, str]:
    """The stored results of the plan's index (or `index`), or None with the reason."""
    try:
        return load_results(index or plan.index), ""
    except NoResults as exc:
        return None, exc.message


class DashboardInputs:
    """What both halves of the dashboard (the counts a report changes, and the head, objectives
    and weak units it does not) are built from, each read once per request and only if asked:
    on a first view after a change outside any one task both halves are built."""

    def __init__(
        self,
        plan: Plan,
        index: str | None = None,
        shared: int | None = None,
        number: int | None = None,
    ) -> None:
        self.plan = plan
        self.index = index or plan.index
        self.shared = shared  # the province's counter the tasks' units and tallies are cached under
        self.number = number  # its data revision, read with the plan: the kept tallies' catch-up
        self._tallies: dict[dt.date, PlanTallies] = {}

    def tallies(self, today: dt.date) -> PlanTallies:
        """The plan's counts on `today` (chiso.dashboards.tallies), read once per request: the
        figures' digest that keys the cached counts and the counts themselves."""
        if today not in self._tallies:
            self._tallies[today] = plan_tallies(self.plan, today, self.shared, self.number)
        return self._tallies[today]

    @cached_property
    def results(self) -> tuple[Results | None, str]:
        return plan_results(self.plan, self.index)

    @cached_property
    def weak(self) -> WeakUnits:
        """Kept under the `shared` counter: new results are a national change, which raises
        every province's (chiso.audit.services.record)."""
        return _kept(self.plan, f"weak-{self.index}", self.shared, self._weak)

    def _weak(self) -> WeakUnits:
        results, note = self.results
        if results is None:
            return WeakUnits(None, {}, {}, note or _("Chưa có kết quả chỉ số."))
        return weak_units_from(results, self.plan, self.index)

    @cached_property
    def framework(self) -> Framework | None:
        try:
            return load_framework(self.index)
        except FrameworkError:
            return None


def _kept(plan: Plan, name: str, shared: int | None, make: Callable[[], T]) -> T:
    """`make()`, kept in the cache under the province's `shared` counter when given: for what
    changes only with the plan's tasks and sections, never with a report."""
    if shared is None:
        return make()
    key = fragment(plan.province_id, name, plan.pk, revision=shared)
    return kept(key.key, key.ttl, make)


def _unit_rows(
    plan: Plan,
    framework: Framework,
    weak: WeakUnits,
    per_task: dict[int, StatusCounts],
    shared: int | None = None,
) -> list[DimensionBlock]:
    year = weak.year or plan.year
    index = framework.code
    dimensions = framework.children(framework.root.code, year)
    subs = {d.code: framework.children(d.code, year) for d in dimensions}
    codes = [d.code for d in dimensions] + [s.code for group in subs.values() for s in group]
    links = _kept(plan, f"task-units-{index}", shared, lambda: task_units(plan, index))
    rolled = (
        kept_rollup((plan.pk, index), links, per_task, codes)
        if shared is not None
        else by_unit(links, per_task, codes)
    )
    lang = content_language()

    def row(code: str, level: str) -> UnitRow:
        tier, label = weak.tiers.get(code, (None, None))
        unit = framework.unit(code)
        return UnitRow(
            code,
            unit.name(year, lang),
            level,
            rolled[code].counts,
            len(rolled[code].tasks),
            tier or "",
            label or "",
            weak.units.get(code),
            UnitRef(index, code).token(plan.index),
        )

    return [
        DimensionBlock(
            row(d.code, "dimension"), tuple(row(s.code, "subdimension") for s in subs[d.code])
        )
        for d in dimensions
    ]


def build_dashboard(
    plan: Plan,
    user: User,
    today: dt.date,
    index: str | None = None,
    *,
    counted: bool = True,
    objectives: bool = True,
    shared: int | None = None,
    inputs: DashboardInputs | None = None,
) -> PlanDashboard:
    """The dashboard with the weak units and the units table of `index` (the plan's own by
    default); the objectives are judged each on its own index whatever is chosen. Without
    `counted`, no assignment is counted (zero counts, no agencies or sections: the parts a
    report does not change — weak units, unaddressed ones, objectives); without `objectives`,
    none are judged (the parts a report changes). `shared`: the province's shared counter, under
    which the tasks' units and tallies are cached (chiso.dashboards.tallies). `inputs`: those
    the other half of the same page was built from."""
    inputs = inputs or DashboardInputs(plan, index, shared)
    tallies = inputs.tallies(today) if counted else None
    agencies = tallies.agencies if tallies else []
    tasks = tallies.tasks if tallies else TaskCounts({}, {})
    framework, weak = inputs.framework, inputs.weak
    return PlanDashboard(
        plan=plan,
        today=today,
        counts=tasks.total,
        mine=next((a for a in agencies if a.agency_id == user.agency_id), None),
        agencies=agencies,
        sections=(
            by_section(_kept(plan, "sections", inputs.shared, lambda: plan_sections(plan)), tasks)
            if counted
            else []
        ),
        dimensions=(
            _unit_rows(plan, framework, weak, tasks.per_task, inputs.shared) if framework else []
        ),
        weak=weak,
        objectives=objective_lines(plan, inputs.results[0], inputs.index) if objectives else [],
        index=inputs.index,
    )


def plan_summary(plan: Plan, today: dt.date) -> StatusCounts:
    """One query: the plan's assignments by status (home-page panel)."""
    return status_counts(plan_assignments(plan), today)
