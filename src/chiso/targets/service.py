"""What it takes, for the web: whose province, which baseline, and the core's answer shaped for
the page (`TargetPage`). The figures all come from `chiso.index.target.what_it_takes`; this module
only picks the province the user may see and turns the result into typed rows with bar widths."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from django.utils.translation import gettext as _

from chiso.accounts.roles import sees_all_provinces
from chiso.index import Province as IndexProvince
from chiso.index import Results, UnknownProvince
from chiso.index.provinces import LAST_YEAR_OF_63
from chiso.index.target import AllocationRow, TargetError, TargetResult, UnitPlan, what_it_takes
from chiso.index.target_history import history, realistic_gain
from chiso.index.target_threshold import RANK, SCORE, TIER, Goal
from chiso.index.text import text_in
from chiso.targets.numbers import fixed

if TYPE_CHECKING:
    from chiso.accounts.models import User

# Bars of the split table: the largest bound of the table fills this many SVG units.
BAR_WIDTH = 100.0
DEFAULT_DRAWS = 2000
MAX_DRAWS = 20000
DEFAULT_CONFIDENCE = 80  # percent
# The core's default: a sub-dimension's realistic one-year gain is this quantile of history.
GAIN_QUANTILE = 0.9


class TargetUnavailable(Exception):
    """The page cannot answer for this query; the message is translated and shown in the form."""


@dataclass(frozen=True)
class ProvinceScope:
    """Which province the user's page is about: their own, or any (national viewers pick)."""

    can_pick: bool
    province: IndexProvince | None  # fixed province (None when picking or not found)
    problem: str = ""  # why the page cannot show anything (translated)


@dataclass(frozen=True)
class TargetQuery:
    province: IndexProvince
    year: int
    goal: Goal
    dimension_tier: str | None
    seed: int = 0
    draws: int = DEFAULT_DRAWS
    confidence: int = DEFAULT_CONFIDENCE  # percent


@dataclass(frozen=True)
class Baseline:
    year: int
    score: float
    rank: int | None  # None where the data give none (PCI's partial years)
    of: int
    tier: str | None  # None: no group (PCI's are only ever published)
    tier_label: str | None


@dataclass(frozen=True)
class SplitRow:
    """One sub-dimension of a split, with its bar (gain inside the bound) in SVG units."""

    row: AllocationRow
    name: str
    reason: str
    gain_width: float
    bound_width: float
    at_bound: bool


@dataclass(frozen=True)
class UnitNeed:
    """A dimension's need for a tier ("to bring dimension 5 to … you need +x")."""

    plan: UnitPlan
    name: str
    goal_text: str
    met: bool
    split: tuple[SplitRow, ...]


@dataclass(frozen=True)
class TargetPage:
    query: TargetQuery
    result: TargetResult
    baseline: Baseline
    unit_name: str
    goal_text: str
    probability_pct: float
    odds_sentence: str  # a score goal: how often similar provinces gained as much ("" otherwise)
    split: tuple[SplitRow, ...]
    split_gain: float
    dimensions: tuple[UnitNeed, ...]
    caveats: tuple[str, ...]
    # The same quantile of the aggregate's own one-year changes: the sub-dimension bounds add
    # up to far more, as if every sub-dimension had its best year at once.
    aggregate_gain: float
    index: str = "PAPI"  # the index's short name ("PCI", "PAR INDEX")
    # Components the split needs that have no score for the province in the baseline year
    # (PCI years with only the published composite): their names, in the page's language.
    missing_components: tuple[str, ...] = ()
    components_total: int = 0  # components the index has that year

    @property
    def plan(self) -> UnitPlan:
        return self.result.plan

    @property
    def rare(self) -> bool:
        """Within the summed bounds, yet a larger gain than (1 − quantile) of province-years."""
        return self.plan.reachable and self.plan.needed_gain > self.aggregate_gain

    @property
    def gain_quantile_pct(self) -> int:
        return round(GAIN_QUANTILE * 100)

    @property
    def met_already(self) -> bool:
        return self.plan.needed_gain <= 0


def scope_for(user: User, results: Results) -> ProvinceScope:
    """National viewers (and province-less administrators) pick; everyone else sees their own
    province, matched by name to the provinces of the latest results."""
    if sees_all_provinces(user):
        return ProvinceScope(can_pick=True, province=None)
    if user.province is None:
        return ProvinceScope(False, None, _("Tài khoản chưa gắn với tỉnh/thành phố nào."))
    name = user.province.name
    try:
        found = results.province(name, results.years[-1])
    except UnknownProvince:
        message = _("Chưa có kết quả %(index)s của %(province)s.")
        return ProvinceScope(False, None, message % {"index": results.index, "province": name})
    return ProvinceScope(can_pick=False, province=found)


def province_choices(results: Results) -> list[tuple[str, str]]:
    """Provinces ranked in the latest results, by name (value = GSO code of that era)."""
    latest = results.ranking(results.years[-1])
    ranked = [row.province for row in latest.rows if row.score is not None]
    return [(p.code, p.name) for p in sorted(ranked, key=lambda p: p.name)]


def province_by_code(results: Results, code: str) -> IndexProvince | None:
    for prov in results.provinces:
        if prov.code == code:
            return prov
    return None


def default_year(results: Results) -> int:
    """The year after the latest results: the year a plan is usually written for."""
    return results.years[-1] + 1


def baseline_year(results: Results, province: IndexProvince, year: int) -> int | None:
    """The latest year before `year` in which the province has an aggregate score."""
    scores = results.values("aggregate")
    p = results.provinces.index(province)
    earlier = [y for i, y in enumerate(results.years) if y < year and not math.isnan(scores[i, p])]
    return earlier[-1] if earlier else None


def first_year(results: Results, province: IndexProvince) -> int | None:
    scores = results.values("aggregate")[:, results.provinces.index(province)]
    years = [y for y, s in zip(results.years, scores, strict=True) if not math.isnan(s)]
    return years[0] if years else None


def ranked_count(results: Results, year: int) -> int:
    scores = results.values("aggregate")[results.years.index(year)]
    return int((~np.isnan(scores)).sum())


def build_page(results: Results, query: TargetQuery, lang: str) -> TargetPage:
    """Run the core for `query` and shape its answer (raises TargetUnavailable)."""
    lang = "en" if lang.lower().startswith("en") else "vi"
    try:
        result = what_it_takes(
            results,
            query.province,
            query.year,
            query.goal,
            draws=query.draws,
            seed=query.seed,
            confidence=query.confidence / 100,
            gain_quantile=GAIN_QUANTILE,
            dimension_tier=query.dimension_tier,
        )
    except TargetError as exc:
        raise TargetUnavailable(_("Không lập được lộ trình: %(reason)s") % {"reason": exc}) from exc
    plan = result.plan
    split = _split(plan.allocation, lang)
    whole = realistic_gain(history(results, "aggregate", result.baseline_year), GAIN_QUANTILE)
    return TargetPage(
        query=query,
        result=result,
        baseline=_baseline(results, query.province, result.baseline_year, lang),
        unit_name=text_in(plan.name, lang),
        goal_text=plan.goal_text.get(lang),
        probability_pct=result.probability * 100,
        odds_sentence=result.odds.sentence().get(lang) if result.odds else "",
        split=split,
        split_gain=sum(r.row.gain for r in split),
        dimensions=tuple(_need(d, lang) for d in result.dimensions),
        caveats=_caveats(result, query, lang, whole),
        aggregate_gain=whole,
        index=results.index.replace("_", " "),
        missing_components=_missing_components(results, query.province, result.baseline_year, lang),
        components_total=len(_leaves(results, result.baseline_year)),
    )


def _leaves(results: Results, year: int) -> list[str]:
    """The units the split is made over (PAPI's sub-dimensions, PCI's components) that year."""
    fw = results.framework
    return [
        u.code
        for u in fw.units
        if fw.depth(u.code) > 0 and fw.is_leaf(u.code) and u.exists_in(year)
    ]


def _missing_components(
    results: Results, province: IndexProvince, year: int, lang: str
) -> tuple[str, ...]:
    missing = []
    for code in _leaves(results, year):
        if results.unit_result(province, year, code) is None:
            missing.append(results.framework.unit(code).name(year, lang))
    return tuple(missing)


def _baseline(results: Results, province: IndexProvince, year: int, lang: str) -> Baseline:
    found = results.unit_result(province, year, "aggregate")
    if found is None:  # the core took the baseline as the latest year with a score
        raise TargetUnavailable(_("Không có điểm năm %(year)s.") % {"year": year})
    label = text_in(found.tier_label, lang, None)
    return Baseline(year, found.score, found.rank, found.of, found.tier, label)


def _split(rows: tuple[AllocationRow, ...], lang: str) -> tuple[SplitRow, ...]:
    widest = max((r.bound for r in rows), default=0.0)
    scale = BAR_WIDTH / widest if widest > 0 else 0.0
    return tuple(
        SplitRow(
            row=r,
            name=text_in(r.name, lang),
            reason=r.reason.get(lang),
            gain_width=round(max(r.gain, 0.0) * scale, 2),
            bound_width=round(max(r.bound, 0.0) * scale, 2),
            at_bound=r.bound > 0 and r.gain >= r.bound - 1e-9,
        )
        for r in rows
    )


def _need(plan: UnitPlan, lang: str) -> UnitNeed:
    return UnitNeed(
        plan=plan,
        name=text_in(plan.name, lang),
        goal_text=plan.goal_text.get(lang),
        met=plan.needed_gain <= 0,
        split=_split(tuple(r for r in plan.allocation if r.gain > 0), lang),
    )


def _caveats(result: TargetResult, query: TargetQuery, lang: str, whole: float) -> tuple[str, ...]:
    notes = [a.get(lang) for a in result.assumptions]
    if result.plan.max_gain > whole:
        notes.append(
            _(
                "Mức tăng tối đa %(most)s điểm là tổng giới hạn của từng nội dung thành phần, như "
                "thể mọi nội dung cùng có năm tăng mạnh nhất. Thực tế, ở %(pct)s%% trường hợp "
                "tỉnh–năm (đến năm %(year)s), chỉ số tổng hợp tăng không quá %(whole)s điểm."
            )
            % {
                "most": fixed(result.plan.max_gain, 2),
                "pct": round(GAIN_QUANTILE * 100),
                "year": result.baseline_year,
                "whole": fixed(whole, 2),
            }
        )
    if query.year > LAST_YEAR_OF_63:
        notes.insert(
            0,
            _(
                "Từ 01/7/2025 cả nước còn 34 tỉnh, thành phố. PAPI %(year)s có thể xếp hạng "
                "theo đơn vị hành chính mới; các ngưỡng ở đây tính trên các tỉnh cũ nên chỉ để "
                "tham khảo."
            )
            % {"year": query.year},
        )
    return tuple(notes)


def goal_of(kind: str, value: Any) -> Goal:
    """The core goal for a form's kind (SCORE, TIER or RANK) and value."""
    if kind == SCORE:
        return Goal(SCORE, score=float(value))
    if kind == TIER:
        return Goal(TIER, tier=str(value))
    return Goal(RANK, rank=int(value))
