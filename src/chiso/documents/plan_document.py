"""The plan itself as a DOCX in the Decree 30 layout ("KẾ HOẠCH …"): opening from the baseline
results, objectives, the task framework section by section, and the implementation clauses — so a
new year's plan drafted in chiso can be signed and issued as a document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chiso.documents.decree30 import OfficialDocument
from chiso.documents.letterhead import Letterhead, Progress, no_progress
from chiso.documents.phrases import aggregate_sentence, day, province_label, short_kind
from chiso.index.provinces import UnknownProvince, match_province
from chiso.index.report import UnitResult
from chiso.plans.models import Assignment, Plan, Relation, Task

NO_SECTION = "Nhiệm vụ khác"


def province_kind(name: str) -> str:
    """tỉnh or "thành phố" (centrally governed city), from the core's province list."""
    try:
        return short_kind(match_province(name).kind)
    except UnknownProvince:
        return "tỉnh"


@dataclass(frozen=True)
class TaskLine:
    code: str
    title: str
    units: str
    lead: str
    coordinate: str
    deadline: str


@dataclass(frozen=True)
class SectionLines:
    title: str
    tasks: tuple[TaskLine, ...]


@dataclass(frozen=True)
class PlanOutline:
    title: str
    year: int
    province: str
    province_kind: str
    report_due: dt.date | None
    objectives: tuple[str, ...]
    sections: tuple[SectionLines, ...]


def _names(assignments: list[Assignment]) -> str:
    """Agency names, a group written once by its name ("UBND các huyện, thị xã, thành phố")."""
    seen: list[str] = []
    for a in assignments:
        name = a.via_group.name if a.via_group_id else a.agency.name
        if a.relation == Relation.REQUEST:
            name = f"Đề nghị {name}"
        if name not in seen:
            seen.append(name)
    return "; ".join(seen)


def _task_line(task: Task) -> TaskLine:
    assignments = list(task.assignments.all())
    lead = [a for a in assignments if a.relation != Relation.COORDINATE]
    coordinate = [a for a in assignments if a.relation == Relation.COORDINATE]
    deadline = day(task.deadline) if task.deadline else "Thường xuyên" if task.recurring else "—"
    return TaskLine(
        code=task.code,
        title=task.title,
        units=", ".join(u.unit_code for u in task.units.all()),
        lead=_names(lead) or "—",
        coordinate=_names(coordinate) or "—",
        deadline=deadline,
    )


def plan_outline(plan: Plan) -> PlanOutline:
    tasks = (
        plan.tasks.select_related("section")
        .prefetch_related("units", "assignments__agency", "assignments__via_group")
        .order_by("section__order", "section__id", "order", "id")
    )
    grouped: dict[str, list[TaskLine]] = {}
    for section in plan.sections.all():
        grouped[f"{section.code}. {section.title}"] = []
    for task in tasks:
        key = f"{task.section.code}. {task.section.title}" if task.section else NO_SECTION
        grouped.setdefault(key, []).append(_task_line(task))
    return PlanOutline(
        title=plan.title,
        year=plan.year,
        province=plan.province.name,
        province_kind=province_kind(plan.province.name),
        report_due=plan.report_due,
        objectives=tuple(o.text for o in plan.objectives.all()),
        sections=tuple(SectionLines(k, tuple(v)) for k, v in grouped.items() if v),
    )


def build_plan_document(
    outline: PlanOutline,
    letterhead: Letterhead,
    baseline: UnitResult | None,
    progress: Progress = no_progress,
) -> bytes:
    doc = OfficialDocument(letterhead.head("KH", "KẾ HOẠCH", outline.title))
    doc.header()
    label = province_label(outline.province, outline.province_kind)
    if baseline is not None:
        doc.para(aggregate_sentence(baseline, label))
    doc.para(
        f"Để từng bước nâng cao điểm số và xếp hạng Chỉ số PAPI của {label} trong năm "
        f"{outline.year} và các năm tiếp theo, {letterhead.body.label or 'UBND tỉnh'} ban hành "
        f"Kế hoạch {outline.title[:1].lower() + outline.title[1:]} như sau:"
    )
    progress(30, "Mục tiêu")
    doc.heading("I. MỤC TIÊU")
    if outline.objectives:
        doc.bullets(outline.objectives)
    else:
        doc.para("(Chưa có mục tiêu.)")
    progress(50, "Nhiệm vụ, giải pháp")
    doc.heading("II. NHIỆM VỤ, GIẢI PHÁP VÀ TRÁCH NHIỆM THỰC HIỆN")
    for section in outline.sections:
        doc.heading(section.title, 2)
        rows = [
            [
                t.code or str(i),
                t.title + (f" (Chỉ số: {t.units})" if t.units else ""),
                t.lead,
                t.coordinate,
                t.deadline,
            ]
            for i, t in enumerate(section.tasks, start=1)
        ]
        doc.table(
            ["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
            rows,
            (11, 67, 32, 32, 23),
            size=11,
        )
    progress(80, "Tổ chức thực hiện")
    doc.heading("III. TỔ CHỨC THỰC HIỆN")
    due = f" chậm nhất ngày {day(outline.report_due)}" if outline.report_due else ""
    doc.para(
        "1. Các cơ quan, đơn vị, địa phương được giao nhiệm vụ tại Phần II Kế hoạch này khẩn "
        "trương tổ chức thực hiện, cập nhật tiến độ và báo cáo kết quả về UBND tỉnh (thông qua "
        f"Sở Nội vụ){due}."
    )
    doc.para(
        "2. Giao Sở Nội vụ theo dõi, tổng hợp và báo cáo UBND tỉnh kết quả triển khai Kế hoạch; "
        "kịp thời tham mưu chỉ đạo xử lý các khó khăn, vướng mắc (nếu có)."
    )
    doc.para(f"Trên đây là Kế hoạch {outline.title[:1].lower() + outline.title[1:]}./.")
    doc.closing()
    progress(85, "Lưu tệp")
    return doc.to_bytes()
