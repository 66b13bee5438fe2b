"""Evaluate a plan's objectives against computed results: met, not met or pending.

Each objective gets the actual figure, its target, the gap (positive = better than the target)
and a human sentence in Vietnamese and English ("44,94 / 45,00 — thiếu 0,06 điểm"). Kinds that
look at several units list the failing ones. An increase or improvement at year Y is measured
against the plan's baseline year when Y is the plan's year, else against Y − 1 (so a plan for
2023 with baseline 2022 evaluated on 2022 shows how 2022 itself fared against the same bars).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chiso.index.formatting import fmt_number
from chiso.index.framework import Framework, StructuralBreak
from chiso.index.plan_file import ObjectiveSpec, PlanSpec, validate_plan
from chiso.index.provinces import Province, UnknownProvince
from chiso.index.report import UnitResult
from chiso.index.results import Results
from chiso.index.text import LocalizedText, text_in

MET, NOT_MET, PENDING = "met", "not_met", "pending"
MINUS = "−"  # the sentences write a negative number with the typographic minus


@dataclass(frozen=True)
class UnitStatus:
    """One unit of a multi-unit objective (e.g. a dimension below the required tier)."""

    code: str
    name: LocalizedText
    score: float | None
    tier: str | None
    tier_label: LocalizedText | None
    change: float | None = None  # vs the comparison year, for the "improve" kinds


@dataclass(frozen=True)
class ObjectiveResult:
    spec: ObjectiveSpec
    year: int
    status: str  # MET | NOT_MET | PENDING
    actual: float | str | None  # points, a rank, a count or a tier code depending on the kind
    target: float | str | None
    gap: float | None  # positive = better than the target (points, places, tiers or units)
    summary: LocalizedText  # "44,94 / 45,00 — thiếu 0,06 điểm"
    compared_with: int | None = None  # comparison year for increase/improve kinds
    failing: tuple[UnitStatus, ...] = ()
    caveats: tuple[LocalizedText, ...] = ()

    @property
    def met(self) -> bool:
        return self.status == MET

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.spec.id,
            "kind": self.spec.kind,
            "text": self.spec.text,
            "status": self.status,
            "actual": self.actual,
            "target": self.target,
            "gap": self.gap,
            "detail": {
                "summary": self.summary.vi,
                "summary_en": self.summary.en,
                "compared_with": self.compared_with,
                "failing_units": [_unit_json(u) for u in self.failing],
                "caveats": [{"vi": c.vi, "en": c.en} for c in self.caveats],
            },
        }


def _unit_json(u: UnitStatus) -> dict[str, Any]:
    return {
        "code": u.code,
        "name": u.name.vi,
        "score": u.score,
        "tier": u.tier,
        "tier_label": None if u.tier_label is None else u.tier_label.vi,
        "change": u.change,
    }


def evaluate_objectives(
    plan: PlanSpec, results: Results, year: int | None = None
) -> list[ObjectiveResult]:
    """Evaluate every objective of `plan` on the results of `year` (default: the plan's year)."""
    validate_plan(plan)
    if plan.framework.code != results.index:
        raise ValueError(
            f"Kế hoạch cho {plan.framework.code}, dữ liệu là {results.index} (index mismatch)"
        )
    ctx = _Context(plan, results, plan.year if year is None else year)
    return [ctx.evaluate(spec) for spec in plan.objectives]


# --- number formatting (display only; the figures themselves stay unrounded) ---------------


def _decimals(*values: float) -> int:
    """2 decimals, or 4 when a non-zero difference would otherwise print as 0,00."""
    return 4 if any(0 < abs(v) < 0.005 for v in values) else 2


def _figure(value: float, decimals: int = 2, sign: bool = False) -> LocalizedText:
    """A figure as the sentences write it in each language ("−0,06" / "−0.06")."""
    return LocalizedText(
        fmt_number(value, "vi", decimals, sign, MINUS),
        fmt_number(value, "en", decimals, sign, MINUS),
    )


def _short_or_over(gap: float, unit_vi: str, unit_en: str, d: int) -> LocalizedText:
    if gap < 0:
        return LocalizedText(
            f"thiếu {_figure(-gap, d).vi} {unit_vi}", f"{_figure(-gap, d).en} {unit_en} short"
        )
    if gap > 0:
        return LocalizedText(
            f"vượt {_figure(gap, d).vi} {unit_vi}", f"{_figure(gap, d).en} {unit_en} above"
        )
    return LocalizedText("đạt đúng mức", "exactly on target")


def _join(*parts: LocalizedText, sep: str = " — ") -> LocalizedText:
    return LocalizedText(sep.join(p.vi for p in parts), sep.join(p.en for p in parts))


# --- evaluation ----------------------------------------------------------------------------


class _Pending(Exception):
    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.text = LocalizedText(vi, en)


class _Context:
    def __init__(self, plan: PlanSpec, results: Results, year: int) -> None:
        self.plan, self.results, self.year = plan, results, year
        self.fw: Framework = results.framework
        self.base_year = plan.comparison_year(year)

    def evaluate(self, spec: ObjectiveSpec) -> ObjectiveResult:
        handler = _HANDLERS[spec.kind]
        try:
            return handler(self, spec)
        except _Pending as pending:
            return ObjectiveResult(
                spec, self.year, PENDING, None, _target(spec), None, pending.text
            )

    # lookups that turn missing data into a pending status
    def province(self, year: int) -> Province:
        if year not in self.results.years:
            raise _Pending(f"chưa có kết quả năm {year}", f"no {year} results yet")
        try:
            return self.results.province(self.plan.province, year)
        except UnknownProvince:
            raise _Pending(
                f"không có dữ liệu của {self.plan.province}", f"no data for {self.plan.province}"
            ) from None

    def unit(self, code: str, year: int) -> UnitResult:
        province = self.province(year)
        if not self.fw.unit(code).exists_in(year):
            raise _Pending(
                f"chỉ số {code} không có trong năm {year}", f"unit {code} does not exist in {year}"
            )
        found = self.results.unit_result(province, year, code)
        if found is None:
            raise _Pending(
                f"{province.name} không có điểm {self._label(code).vi} năm {year}",
                f"{province.name_en} has no {self._label(code).en} score in {year}",
            )
        return found

    def dimensions(self, year: int) -> list[UnitResult]:
        self.province(year)
        return [self.unit(u.code, year) for u in self.fw.children(self.fw.root.code, year)]

    def caveats(self, codes: list[str]) -> tuple[LocalizedText, ...]:
        found: list[StructuralBreak] = []
        for code in codes:
            for brk in self.fw.breaks_for(code, self.base_year, self.year):
                if brk not in found:
                    found.append(brk)
        return tuple(b.explanation for b in found)

    def rank(self, r: UnitResult) -> int:
        """The result's rank, or pending when the data give none (a partial field)."""
        if r.rank is None:
            raise _Pending(
                f"{r.province.name} chưa có thứ hạng năm {r.year} (dữ liệu chưa đủ cả nước)",
                f"{r.province.name_en} has no {r.year} rank (the data do not cover the field)",
            )
        return r.rank

    def tier_of(self, r: UnitResult) -> int:
        """The result's tier index, or pending when the data give no group."""
        if r.tier is None:
            raise _Pending(
                f"{r.province.name} chưa có nhóm năm {r.year}",
                f"{r.province.name_en} has no {r.year} group",
            )
        return self.tier_index(r.tier)

    def tier_index(self, code: str) -> int:
        return [t.code for t in self.fw.tiers].index(code)

    def tier_label(self, code: str) -> LocalizedText:
        return self.fw.tier(code).label

    def _label(self, code: str) -> LocalizedText:
        if code == self.fw.root.code:
            return LocalizedText("tổng hợp", "aggregate")
        return LocalizedText(code, code)


def _target(spec: ObjectiveSpec) -> float | str | None:
    if spec.kind in ("dimensions_tier_min_count",):
        return spec.count
    return spec.tier if spec.tier is not None else spec.value


def _status(ok: bool) -> str:
    return MET if ok else NOT_MET


def _unit_status(r: UnitResult, change: float | None = None) -> UnitStatus:
    return UnitStatus(r.unit, r.name, r.score, r.tier, r.tier_label, change)


def _code(ctx: _Context, spec: ObjectiveSpec) -> str:
    return spec.unit if spec.unit is not None else ctx.fw.root.code


def _score_min(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    assert spec.value is not None
    r = ctx.unit(_code(ctx, spec), ctx.year)
    gap = r.score - spec.value
    d = _decimals(gap)
    score, value = _figure(r.score, d), _figure(spec.value, d)
    head = LocalizedText(f"{score.vi} / {value.vi}", f"{score.en} / {value.en}")
    summary = _join(head, _short_or_over(gap, "điểm", "points", d))
    return ObjectiveResult(spec, ctx.year, _status(gap >= 0), r.score, spec.value, gap, summary)


def _increase_min(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    assert spec.value is not None
    code = _code(ctx, spec)
    now, before = ctx.unit(code, ctx.year), ctx.unit(code, ctx.base_year)
    change = now.score - before.score
    gap = change - spec.value
    d = _decimals(gap, change)
    moved, wanted = _figure(change, d, True), _figure(spec.value, d, True)
    was, is_ = _figure(before.score, d), _figure(now.score, d)
    head = LocalizedText(
        f"thay đổi {moved.vi} / {wanted.vi} điểm ({was.vi} → {is_.vi})",
        f"change {moved.en} / {wanted.en} points ({was.en} → {is_.en})",
    )
    summary = _join(head, _short_or_over(gap, "điểm", "points", d))
    return ObjectiveResult(
        spec,
        ctx.year,
        _status(gap >= 0),
        change,
        spec.value,
        gap,
        summary,
        ctx.base_year,
        caveats=ctx.caveats([code]),
    )


def _tier_min(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    assert spec.tier is not None
    code = _code(ctx, spec)
    r = ctx.unit(code, ctx.year)
    wanted = ctx.tier_index(spec.tier)
    ok = ctx.tier_of(r) <= wanted
    label = ctx.tier_label(spec.tier)
    head = LocalizedText(
        f"{text_in(r.tier_label, 'vi', '—')} / {label.vi} trở lên",
        f"{text_in(r.tier_label, 'en', '—')} / {label.en} or better",
    )
    parts = [head]
    if wanted < len(ctx.fw.tiers) - 1:
        # The cut-off that opens the wanted tier: percentiles ascend, tiers run best first.
        cut = ctx.results.cutoffs(ctx.year, code).values[len(ctx.fw.tiers) - 2 - wanted]
        if cut is not None:
            gap = r.score - cut
            strict = not ctx.fw.tier_rule(ctx.year).inclusive
            parts.append(_versus_cutoff(gap, cut, strict, ctx.year))
            return ObjectiveResult(
                spec, ctx.year, _status(ok), r.tier, spec.tier, gap, _join(*parts)
            )
    return ObjectiveResult(spec, ctx.year, _status(ok), r.tier, spec.tier, None, _join(*parts))


def _versus_cutoff(gap: float, cut: float, strict: bool, year: int) -> LocalizedText:
    d = _decimals(gap)
    c, g = _figure(cut, d), _figure(abs(gap), d)
    if gap > 0:
        return LocalizedText(
            f"cao hơn ngưỡng {c.vi} là {g.vi} điểm", f"{g.en} points above the {c.en} cut-off"
        )
    if gap < 0:
        return LocalizedText(
            f"thiếu {g.vi} điểm so với ngưỡng {c.vi}", f"{g.en} points short of the {c.en} cut-off"
        )
    if strict:
        return LocalizedText(
            f"đúng bằng ngưỡng {c.vi} (năm {year} phải cao hơn ngưỡng)",
            f"exactly on the {c.en} cut-off ({year} requires a score above it)",
        )
    return LocalizedText(f"đúng bằng ngưỡng {c.vi}", f"exactly on the {c.en} cut-off")


def _rank_max(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    assert spec.value is not None
    r = ctx.unit(ctx.fw.root.code, ctx.year)
    target = int(spec.value)
    gap = float(target - ctx.rank(r))
    head = LocalizedText(
        f"hạng {r.rank}/{r.of} / tối đa {target}", f"rank {r.rank}/{r.of} / at most {target}"
    )
    summary = _join(head, _places(gap))
    return ObjectiveResult(spec, ctx.year, _status(gap >= 0), r.rank, target, gap, summary)


def _places(gap: float) -> LocalizedText:
    n = int(abs(gap))
    if gap > 0:
        return LocalizedText(f"hơn {n} bậc", f"{n} places better")
    if gap < 0:
        return LocalizedText(f"thiếu {n} bậc", f"{n} places short")
    return LocalizedText("đạt đúng mức", "exactly on target")


def _rank_improves(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    code = ctx.fw.root.code
    now, before = ctx.unit(code, ctx.year), ctx.unit(code, ctx.base_year)
    moved = float(ctx.rank(before) - ctx.rank(now))
    head = LocalizedText(
        f"hạng {before.rank}/{before.of} → {now.rank}/{now.of}",
        f"rank {before.rank}/{before.of} → {now.rank}/{now.of}",
    )
    if moved > 0:
        tail = LocalizedText(f"tăng {int(moved)} bậc", f"up {int(moved)} places")
    elif moved < 0:
        tail = LocalizedText(f"giảm {int(-moved)} bậc", f"down {int(-moved)} places")
    else:
        tail = LocalizedText("giữ nguyên thứ hạng", "same rank")
    return ObjectiveResult(
        spec,
        ctx.year,
        _status(moved > 0),
        now.rank,
        before.rank,
        moved,
        _join(head, tail),
        ctx.base_year,
        caveats=ctx.caveats([code]),
    )


def _dimension_tiers(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    assert spec.tier is not None
    dims = ctx.dimensions(ctx.year)
    wanted = ctx.tier_index(spec.tier)
    good = [r for r in dims if ctx.tier_of(r) <= wanted]
    failing = tuple(_unit_status(r) for r in dims if ctx.tier_of(r) > wanted)
    need = len(dims) if spec.kind == "dimensions_tier_min_all" else int(spec.count or 0)
    gap = float(len(good) - need)
    label = ctx.tier_label(spec.tier)
    head = LocalizedText(
        f"{len(good)}/{len(dims)} chỉ số nội dung đạt nhóm {label.vi} trở lên (cần {need})",
        f"{len(good)}/{len(dims)} dimensions at {label.en} or better (needed {need})",
    )
    parts = [head]
    if failing:
        parts.append(
            LocalizedText(
                "chưa đạt: "
                + ", ".join(f"{u.code} ({text_in(u.tier_label, 'vi', '—')})" for u in failing),
                "below: "
                + ", ".join(f"{u.code} ({text_in(u.tier_label, 'en', '—')})" for u in failing),
            )
        )
    return ObjectiveResult(
        spec,
        ctx.year,
        _status(gap >= 0),
        float(len(good)),
        float(need),
        gap,
        _join(*parts),
        failing=failing,
    )


def _all_improve(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    now = ctx.dimensions(ctx.year)
    before = {r.unit: r for r in ctx.dimensions(ctx.base_year)}
    changes = [(r, r.score - before[r.unit].score) for r in now if r.unit in before]
    new_units = [r.unit for r in now if r.unit not in before]
    failing = tuple(_unit_status(r, c) for r, c in changes if c <= 0)
    improved = len(changes) - len(failing)
    gap = float(improved - len(now))
    head = LocalizedText(
        f"{improved}/{len(now)} chỉ số nội dung tăng điểm so với {ctx.base_year}",
        f"{improved}/{len(now)} dimensions improved on {ctx.base_year}",
    )
    parts = [head]
    if failing:
        listing = [(u.code, u.change or 0.0) for u in failing]
        parts.append(
            LocalizedText(
                "không tăng: "
                + ", ".join(f"{c} ({_figure(v, _decimals(v), True).vi})" for c, v in listing),
                "not improved: "
                + ", ".join(f"{c} ({_figure(v, _decimals(v), True).en})" for c, v in listing),
            )
        )
    if new_units:
        parts.append(
            LocalizedText(
                f"chưa có năm {ctx.base_year}: {', '.join(new_units)}",
                f"absent in {ctx.base_year}: {', '.join(new_units)}",
            )
        )
    ok = not failing and not new_units
    return ObjectiveResult(
        spec,
        ctx.year,
        _status(ok),
        float(improved),
        float(len(now)),
        gap,
        _join(*parts),
        ctx.base_year,
        failing=failing,
        caveats=ctx.caveats([r.unit for r in now]),
    )


def _unit_improves(ctx: _Context, spec: ObjectiveSpec) -> ObjectiveResult:
    code = _code(ctx, spec)
    now, before = ctx.unit(code, ctx.year), ctx.unit(code, ctx.base_year)
    change = now.score - before.score
    d = _decimals(change)
    was, is_, moved = _figure(before.score, d), _figure(now.score, d), _figure(change, d, True)
    summary = LocalizedText(
        f"{code}: {was.vi} → {is_.vi} ({moved.vi} điểm)",
        f"{code}: {was.en} → {is_.en} ({moved.en} points)",
    )
    failing = () if change > 0 else (_unit_status(now, change),)
    return ObjectiveResult(
        spec,
        ctx.year,
        _status(change > 0),
        change,
        0.0,
        change,
        summary,
        ctx.base_year,
        failing=failing,
        caveats=ctx.caveats([code]),
    )


_HANDLERS = {
    "aggregate_score_min": _score_min,
    "aggregate_increase_min": _increase_min,
    "aggregate_tier_min": _tier_min,
    "aggregate_rank_max": _rank_max,
    "aggregate_rank_improves": _rank_improves,
    "dimensions_tier_min_all": _dimension_tiers,
    "dimensions_tier_min_count": _dimension_tiers,
    "dimensions_all_improve": _all_improve,
    "unit_score_min": _score_min,
    "unit_tier_min": _tier_min,
    "unit_improves": _unit_improves,
}
