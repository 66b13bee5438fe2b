"""Reading the responsibilities map: the map by unit, an agency's areas with the province's
latest scores and tiers and the current plan's tasks linked to them, and the usual lead
agencies of a set of units (for tasks added from the catalogue)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, Province
from chiso.dashboards.weakness import province_profile
from chiso.index import load_framework
from chiso.index.provinces import match_deployment
from chiso.index.report import UnitResult
from chiso.index.text import text_in
from chiso.plans.models import Plan, Task
from chiso.plans.status import Status
from chiso.responsibilities.models import Duty, Responsibility
from chiso.results import store
from chiso.results.errors import NoResults
from chiso.site.language import content_language

DONE = (Status.DONE, Status.DONE_LATE)


@dataclass(frozen=True)
class UnitDuties:
    code: str
    name: str
    level: str
    guides: tuple[Agency, ...]
    answers: tuple[Agency, ...]
    illustrative: bool


def unit_map(province: Province, index: str = "PAPI") -> list[UnitDuties]:
    """Every dimension and sub-dimension of the index (as of its latest structure) with the
    agencies that guide it and answer for it."""
    fw = load_framework(index)
    rows = Responsibility.objects.filter(province=province, index=index).select_related("agency")
    by_unit: dict[str, list[Responsibility]] = {}
    for row in rows:
        by_unit.setdefault(row.unit_code, []).append(row)
    lang = content_language()
    out = []
    for dim in fw.children(fw.root.code, None):
        for unit in (dim, *fw.children(dim.code, None)):
            found = by_unit.get(unit.code, [])
            out.append(
                UnitDuties(
                    unit.code,
                    unit.name(None, lang),
                    unit.level,
                    tuple(r.agency for r in found if r.duty == Duty.GUIDES),
                    tuple(r.agency for r in found if r.duty == Duty.ANSWERS),
                    any(r.illustrative for r in found),
                )
            )
    return out


def usual_leads(province: Province, codes: tuple[str, ...], index: str = "PAPI") -> list[Agency]:
    """The active agencies that guide the units `codes`; where none guides a sub-dimension,
    those guiding its dimension. Empty when the province has no map for them."""
    fw = load_framework(index)
    guides = Responsibility.objects.filter(
        province=province, index=index, duty=Duty.GUIDES, agency__active=True
    ).select_related("agency")
    by_unit: dict[str, list[Agency]] = {}
    for row in guides:
        by_unit.setdefault(row.unit_code, []).append(row.agency)
    found: dict[int, Agency] = {}
    for code in codes:
        parent = fw.unit(code).parent if fw.has_unit(code) else None
        for agency in by_unit.get(code) or by_unit.get(parent or "", []):
            found[agency.pk] = agency
    return sorted(found.values(), key=lambda a: a.name)


@dataclass(frozen=True)
class LinkedTask:
    task: Task
    done: int
    overdue: int
    total: int


@dataclass(frozen=True)
class AgencyArea:
    code: str
    name: str
    level: str
    duty: str
    duty_label: str
    result: UnitResult | None
    tier_label: str  # the result's group in the page's language ("" without one)
    tasks: tuple[LinkedTask, ...]


@dataclass(frozen=True)
class AgencyAreas:
    agency: Agency
    plan: Plan | None
    year: int | None  # the results year shown
    areas: tuple[AgencyArea, ...]
    note: str  # why there are no scores, if there are none
    illustrative: bool


def _latest_profile(
    province: Province, index: str
) -> tuple[int | None, dict[str, UnitResult], str]:
    try:
        results = store.load_results(index)
    except NoResults as exc:
        return None, {}, exc.message
    year = max(results.years)
    try:
        code = match_deployment(province.name, province.code, year).code
        profile = province_profile(results, code, year)
    except LookupError:
        return (
            year,
            {},
            _("Không có kết quả %(index)s của tỉnh năm %(year)s.")
            % {
                "index": index,
                "year": year,
            },
        )
    return year, {r.unit: r for r in (*profile.dimensions, *profile.subdimensions)}, ""


def _linked(plan: Plan | None, code: str, today: dt.date) -> tuple[LinkedTask, ...]:
    if plan is None:
        return ()
    tasks = (
        Task.objects.filter(plan=plan, units__index=plan.index, units__unit_code__startswith=code)
        .distinct()
        .prefetch_related("units", "assignments")
    )
    out = []
    for task in tasks:
        if not any(
            u.unit_code == code or u.unit_code.startswith(code + ".")
            for u in task.units_of(plan.index)
        ):
            continue  # "2.1" must not match "2.10"
        statuses = [a.status(today) for a in task.assignments.all()]
        out.append(
            LinkedTask(
                task,
                sum(s in DONE for s in statuses),
                sum(s == Status.OVERDUE for s in statuses),
                len(statuses),
            )
        )
    return tuple(out)


def _tier_label(result: UnitResult | None, lang: str) -> str:
    return "" if result is None else text_in(result.tier_label, lang)


def agency_areas(
    agency: Agency, plan: Plan | None, today: dt.date, index: str = "PAPI"
) -> AgencyAreas:
    """The units `agency` guides or answers for, with the province's latest published score
    and tier in each and the tasks of `plan` (the current plan) linked to it."""
    fw = load_framework(index)
    rows = list(Responsibility.objects.filter(agency=agency, index=index))
    year, results, note = _latest_profile(agency.province, index)
    lang = content_language()
    order = {u.code: i for i, u in enumerate(fw.units)}
    areas = tuple(
        AgencyArea(
            r.unit_code,
            fw.unit(r.unit_code).name(year, lang) if fw.has_unit(r.unit_code) else r.unit_code,
            fw.unit(r.unit_code).level if fw.has_unit(r.unit_code) else "",
            r.duty,
            str(Duty(r.duty).label),
            results.get(r.unit_code),
            _tier_label(results.get(r.unit_code), lang),
            _linked(plan, r.unit_code, today),
        )
        for r in sorted(rows, key=lambda r: order.get(r.unit_code, 10_000))
    )
    return AgencyAreas(agency, plan, year, areas, note, any(r.illustrative for r in rows))
