"""The analysis report's plan-review section: did the year's plan go with the changes, and over
the plan years so far, which kinds of tasks went with gains (wording: "đi cùng với", never a
cause)."""

from __future__ import annotations

from chiso.documents.decree30 import OfficialDocument
from chiso.documents.phrases import plan_subject, signed
from chiso.index.results import Results
from chiso.index.review import PlanReview, PlanWork, ReviewError, review_plan, task_kinds


def _reviews(results: Results, plans: tuple[PlanWork, ...], upto: int) -> list[PlanReview]:
    found = []
    for work in plans:
        if work.year > upto:
            continue
        try:
            found.append(review_plan(results, work))
        except ReviewError:
            continue
    return found


def review_section(
    doc: OfficialDocument, results: Results, plans: tuple[PlanWork, ...], year: int, number: str
) -> None:
    reviews = _reviews(results, plans, year)
    current = [r for r in reviews if r.year == year]
    if not current:
        return
    doc.heading(f"{number}. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM {year} VÀ THAY ĐỔI CỦA CHỈ SỐ")
    for review in current:
        # The plan's name introduces its table and stays on the same page as it.
        doc.caption(f"{_plan_name(review.work.label)}:")
        rows = [
            [
                "Tổng hợp" if u.level == "aggregate" else u.unit,
                str(len(u.tasks)),
                f"{u.on_time}/{u.assignments}" if u.tasks else "—",
                signed(u.change),
                signed(u.national_change),
                signed(u.similar_change),
            ]
            for u in review.units
            if u.level != "subdimension"
        ]
        doc.table(
            ["Chỉ số", "Nhiệm vụ", "Đúng hạn", "Thay đổi", "Cả nước", "Tỉnh cùng mức"],
            rows,
            (26, 24, 26, 28, 28, 32),
            numeric=(1, 2, 3, 4, 5),
            size=11,
        )
        doc.bullets([u.sentence().vi for u in review.units if u.level == "aggregate"])
    kinds = task_kinds(reviews)
    if len({r.year for r in reviews}) > 1 and kinds:
        doc.caption(
            "Qua các năm kế hoạch, chênh lệch trung bình (thay đổi của chỉ số được nhiệm vụ gắn "
            "tới, trừ thay đổi của các tỉnh cùng mức xuất phát) theo loại nhiệm vụ:"
        )
        doc.bullets(
            [
                f"{k.kind}: {signed(k.mean_versus_similar)} ({k.gained}/{k.measured} lượt tốt hơn "
                f"các tỉnh cùng mức; năm {', '.join(str(y) for y in k.years)})"
                for k in kinds
            ]
        )
    doc.bullets([c.vi for c in current[0].caveats])


def _plan_name(label: str) -> str:
    """ "7305/KH-UBND — Kế hoạch cải thiện …" → "Kế hoạch số 7305/KH-UBND (cải thiện …)"."""
    number, _dash, title = label.partition(" — ")
    return f"Kế hoạch số {number} ({plan_subject(title)})" if title else label
