"""Core results turned into display rows: numbers formatted for the page's language."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from chiso.index.formatting import fmt_int_change, fmt_number, fmt_rank
from chiso.index.report import UnitResult
from chiso.index.text import text_in


def is_english(lang: str) -> bool:
    return lang.lower().startswith("en")


def trend_class(value: float | None) -> str:
    """CSS class for a change: up (better), down (worse) or nothing."""
    if value is None or round(value, 2) == 0:
        return ""
    return "up" if value > 0 else "down"


@dataclass(frozen=True)
class Figure:
    """One unit's result as shown in tables and key figures."""

    code: str
    name: str
    level: str
    score: str
    rank: str
    tier: str
    tier_label: str
    national_mean: str
    gap: str
    gap_class: str
    change: str
    change_class: str
    rank_change: str
    rank_change_class: str
    rank_unchanged: bool  # same rank as the year compared with: said in words, not "+0 bậc"
    compared_year: int | None
    break_note: str  # the break crossed since the previous year, if any ("" otherwise)
    tier_depends_on_rule: bool  # on a cut-off in a year whose tier rule is not known


def rule_depends_note() -> str:
    """The footnote for a tier marked * (a score exactly on a cut-off, the year's rule unknown)."""
    return _(
        "* Điểm nằm đúng ngưỡng nhóm trong năm chưa rõ quy tắc xếp nhóm: nhóm phụ thuộc quy tắc "
        "(quy tắc A xếp vào nhóm trên, quy tắc B vào nhóm dưới)."
    )


def figure(r: UnitResult, lang: str) -> Figure:
    change = r.change
    rank_change = r.rank_change
    return Figure(
        code=r.unit,
        name=text_in(r.name, lang),
        level=r.level,
        score=fmt_number(r.score, lang),
        rank=fmt_rank(r.rank, r.of),
        tier=r.tier or "",
        tier_label=text_in(r.tier_label, lang),
        national_mean=fmt_number(r.national_mean, lang),
        gap=fmt_number(r.gap_to_mean, lang, sign=True),
        gap_class=trend_class(r.gap_to_mean),
        change=fmt_number(change, lang, sign=True),
        change_class=trend_class(change),
        rank_change=fmt_int_change(rank_change),
        rank_change_class=trend_class(rank_change),
        rank_unchanged=rank_change == 0,
        compared_year=r.previous.year if r.previous else None,
        break_note=" ".join(b.explanation.get(lang) for b in r.breaks),
        tier_depends_on_rule=r.tier_depends_on_rule,
    )


def ranked_count_note(counts: dict[int, tuple[int, int]], index: str = "PAPI") -> str:
    """Why "16/61" and "17/63" sit side by side: `counts` maps a year to (provinces ranked,
    provinces that year); "" when every year ranked them all."""
    short = [(year, ranked, total) for year, (ranked, total) in sorted(counts.items())]
    short = [(year, ranked, total) for year, ranked, total in short if ranked < total]
    if not short:
        return ""
    listed = "; ".join(f"{year}: {ranked}/{total}" for year, ranked, total in short)
    if index != "PAPI":
        return _(
            "Số tỉnh, thành phố có thứ hạng khác nhau giữa các năm: năm nào số liệu %(index)s "
            "đã nhập không có thứ hạng của một tỉnh thì tỉnh đó để trống (%(years)s)."
        ) % {"index": index, "years": listed}
    return _(
        "Số tỉnh, thành phố được xếp hạng khác nhau giữa các năm: năm nào bộ số liệu PAPI không "
        "có đủ điểm của một tỉnh thì tỉnh đó không được xếp hạng (%(years)s)."
    ) % {"years": listed}


def unranked_note(names: list[str]) -> str:
    """The provinces a year's ranking leaves out, by name."""
    if not names:
        return ""
    return _("Không xếp hạng vì thiếu số liệu: %(names)s.") % {"names": ", ".join(names)}


def unit_denominators_note(denominators: set[int]) -> str:
    """Why "3/61" and "6/62" appear in one year: each index ranks the provinces that have it."""
    if len(denominators) < 2:
        return ""
    return _(
        "Mỗi chỉ số xếp hạng trong số các tỉnh, thành phố có điểm của chỉ số đó, nên số sau dấu "
        "“/” có thể khác nhau (%(counts)s)."
    ) % {"counts": ", ".join(str(n) for n in sorted(denominators))}
