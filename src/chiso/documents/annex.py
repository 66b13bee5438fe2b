"""The Excel annex of a results report: every assignment with its status, and a summary sheet
by agency. Dates are real date cells shown dd/mm/yyyy; progress is a number. Every value goes
through `cell_text.set_cell`: task titles, sections and agency names are never formulas."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Protocol

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from chiso.documents.phrases import day
from chiso.documents.plan_progress import STATUS_ORDER, PlanProgress, StatusCounts
from chiso.plans.status import Status
from chiso.spreadsheets.cell_text import set_cell

DATE_FORMAT = "DD/MM/YYYY"
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
STATUS_FILL = {
    Status.OVERDUE.value: "F8D7DA",
    Status.DONE_LATE.value: "FFF3CD",
    Status.DONE.value: "D4EDDA",
}

ASSIGNMENT_COLUMNS: tuple[tuple[str, int], ...] = (
    ("STT", 6),
    ("Mục", 28),
    ("Mã nhiệm vụ", 10),
    ("Nhiệm vụ", 60),
    ("Chỉ số PAPI", 12),
    ("Cơ quan, đơn vị", 32),
    ("Vai trò", 11),
    ("Thời hạn", 12),
    ("Tiến độ (%)", 10),
    ("Trạng thái", 20),
    ("Ngày hoàn thành", 14),
    ("Báo cáo gần nhất", 14),
)


def _header(
    sheet: Worksheet, title: str, subtitle: str, columns: Sequence[tuple[str, int]]
) -> None:
    set_cell(sheet["A1"], title)
    sheet["A1"].font = Font(name="Times New Roman", bold=True, size=14)
    set_cell(sheet["A2"], subtitle)
    sheet["A2"].font = Font(name="Times New Roman", italic=True, size=12)
    for c, (name, width) in enumerate(columns, start=1):
        cell = sheet.cell(row=4, column=c)
        set_cell(cell, name)
        cell.font = Font(name="Times New Roman", bold=True, size=12)
        cell.fill = HEADER_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A5"
    sheet.auto_filter.ref = f"A4:{get_column_letter(len(columns))}4"


def _body_cell(sheet: Worksheet, row: int, column: int, value: object) -> None:
    cell = sheet.cell(row=row, column=column)
    set_cell(cell, value)
    cell.font = Font(name="Times New Roman", size=12)
    cell.border = BORDER
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if hasattr(value, "isoformat"):
        cell.number_format = DATE_FORMAT


def _assignments(sheet: Worksheet, progress: PlanProgress, plan_title: str) -> None:
    _header(
        sheet,
        f"Phụ lục: Danh sách phân công nhiệm vụ — {plan_title}",
        f"Số liệu đến ngày {day(progress.today)}",
        ASSIGNMENT_COLUMNS,
    )
    for i, a in enumerate(progress.assignments, start=1):
        values = (
            i,
            a.section,
            a.task_code,
            a.task_title,
            a.units,
            a.agency,
            a.relation,
            a.deadline,
            a.progress,
            a.status_label,
            a.completed_on,
            a.last_report_on,
        )
        for c, value in enumerate(values, start=1):
            _body_cell(sheet, 4 + i, c, value)
        fill = STATUS_FILL.get(a.status)
        if fill:
            sheet.cell(row=4 + i, column=10).fill = PatternFill("solid", fgColor=fill)
    sheet.auto_filter.ref = f"A4:{get_column_letter(len(ASSIGNMENT_COLUMNS))}"
    sheet.auto_filter.ref += str(4 + len(progress.assignments))


def _summary(sheet: Worksheet, progress: PlanProgress) -> None:
    columns = [("Cơ quan, đơn vị", 40), ("Số lượt phân công", 12)]
    columns += [(str(s.label), 14) for s in STATUS_ORDER]
    columns.append(("Tiến độ bình quân (%)", 14))
    _header(
        sheet, "Tổng hợp theo cơ quan, đơn vị", f"Số liệu đến ngày {day(progress.today)}", columns
    )
    counts: list[StatusCounts] = [*progress.by_agency, progress.overall]
    for r, item in enumerate(counts, start=5):
        values: list[object] = [item.label, item.total]
        values += [item.count(s) for s in STATUS_ORDER]
        values.append(round(item.mean_progress, 1))
        for c, value in enumerate(values, start=1):
            _body_cell(sheet, r, c, value)
    last = 4 + len(counts)
    for c in range(1, len(columns) + 1):
        sheet.cell(row=last, column=c).font = Font(name="Times New Roman", bold=True, size=12)


def build_annex(progress: PlanProgress, plan_title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phân công"
    _assignments(sheet, progress, plan_title)
    _summary(workbook.create_sheet("Tổng hợp theo cơ quan"), progress)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class TableLike(Protocol):
    @property
    def header(self) -> tuple[str, ...]: ...
    @property
    def rows(self) -> tuple[tuple[str, ...], ...]: ...
    @property
    def widths(self) -> tuple[float, ...]: ...
    @property
    def numeric(self) -> tuple[int, ...]: ...


def build_tables_workbook(title: str, sheets: Sequence[tuple[str, TableLike]]) -> bytes:
    """One sheet per table of a report's annex (the same tables the DOCX prints); counts in the
    numeric columns are numbers, everything else text."""
    book = Workbook()
    book.remove(book.active)
    for name, table in sheets:
        sheet = book.create_sheet(name[:31])
        columns = tuple(
            (h, max(8, round(w * 0.55))) for h, w in zip(table.header, table.widths, strict=True)
        )
        _header(sheet, title, name, columns)
        for r, row in enumerate(table.rows, start=5):
            for c, value in enumerate(row, start=1):
                numeric = (c - 1) in table.numeric and value.isdigit()
                _body_cell(sheet, r, c, int(value) if numeric else value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
