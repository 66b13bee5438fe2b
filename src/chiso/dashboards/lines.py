"""The dashboard's hot tables (units, sections, a page of agencies) as ready-to-print lines:
each row's links, status bar and formatted figures made once in Python, so the templates only
print plain attributes. Per-row template tags, filters and deep lookups (hundreds of links and
bars on a province's dashboard) were most of the time of the first view after a change."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils import dateformat, timezone
from django.utils.safestring import SafeString

from chiso.dashboards.charts import status_bar_svg
from chiso.dashboards.dashboard import PlanDashboard, UnitRow
from chiso.dashboards.links import CountLinks, TaskLinks
from chiso.dashboards.metrics import AgencyRow, SectionRow, StatusCounts


@dataclass(frozen=True)
class Figures:
    """A row's counts as printed, with their links and its bar."""

    total: int
    done: int
    done_late: int
    overdue: int
    finished_pct: str  # "45%", "—" without assignments
    links: CountLinks
    bar: SafeString


@dataclass(frozen=True)
class UnitLine:
    code: str
    number: str
    name: str
    level: str
    weak: bool
    unaddressed: bool
    tier: str
    tier_label: str
    task_count: int
    figures: Figures


@dataclass(frozen=True)
class SectionLine:
    code: str
    title: str
    figures: Figures


@dataclass(frozen=True)
class AgencyLine:
    agency_id: int
    name: str
    mine: bool
    last_report: str  # dd/mm/yyyy in the site's time zone, "—" when none
    figures: Figures


@dataclass(frozen=True)
class DashboardLines:
    units: list[UnitLine]
    sections: list[SectionLine]
    agencies: list[AgencyLine]


def figures(counts: StatusCounts, links: CountLinks, scale: int | None = None) -> Figures:
    pct = counts.finished_pct
    return Figures(
        counts.total,
        counts.done,
        counts.done_late,
        counts.overdue,
        f"{floatformat(pct, 0)}%" if pct is not None else "—",
        links,
        status_bar_svg(counts, scale),
    )


def unit_line(row: UnitRow, links: TaskLinks) -> UnitLine:
    return UnitLine(
        row.code,
        row.number,
        row.name,
        row.level,
        row.weak is not None,
        row.unaddressed,
        row.tier,
        row.tier_label,
        row.task_count,
        figures(row.counts, links.row(unit=row.filter_code)),
    )


def section_line(row: SectionRow, links: TaskLinks) -> SectionLine:
    return SectionLine(row.code, row.title, figures(row.counts, links.row(section=row.section_id)))


def agency_line(row: AgencyRow, links: TaskLinks, scale: int, own_agency: int | None) -> AgencyLine:
    last = row.last_report_at
    if last is not None and timezone.is_aware(last):
        last = timezone.localtime(last)  # as the template's date filter shows it
    return AgencyLine(
        row.agency_id,
        row.name,
        row.agency_id == own_agency,
        dateformat.format(last, "d/m/Y") if last is not None else "—",
        figures(row.counts, links.row(agency=row.agency_id), scale),
    )


def dashboard_lines(
    dash: PlanDashboard, agencies: Iterable[AgencyRow], own_agency: int | None
) -> DashboardLines:
    """The lines of the units and sections tables and of `agencies` (the table's page), their
    bars scaled to the plan's largest agency."""
    links = TaskLinks(dash.plan.pk)
    scale = dash.max_agency_total
    return DashboardLines(
        [unit_line(r, links) for r in dash.unit_rows],
        [section_line(r, links) for r in dash.sections],
        [agency_line(r, links, scale, own_agency) for r in agencies],
    )
