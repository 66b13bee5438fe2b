"""The province's weak units of an index (the plan's own, or one chosen on the dashboard) in
the latest results a plan works from.

A unit (dimension or sub-dimension) is weak when it sits in the lowest tier, or among the
province's weaknesses as the core finds them (worst relative ranks, below the national mean).
"""

from __future__ import annotations

import threading
import weakref
from dataclasses import dataclass

from django.utils.translation import gettext as _

from chiso.index.provinces import match_deployment
from chiso.index.report import ProvinceProfile, UnitResult
from chiso.index.results import Results
from chiso.index.text import text_in
from chiso.plans.models import Plan
from chiso.plans.units import index_name
from chiso.results.errors import NoResults
from chiso.results.store import load_results
from chiso.site.language import content_language


@dataclass(frozen=True)
class WeakUnit:
    code: str
    name: str
    level: str  # "dimension" | "subdimension"
    score: float
    rank: int | None  # None: a year published without ranks
    of: int
    tier: str | None
    tier_label: str | None
    lowest_tier: bool  # in the framework's lowest tier
    weakness: bool  # among the core's weaknesses (worst relative ranks below the mean)


@dataclass(frozen=True)
class WeakUnits:
    year: int | None  # results year used; None when no results are available
    units: dict[str, WeakUnit]  # by unit code
    tiers: dict[
        str, tuple[str | None, str | None]
    ]  # every unit of that year: code → (tier, tier label)
    note: str = ""  # why nothing is shown, for the page


def weak_units_of(
    profile: ProvinceProfile, lowest_tier: str, lang: str = "vi"
) -> dict[str, WeakUnit]:
    weaknesses = {r.unit for r in profile.weaknesses}
    found: dict[str, WeakUnit] = {}
    for r in (*profile.dimensions, *profile.subdimensions):
        if r.tier == lowest_tier or r.unit in weaknesses:
            found[r.unit] = _weak(r, lowest_tier, r.unit in weaknesses, lang)
    return found


def _weak(r: UnitResult, lowest_tier: str, weakness: bool, lang: str) -> WeakUnit:
    return WeakUnit(
        code=r.unit,
        name=text_in(r.name, lang),
        level=r.level,
        score=r.score,
        rank=r.rank,
        of=r.of,
        tier=r.tier,
        tier_label=text_in(r.tier_label, lang, None),
        lowest_tier=r.tier == lowest_tier,
        weakness=weakness,
    )


def results_year(plan: Plan, years: tuple[int, ...]) -> int | None:
    """The plan's baseline year when published, else the latest year not after the plan's."""
    if plan.baseline_year in years:
        return plan.baseline_year
    earlier = [y for y in years if y <= plan.year]
    return max(earlier) if earlier else None


# A province's profile per results object. Results are immutable (load_results builds a new
# object when the stored releases change), so each (province, year) is computed once per
# process instead of on every dashboard request; entries go with their results object.
_profiles: weakref.WeakKeyDictionary[Results, dict[tuple[str, int], ProvinceProfile]] = (
    weakref.WeakKeyDictionary()
)
_profiles_lock = threading.Lock()


def province_profile(results: Results, province_code: str, year: int) -> ProvinceProfile:
    """`results.profile(province_code, year)`, computed once per results object."""
    with _profiles_lock:
        known = _profiles.setdefault(results, {})
        found = known.get((province_code, year))
    if found is None:
        found = results.profile(province_code, year)  # LookupError: not cached
        with _profiles_lock:
            known[(province_code, year)] = found
    return found


def weak_units_from(results: Results, plan: Plan, index: str | None = None) -> WeakUnits:
    """In the active language: names and tier labels are shown as they are. `results` are of
    `index` (default: the plan's)."""
    lang = content_language()
    name = index_name(index or plan.index)
    year = results_year(plan, results.years)
    if year is None:
        return WeakUnits(
            None,
            {},
            {},
            _("Chưa có kết quả %(index)s của năm %(year)s trở về trước.")
            % {"index": name, "year": plan.year},
        )
    try:
        province = match_deployment(plan.province.name, plan.province.code, year)
        profile = province_profile(results, province.code, year)
        if not profile.dimensions:  # a published composite only (PCI's top 30): no units
            raise LookupError(year)
    except LookupError:
        return WeakUnits(
            year,
            {},
            {},
            _("Không có kết quả %(index)s của tỉnh năm %(year)s.") % {"index": name, "year": year},
        )
    tiers = {
        r.unit: (r.tier, text_in(r.tier_label, lang, None))
        for r in (*profile.dimensions, *profile.subdimensions)
    }
    lowest = results.framework.tiers[-1].code
    return WeakUnits(year, weak_units_of(profile, lowest, lang), tiers)


def plan_weak_units(plan: Plan) -> WeakUnits:
    """Weak units for the plan's province from the stored results (chiso import-results)."""
    try:
        results = load_results(plan.index)
    except NoResults as exc:
        return WeakUnits(None, {}, {}, exc.message)
    return weak_units_from(results, plan)
