"""The review pages as data: numbers formatted for the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from chiso.index.formatting import fmt_number
from chiso.index.review import KindSummary, PlanReview, UnitReview
from chiso.public.figures import trend_class


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    level: str
    tasks: int
    work: str  # "on time / assignments"
    before: str
    after: str
    change: str
    change_class: str
    national: str
    similar: str
    versus: str
    versus_class: str
    sentence: str
    task_titles: tuple[str, ...]


@dataclass(frozen=True)
class KindRow:
    kind: str
    links: int
    gained: str  # "gained / measured"
    mean: str
    mean_class: str
    years: str


def _n(value: float | None, lang: str, sign: bool = True) -> str:
    return fmt_number(value, lang, sign=sign)


def unit_row(u: UnitReview, lang: str) -> UnitRow:
    english = lang.startswith("en")
    return UnitRow(
        code=u.unit,
        name=u.name.get(lang),
        level=u.level,
        tasks=len(u.tasks),
        work=f"{u.on_time}/{u.assignments}" if u.tasks else "—",
        before=_n(u.before, lang, sign=False),
        after=_n(u.after, lang, sign=False),
        change=_n(u.change, lang),
        change_class=trend_class(u.change),
        national=_n(u.national_change, lang),
        similar=_n(u.similar_change, lang),
        versus=_n(u.versus_similar, lang),
        versus_class=trend_class(u.versus_similar),
        sentence=u.sentence().en if english else u.sentence().vi,
        task_titles=tuple(f"{t.code} {t.title}".strip() for t in u.tasks),
    )


def unit_rows(review: PlanReview, lang: str) -> tuple[UnitRow, ...]:
    return tuple(unit_row(u, lang) for u in review.units)


def kind_rows(kinds: tuple[KindSummary, ...], lang: str) -> tuple[KindRow, ...]:
    return tuple(
        KindRow(
            kind=k.kind,
            links=k.links,
            gained=f"{k.gained}/{k.measured}",
            mean=_n(k.mean_versus_similar, lang),
            mean_class=trend_class(k.mean_versus_similar),
            years=", ".join(str(y) for y in k.years),
        )
        for k in kinds
    )


def plan_figures(review: PlanReview | None, lang: str) -> tuple[str, str, str, str]:
    """The aggregate's change and its change beyond similar provinces, with their CSS classes."""
    if review is None:
        return ("", "", "", "")
    agg = review.units[0]
    return (
        _n(agg.change, lang),
        trend_class(agg.change),
        _n(agg.versus_similar, lang),
        trend_class(agg.versus_similar),
    )
