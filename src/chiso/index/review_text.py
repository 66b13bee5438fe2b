"""A plan review as text (the `chiso review-plan` table) and as JSON."""

from __future__ import annotations

from typing import Any

from chiso.index.formatting import fmt_number, render_table
from chiso.index.review import PlanReview, UnitReview
from chiso.index.text import LocalizedText, labels_in, text_in

# the table's columns, in order
_COLUMNS: dict[str, LocalizedText] = {
    "code": LocalizedText("Mã", "Code"),
    "unit": LocalizedText("Chỉ số", "Unit"),
    "tasks": LocalizedText("NV", "Tasks"),
    "on_time": LocalizedText("Đúng hạn", "On time"),
    "change": LocalizedText("Thay đổi", "Change"),
    "national": LocalizedText("Cả nước", "National"),
    "similar": LocalizedText("Tỉnh cùng mức", "Similar"),
    "versus": LocalizedText("Chênh lệch", "Versus"),
}
_WORDS: dict[str, LocalizedText] = {
    "title": LocalizedText(
        "{plan} — {province}: PAPI {year} so với {base}",
        "{plan} — {province}: PAPI {year} against {base}",
    ),
    "notes": LocalizedText("Lưu ý", "Caveats"),
}


def _row(u: UnitReview, lang: str) -> list[str]:
    name = u.name.get(lang)
    return [
        u.unit,
        name if len(name) <= 44 else name[:43] + "…",
        str(len(u.tasks)),
        f"{u.on_time}/{u.assignments}" if u.tasks else "—",
        fmt_number(u.change, lang, sign=True),
        fmt_number(u.national_change, lang, sign=True),
        fmt_number(u.similar_change, lang, sign=True),
        fmt_number(u.versus_similar, lang, sign=True),
    ]


def review_table(review: PlanReview, lang: str = "vi") -> str:
    words = labels_in(_WORDS, lang)
    title = words["title"].format(
        plan=review.work.label,
        province=review.province.display(),
        year=review.year,
        base=review.baseline_year,
    )
    header = list(labels_in(_COLUMNS, lang).values())
    lines = [title, render_table(header, [_row(u, lang) for u in review.units]), ""]
    lines += [
        f"- {u.unit}: {u.sentence().get(lang)}" for u in review.units if u.level != "subdimension"
    ]
    lines += ["", words["notes"], *(f"- {text_in(c, lang)}" for c in review.caveats)]
    return "\n".join(lines)


def review_json(review: PlanReview, lang: str = "vi") -> dict[str, Any]:
    return {
        "plan": review.work.label,
        "province": {"name": review.province.name, "code": review.province.code},
        "year": review.year,
        "baseline_year": review.baseline_year,
        "units": [
            {
                "unit": u.unit,
                "name": u.name.get(lang),
                "level": u.level,
                "tasks": [t.code for t in u.tasks],
                "assignments": u.assignments,
                "on_time": u.on_time,
                "before": u.before,
                "after": u.after,
                "change": u.change,
                "national_change": u.national_change,
                "similar_change": u.similar_change,
                "versus_similar": u.versus_similar,
                "sentence": u.sentence().get(lang),
            }
            for u in review.units
        ],
        "caveats": [c.get(lang) for c in review.caveats],
    }
