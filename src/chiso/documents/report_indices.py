"""The index results a plan's results report and consolidated report cite (issue 18): the plan's
own index first, then every other index one of its objectives is on ("PCI ≥ 68 điểm" in a PAPI
plan), each on its own results and framework for the latest year a report dated `today` may
cite. A PAPI plan without other indices' objectives has the one PAPI section it always had."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chiso.documents.report_objectives import published_year
from chiso.index.framework import Framework, FrameworkError, load_framework
from chiso.index.report import ProvinceProfile, UnitResult
from chiso.index.results import Results
from chiso.plans.models import Plan
from chiso.plans.objectives import ResultsFor, stored_results


@dataclass(frozen=True)
class IndexSection:
    index: str  # "PAPI", "PCI", "PAR_INDEX", "SIPAS"
    framework: Framework
    profile: ProvinceProfile | None  # the province's results; None: none the report may cite
    latest_year: int | None  # the latest year the report may cite (None: the index has none)

    @property
    def has_results(self) -> bool:
        return self.profile is not None and self.profile.aggregate is not None

    @property
    def left_out(self) -> bool:
        """The index has a year to cite but the province is not in that year's table (PCI's
        published top 30) and in no earlier one either."""
        return self.latest_year is not None and not self.has_results

    @property
    def earlier(self) -> bool:
        """The province's results are from a year before the latest published one (it is not in
        the latest table)."""
        profile = self.profile
        return profile is not None and self.has_results and profile.year != self.latest_year

    @property
    def level(self) -> str:
        """The framework's name for the level below the composite, lower case: "chỉ số nội dung"
        (PAPI), "chỉ số thành phần" (PCI), "lĩnh vực" (PAR INDEX), "yếu tố" (SIPAS)."""
        if len(self.framework.levels) < 2:
            return "chỉ số thành phần"
        name = self.framework.levels[1].name.vi
        return name[:1].lower() + name[1:]

    @property
    def computes_groups(self) -> bool:
        """Groups chiso computes (PAPI's quartiles, PAR INDEX's bands), not PCI's published ones."""
        return self.framework.grouping != "published" and bool(self.framework.tiers)

    def scored(self) -> tuple[UnitResult, ...]:
        if self.profile is None:
            return ()
        return tuple(r for r in self.profile.dimensions if r.score is not None)


def plan_indices(plan: Plan) -> tuple[str, ...]:
    """The plan's own index, then the others its objectives are on, in the objectives' order."""
    found = [plan.index]
    for index in plan.objectives.values_list("index", flat=True):
        if index and index not in found:
            found.append(index)
    return tuple(found)


def index_results(
    index: str, results: Results | None, results_for: ResultsFor = stored_results
) -> Results | None:
    """`results` when they are the index's (the caller's, from --data or the store: PAPI's for
    the documents, None when it has none), else the index's stored results."""
    if results is not None and results.index == index:
        return results
    if results is None and index == "PAPI":
        return None  # the caller found no PAPI results: none, as the reports always said
    return results_for(index)


def index_sections(
    plan: Plan,
    results: Results | None,
    year: int | None,
    today: dt.date,
    results_for: ResultsFor = stored_results,
) -> tuple[IndexSection, ...]:
    """One section per index of the plan (`plan_indices`): `results` at `year` for their own
    index (the report's), any other index at the latest year a report dated `today` may cite.
    Where that year's table leaves the province out, its latest earlier year with a composite
    is shown instead (said so by `IndexSection.earlier`)."""
    sections = []
    for index in plan_indices(plan):
        try:
            framework = load_framework(index)
        except FrameworkError:
            continue
        found = index_results(index, results, results_for)
        own = results is not None and found is results
        at = year if own and year is not None else None
        if found is not None and at is None:
            at = published_year(found, plan.year, today)
        profile = None
        if found is not None and at is not None:
            profile = _latest_profile(found, plan.province.name, at)
        sections.append(IndexSection(index, framework, profile, at))
    return tuple(sections)


def _latest_profile(results: Results, province: str, year: int) -> ProvinceProfile | None:
    """The province's profile for `year`, or for the latest earlier year with a composite when
    `year`'s table does not name it; None when no such year exists."""
    for candidate in sorted((y for y in results.years if y <= year), reverse=True):
        try:
            profile = results.profile(province, candidate)
        except LookupError:  # a province the index's data never name
            return None
        if profile.aggregate is not None:
            return profile
    return None
