"""Báo cáo kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số PAPI năm YYYY (or the plan's
index: PCI, PAR INDEX, SIPAS).

Content: the latest published index results and their changes, the plan's objectives with their
status and gaps, progress by section and by agency (with a chart), overdue assignments and
returned reports. The full list of assignments goes to the Excel annex (`annex.py`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chiso.activities.summary import InspectionSummary
from chiso.documents import charts
from chiso.documents.decree30 import OfficialDocument
from chiso.documents.letterhead import Letterhead, Progress, no_progress
from chiso.documents.phrases import (
    day,
    num,
    percent,
    plan_subject,
    province_label,
)
from chiso.documents.plan_progress import STATUS_ORDER, PlanProgress, StatusCounts
from chiso.documents.report_indices import IndexSection
from chiso.documents.report_objectives import ReportObjective
from chiso.documents.results_sections import index_results
from chiso.index.objectives import MET, NOT_MET
from chiso.plans.status import Status
from chiso.plans.units import index_name

VERDICT = {MET: "Đạt", NOT_MET: "Chưa đạt"}
PENDING_WORDS = "Chưa có kết quả"
LIST_LIMIT = 40  # longer lists of overdue/returned items are left to the annex


@dataclass(frozen=True)
class PlanFacts:
    number: str
    title: str
    issued_on: dt.date | None
    year: int
    province: str
    province_kind: str  # "tỉnh" | "thành phố"
    report_due: dt.date | None
    index: str = "PAPI"  # the plan's own index


@dataclass(frozen=True)
class ResultsReportInput:
    plan: PlanFacts
    sections: tuple[IndexSection, ...]  # the plan's index, then its objectives' other ones
    objectives: tuple[ReportObjective, ...]  # each on its own index (report_objectives)
    progress: PlanProgress
    inspections: InspectionSummary | None = None  # None: no inspection recorded for the plan


def build_results_report(
    data: ResultsReportInput, letterhead: Letterhead, progress: Progress = no_progress
) -> bytes:
    plan = data.plan
    name = index_name(plan.index)
    summary = f"Kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số {name} năm {plan.year}"
    doc = OfficialDocument(letterhead.head("BC", "BÁO CÁO", summary))
    doc.header()
    issued = f" ngày {day(plan.issued_on)}" if plan.issued_on else ""
    doc.para(
        f"Thực hiện Kế hoạch số {plan.number}{issued} về {plan_subject(plan.title)}, "
        f"trên cơ sở báo cáo của các cơ quan, đơn vị, địa phương (số liệu đến ngày "
        f"{day(data.progress.today)}), {letterhead.body.label} báo cáo kết quả "
        "thực hiện như sau:"
    )
    progress(15, "Kết quả chỉ số")
    figure = index_results(doc, data.sections, plan.province, plan.province_kind)
    progress(35, "Mục tiêu")
    _objectives(doc, data)
    progress(55, "Tiến độ nhiệm vụ")
    _progress(doc, data.progress, figure)
    progress(75, "Nhiệm vụ quá hạn, báo cáo bị trả lại")
    _late_and_returned(doc, data.progress)
    _inspections(doc, data.inspections)
    _conclusion(doc, data, letterhead.body.label)
    doc.closing()
    progress(85, "Lưu tệp")
    return doc.to_bytes()


@dataclass(frozen=True)
class ObjectivesTable:
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]


OBJECTIVE_WIDTHS = (10, 68, 62, 25)


def objectives_table(
    objectives: tuple[ReportObjective, ...], plan_year: int, province_kind: str, index: str = "PAPI"
) -> ObjectivesTable | None:
    """The objectives part of a report: "chưa có kết quả" with the latest published year for
    reference before the plan's own year is out, evaluated once it is. Each objective is judged
    on its own index, named after its text when it is not the plan's ("[PCI]"); one whose index
    has no result, or only an earlier year, stays "chưa có kết quả"."""
    results = [o.result for o in objectives if o.result is not None]
    if not results:
        return None
    year = max(r.year for r in results)
    if year < plan_year:
        # The plan's own year is not published yet: no objective is met or missed. Where the
        # province stood on the latest published year is shown for reference only.
        caption = (
            f"Kết quả Chỉ số {index_name(index)} năm {plan_year} chưa được công bố nên các "
            f"mục tiêu chưa có kết quả. Bảng dưới đây ghi vị trí của {province_kind} theo kết "
            f"quả năm {year} (công bố gần nhất) để thấy khoảng cách cần thu hẹp:"
        )
        header = ("TT", "Mục tiêu", f"Năm {year} (tham khảo)", "Đánh giá")
    else:
        met = sum(1 for r in results if r.status == MET)
        caption = f"Có {met}/{len(objectives)} mục tiêu đạt theo kết quả năm {year}:"
        header = ("TT", "Mục tiêu", "Kết quả, khoảng cách", "Đánh giá")
    rows = tuple(_objective_row(o, year, plan_year) for o in objectives)
    notes = tuple(sorted({f"Lưu ý: {c.vi}" for r in results for c in r.caveats}))
    return ObjectivesTable(caption, header, rows, notes)


def _objective_text(o: ReportObjective) -> str:
    return f"{o.text} [{o.other_index}]" if o.other_index else o.text


def _objective_row(o: ReportObjective, year: int, plan_year: int) -> tuple[str, ...]:
    text = _objective_text(o)
    r = o.result
    if r is None:
        missing = f"Chưa có kết quả {o.other_index}" if o.other_index else PENDING_WORDS
        return (o.code, text, missing, PENDING_WORDS)
    summary = r.summary.vi if r.year == year else f"Năm {r.year} (tham khảo): {r.summary.vi}"
    verdict = VERDICT.get(r.status, PENDING_WORDS) if r.year >= plan_year else PENDING_WORDS
    return (o.code, text, summary, verdict)


def _objectives(doc: OfficialDocument, data: ResultsReportInput) -> None:
    doc.heading("II. KẾT QUẢ THỰC HIỆN MỤC TIÊU")
    plan = data.plan
    table = objectives_table(data.objectives, plan.year, plan.province_kind, plan.index)
    if table is None:
        doc.para("Kế hoạch chưa có mục tiêu được lượng hóa.")
        return
    doc.caption(table.caption)
    doc.table(table.header, table.rows, OBJECTIVE_WIDTHS, size=11)
    for note in table.notes:
        doc.para(note, italic=True)


def _status_table(
    doc: OfficialDocument, first: str, items: tuple[StatusCounts, ...], overall: StatusCounts
) -> None:
    header = [
        first,
        "Số lượt",
        "Hoàn thành",
        "Đang thực hiện",
        "Chưa thực hiện",
        "Quá hạn",
        "Tiến độ TB",
    ]
    rows = []
    for item in (*items, overall):
        rows.append(
            [
                item.label,
                str(item.total),
                str(item.done),
                str(item.count(Status.IN_PROGRESS)),
                str(item.count(Status.NOT_STARTED)),
                str(item.count(Status.OVERDUE)),
                f"{num(item.mean_progress, 0)}%",
            ]
        )
    doc.table(header, rows, (55, 16, 20, 20, 20, 16, 18), numeric=(1, 2, 3, 4, 5, 6), size=11)


def _progress(doc: OfficialDocument, p: PlanProgress, figure: int = 2) -> None:
    doc.heading("III. TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ")
    o = p.overall
    doc.para(
        f"Kế hoạch có {p.tasks} nhiệm vụ với {o.total} lượt phân công cho các cơ quan, đơn vị, "
        f"địa phương. Đến ngày {day(p.today)}: hoàn thành {o.done} lượt "
        f"({percent(o.done, o.total)}, trong đó {o.count(Status.DONE_LATE)} lượt hoàn thành quá "
        f"hạn); đang thực hiện {o.count(Status.IN_PROGRESS)}; chưa thực hiện "
        f"{o.count(Status.NOT_STARTED)}; quá hạn chưa hoàn thành {o.count(Status.OVERDUE)} lượt. "
        f"Tiến độ bình quân {num(o.mean_progress, 0)}%."
    )
    if o.total == 0:
        return
    doc.heading("1. Theo nội dung kế hoạch", 2)
    doc.caption("Tình hình thực hiện theo từng mục của kế hoạch (số lượt phân công):")
    _status_table(doc, "Mục", p.by_section, o)
    order = [(s.value, str(s.label)) for s in STATUS_ORDER]
    png = charts.stacked_status(
        [charts.StackedRow(c.label, c.by_status) for c in p.by_section], order
    )
    doc.picture(png, 155, f"Biểu đồ {figure}. Tình hình thực hiện theo từng mục của kế hoạch")
    doc.heading("2. Theo cơ quan, đơn vị, địa phương", 2)
    doc.caption(
        "Tình hình thực hiện của từng cơ quan, đơn vị, địa phương (cơ quan có nhiều "
        "nhiệm vụ quá hạn xếp trước):"
    )
    _status_table(doc, "Cơ quan, đơn vị", p.by_agency, o)


def _late_and_returned(doc: OfficialDocument, p: PlanProgress) -> None:
    doc.heading("IV. NHIỆM VỤ QUÁ HẠN VÀ BÁO CÁO BỊ TRẢ LẠI")
    doc.heading("1. Nhiệm vụ quá hạn chưa hoàn thành", 2)
    if not p.overdue:
        doc.para("Không có nhiệm vụ quá hạn.")
    else:
        doc.caption(
            f"Có {len(p.overdue)} lượt phân công quá hạn chưa hoàn thành"
            + (
                f" (liệt kê {LIST_LIMIT} lượt quá hạn lâu nhất; danh sách đầy đủ tại Phụ lục)"
                if len(p.overdue) > LIST_LIMIT
                else ""
            )
            + ":"
        )
        rows = [
            [
                str(i),
                f"{o.task_code} {o.task_title}".strip(),
                o.agency,
                day(o.deadline),
                str(o.days_late),
                f"{o.progress}%",
            ]
            for i, o in enumerate(p.overdue[:LIST_LIMIT], start=1)
        ]
        doc.table(
            ["TT", "Nhiệm vụ", "Cơ quan", "Thời hạn", "Số ngày quá hạn", "Tiến độ"],
            rows,
            (10, 62, 38, 22, 17, 16),
            numeric=(4, 5),
            size=11,
        )
    doc.heading("2. Báo cáo bị trả lại chưa được bổ sung", 2)
    if not p.returned:
        doc.para("Không có báo cáo bị trả lại đang chờ bổ sung.")
        return
    doc.caption(f"Có {len(p.returned)} báo cáo bị Sở Nội vụ trả lại, chưa được gửi lại:")
    rows = [
        [
            str(i),
            f"{r.task_code} {r.task_title}".strip(),
            r.agency,
            day(r.returned_on),
            r.comment or "—",
        ]
        for i, r in enumerate(p.returned[:LIST_LIMIT], start=1)
    ]
    doc.table(
        ["TT", "Nhiệm vụ", "Cơ quan", "Ngày trả lại", "Ý kiến"],
        rows,
        (10, 55, 35, 22, 43),
        numeric=(),
        size=11,
    )


def _inspections(doc: OfficialDocument, summary: InspectionSummary | None) -> None:
    doc.heading("V. KẾT QUẢ KIỂM TRA VIỆC THỰC HIỆN")
    if summary is None or not (summary.visits_done or summary.visits_planned):
        doc.para("Chưa có đợt kiểm tra nào được ghi nhận trong kỳ báo cáo.")
        return
    f, fu = summary.findings, summary.follow_up
    doc.para(
        f"Đã thực hiện {summary.visits_done} đợt kiểm tra"
        + (
            f" ({summary.visits_planned} đợt theo kế hoạch chưa thực hiện)"
            if summary.visits_planned
            else ""
        )
        + f"; ghi nhận {f.compliant} nội dung đạt yêu cầu, {f.shortcoming} nội dung còn hạn chế "
        f"và {f.violation} nội dung vi phạm. Có {fu.total} kiến nghị: {fu.closed} đã kết thúc, "
        f"{fu.done} đã hoàn thành khắc phục chờ kết thúc, {fu.open} đang khắc phục "
        f"(trong đó {fu.overdue} quá hạn), {fu.without_task} chưa giao nhiệm vụ khắc phục."
    )
    rows = [
        [
            str(i),
            a.agency_name,
            str(a.visits),
            str(a.findings.shortcoming + a.findings.violation),
            f"{a.follow_up.closed + a.follow_up.done}/{a.follow_up.total}",
            str(a.follow_up.overdue),
        ]
        for i, a in enumerate(summary.by_agency, start=1)
    ]
    doc.table(
        [
            "TT",
            "Đơn vị được kiểm tra",
            "Số đợt",
            "Hạn chế, vi phạm",
            "Kiến nghị đã khắc phục",
            "Quá hạn",
        ],
        rows,
        (10, 62, 18, 26, 30, 18),
        numeric=(2, 3, 4, 5),
        size=11,
    )


def _conclusion(doc: OfficialDocument, data: ResultsReportInput, author: str) -> None:
    doc.heading("VI. ĐÁNH GIÁ CHUNG VÀ KIẾN NGHỊ")
    missed = [
        o
        for o in data.objectives
        if o.result is not None and o.result.year == data.plan.year and o.result.status == NOT_MET
    ]
    if missed:
        doc.para(
            "Các mục tiêu chưa đạt: "
            + "; ".join(f"{_objective_text(o)} ({o.result.summary.vi})" for o in missed if o.result)
            + "."
        )
    p = data.progress
    late = [c.label for c in p.by_agency if c.count(Status.OVERDUE)]
    # The report's author does not make a request of itself: its own late tasks are stated.
    others = [label for label in late if label != author]
    if others:
        doc.para(
            "Đề nghị các cơ quan, đơn vị, địa phương có nhiệm vụ quá hạn khẩn trương hoàn thành "
            f"và báo cáo kết quả về {author or 'Sở Nội vụ'}: " + ", ".join(others) + "."
        )
    if author and author in late:
        doc.para(
            f"{author} có nhiệm vụ quá hạn (chi tiết tại mục IV) và đang khẩn trương hoàn thành."
        )
    if p.returned:
        doc.para(
            "Đề nghị các cơ quan có báo cáo bị trả lại bổ sung, hoàn chỉnh theo ý kiến của "
            "Sở Nội vụ."
        )
    if p.assignments:
        doc.para(
            "Danh sách đầy đủ các lượt phân công và tình trạng thực hiện tại Phụ lục kèm "
            "theo (tệp Excel).",
            italic=True,
        )
    doc.para(
        "Trên đây là báo cáo kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số "
        f"{index_name(data.plan.index)} năm "
        f"{data.plan.year} của {province_label(data.plan.province, data.plan.province_kind)}"
        "./."
    )
