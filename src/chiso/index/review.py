"""Did the plan work? For each PAPI unit: the plan's tasks linked to it, how much of that work was
done on time, and the unit's change set against the national change and against the provinces
that started from a similar level.

What this cannot say: one province, no control group, survey error. A change "goes with" the
work (đi cùng với); nothing here says it was caused by it (do).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chiso.index.dataset import FloatArray
from chiso.index.formatting import fmt_number
from chiso.index.provinces import Province
from chiso.index.results import Results
from chiso.index.text import LocalizedText

SIMILAR_LEVEL = 10  # provinces of closest baseline score on the unit


@dataclass(frozen=True)
class TaskWork:
    code: str
    title: str
    kind: str  # what kind of work (the plan section's title)
    units: tuple[str, ...]
    assignments: int
    on_time: int  # completed by their deadline
    late: int  # completed after it


@dataclass(frozen=True)
class PlanWork:
    label: str
    province: str
    year: int
    baseline_year: int
    tasks: tuple[TaskWork, ...]
    illustrative: bool = False


@dataclass(frozen=True)
class UnitReview:
    unit: str
    name: LocalizedText
    level: str
    tasks: tuple[TaskWork, ...]  # linked to the unit or to one of its sub-units
    before: float | None
    after: float | None
    national_change: float | None
    similar_change: float | None  # mean change of the SIMILAR_LEVEL provinces nearest `before`
    unavailable: LocalizedText | None  # why no change is given (a break, a missing score)

    @property
    def assignments(self) -> int:
        return sum(t.assignments for t in self.tasks)

    @property
    def on_time(self) -> int:
        return sum(t.on_time for t in self.tasks)

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None or self.unavailable is not None:
            return None
        return self.after - self.before

    @property
    def versus_similar(self) -> float | None:
        """The change beyond that of similar provinces (positive: did better than them)."""
        if self.change is None or self.similar_change is None:
            return None
        return self.change - self.similar_change

    def sentence(self) -> LocalizedText:
        work = _work_text(self)
        if self.change is None:
            why = self.unavailable or LocalizedText("không có điểm", "no score")
            return LocalizedText(
                f"{work.vi}. Không đánh giá được: {why.vi}.",
                f"{work.en}. Cannot be assessed: {why.en}.",
            )
        change_vi, change_en = _signed(self.change, "vi"), _signed(self.change, "en")
        nat_vi, nat_en = _signed(self.national_change, "vi"), _signed(self.national_change, "en")
        sim_vi, sim_en = _signed(self.similar_change, "vi"), _signed(self.similar_change, "en")
        better = (self.versus_similar or 0) > 0
        verdict = (
            LocalizedText("tốt hơn các tỉnh cùng mức", "better than similar provinces")
            if better
            else LocalizedText(
                "không tốt hơn các tỉnh cùng mức", "no better than similar provinces"
            )
        )
        link = (
            LocalizedText(
                "kết quả này đi cùng với công việc trên", "this result went with the work above"
            )
            if self.tasks
            else LocalizedText(
                "không có công việc nào của kế hoạch đi cùng với kết quả này",
                "no work of the plan went with this result",
            )
        )
        return LocalizedText(
            f"{work.vi}. Điểm thay đổi {change_vi} (cả nước {nat_vi}, các tỉnh cùng mức xuất phát "
            f"{sim_vi}): {verdict.vi}; {link.vi}.",
            f"{work.en}. Score change {change_en} (national {nat_en}, provinces from a similar "
            f"level {sim_en}): {verdict.en}; {link.en}.",
        )


def _work_text(r: UnitReview) -> LocalizedText:
    if not r.tasks:
        return LocalizedText("Không có nhiệm vụ gắn với chỉ số này", "No task linked to this unit")
    return LocalizedText(
        f"{len(r.tasks)} nhiệm vụ, {r.on_time}/{r.assignments} phân công hoàn thành đúng hạn",
        f"{len(r.tasks)} tasks, {r.on_time}/{r.assignments} assignments completed on time",
    )


def _signed(value: float | None, lang: str) -> str:
    return fmt_number(value, lang, sign=True)


@dataclass(frozen=True)
class PlanReview:
    work: PlanWork
    province: Province
    year: int  # the results year the plan is measured by
    baseline_year: int
    units: tuple[UnitReview, ...]  # the aggregate, every dimension, linked sub-dimensions
    caveats: tuple[LocalizedText, ...]


CAVEATS = (
    LocalizedText(
        "Chỉ có một tỉnh và không có nhóm đối chứng: thay đổi của chỉ số đi cùng với các nhiệm "
        "vụ, không chứng minh được nhiệm vụ là nguyên nhân.",
        "One province and no control group: a change goes with the tasks; it cannot be shown "
        "to be caused by them.",
    ),
    LocalizedText(
        "Điểm PAPI là ước lượng từ khảo sát chọn mẫu, có sai số: thay đổi nhỏ (vài phần trăm "
        "điểm) có thể chỉ là sai số.",
        "PAPI scores are sample-survey estimates: a small change (a few hundredths) may be "
        "sampling error.",
    ),
    LocalizedText(
        f"“Các tỉnh cùng mức”: {SIMILAR_LEVEL} tỉnh có điểm năm cơ sở gần điểm của tỉnh nhất "
        "ở từng chỉ số; so với họ để trừ phần thay đổi chung của những tỉnh xuất phát như nhau.",
        f"“Similar provinces”: the {SIMILAR_LEVEL} provinces whose baseline score on each unit "
        "was closest to the province's, to discount the change shared by provinces starting "
        "alike.",
    ),
)


class ReviewError(ValueError):
    """The plan cannot be reviewed against these results (Vietnamese — English)."""


def review_plan(results: Results, work: PlanWork, year: int | None = None) -> PlanReview:
    """Review `work` by the results of `year` (default: the plan's year) against its baseline."""
    year = work.year if year is None else year
    if year not in results.years or work.baseline_year not in results.years:
        raise ReviewError(
            f"Chưa có kết quả năm {year} và năm {work.baseline_year} — "
            f"results for {year} and {work.baseline_year} are not both available"
        )
    province = results.province(work.province, year)
    fw = results.framework
    root = fw.root.code
    linked = {u for t in work.tasks for u in t.units}
    codes = [root, *(d.code for d in fw.children(root, year))]
    for dim in list(codes[1:]):
        codes += [s.code for s in fw.children(dim, year) if s.code in linked]
    units = tuple(_unit(results, work, province, c, year) for c in codes)
    return PlanReview(work, province, year, work.baseline_year, units, CAVEATS)


def _tasks_for(work: PlanWork, code: str, results: Results, year: int) -> tuple[TaskWork, ...]:
    fw = results.framework
    if code == fw.root.code:
        return tuple(t for t in work.tasks if t.units)
    subs = {s.code for s in fw.children(code, year)}
    return tuple(t for t in work.tasks if code in t.units or subs.intersection(t.units))


def _unit(results: Results, work: PlanWork, province: Province, code: str, year: int) -> UnitReview:
    fw = results.framework
    unit = fw.unit(code)
    base = work.baseline_year
    y0, y1 = results.years.index(base), results.years.index(year)
    values = results.values(code)
    p = results.provinces.index(province)
    before, after = _opt(values[y0, p]), _opt(values[y1, p])
    unavailable = None
    if fw.breaks_for(code, base, year) or (
        unit.exists_in(base) and fw.scale_range(code, base) != fw.scale_range(code, year)
    ):
        unavailable = LocalizedText(
            f"PAPI đổi cách đo giữa {base} và {year}",
            f"PAPI changed the measure between {base} and {year}",
        )
    delta = values[y1] - values[y0]
    national = _mean_change(values[y0], values[y1])
    similar = None
    if before is not None:
        others = [
            (abs(values[y0, q] - before), q)
            for q in range(len(results.provinces))
            if q != p and not math.isnan(delta[q])
        ]
        nearest = [q for _, q in sorted(others)[:SIMILAR_LEVEL]]
        similar = float(np.mean(delta[nearest])) if nearest else None
    return UnitReview(
        unit=code,
        name=LocalizedText(unit.name(year, "vi"), unit.name(year, "en")),
        level=unit.level,
        tasks=_tasks_for(work, code, results, year),
        before=before,
        after=after,
        national_change=national,
        similar_change=similar,
        unavailable=unavailable,
    )


def _mean_change(before: FloatArray, after: FloatArray) -> float | None:
    """The change of the national mean (each year's mean over the provinces scored that year)."""
    if np.isnan(before).all() or np.isnan(after).all():
        return None
    return float(np.nanmean(after)) - float(np.nanmean(before))


def _opt(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


@dataclass(frozen=True)
class KindSummary:
    """Across plan years: the units one kind of task named, and how they moved."""

    kind: str
    links: int  # task × named unit × plan year
    measured: int  # of which the unit has a change against similar provinces
    gained: int  # of which the unit did better than similar provinces
    mean_versus_similar: float | None
    years: tuple[int, ...]


def task_kinds(reviews: Sequence[PlanReview]) -> tuple[KindSummary, ...]:
    """Which kinds of tasks went with gains, over several plan years (largest mean first)."""
    found: dict[str, list[tuple[int, float | None]]] = {}
    for review in reviews:
        by_code = {u.unit: u for u in review.units}
        for task in review.work.tasks:
            for code in task.units:
                if code in by_code:
                    found.setdefault(task.kind, []).append(
                        (review.year, by_code[code].versus_similar)
                    )
    out = []
    for kind, rows in found.items():
        measured = [v for _, v in rows if v is not None]
        out.append(
            KindSummary(
                kind=kind,
                links=len(rows),
                measured=len(measured),
                gained=sum(v > 0 for v in measured),
                mean_versus_similar=float(np.mean(measured)) if measured else None,
                years=tuple(sorted({y for y, _ in rows})),
            )
        )
    return tuple(sorted(out, key=lambda k: (-(k.mean_versus_similar or -math.inf), k.kind)))
