"""Any table of the app as an XLSX file: Vietnamese headers, dd/mm/yyyy dates, autofilter,
frozen header row and column widths. Every value goes through `cell_text.set_cell`: text is
never a formula and never cut silently.

Other apps call `table_to_xlsx(title, columns, rows)` (one sheet) or `workbook_to_xlsx(sheets)`
and hand the bytes to `xlsx_response(filename, data)`.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from chiso.spreadsheets.cell_text import set_cell

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# Excel refuses sheet names longer than 31 characters or containing these.
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    DECIMAL = "decimal"  # two decimals, shown with the reader's own separator by Excel
    PERCENT = "percent"  # an integer 0–100 shown as "45%"
    DATE = "date"
    DATETIME = "datetime"


_NUMBER_FORMATS = {
    Kind.INT: "0",
    Kind.DECIMAL: "0.00",
    Kind.PERCENT: '0"%"',
    Kind.DATE: DATE_FORMAT,
    Kind.DATETIME: DATETIME_FORMAT,
}


@dataclass(frozen=True)
class Column:
    header: str | Promise
    width: float = 16
    kind: Kind = Kind.TEXT
    wrap: bool = False


@dataclass(frozen=True)
class Sheet:
    title: str | Promise
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    notes: Sequence[str] = field(default_factory=tuple)  # lines above the table (source, date)


def sheet_title(title: str) -> str:
    cleaned = _SHEET_FORBIDDEN.sub("-", title).strip() or "Sheet"
    return cleaned[:31]


def _cell_value(value: Any, kind: Kind) -> Any:
    if value is None:
        return None
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dt.datetime):
        # Excel has no time zones: write the wall-clock time of Asia/Ho_Chi_Minh.
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, Decimal):
        return float(value)
    if kind is Kind.TEXT and not isinstance(value, str | int | float | dt.date):
        return str(value)
    return value


def _number_format(value: Any, kind: Kind) -> str | None:
    # By value first: a "Thời hạn" column holds dates and the text "Thường xuyên".
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    if isinstance(value, int | float) and kind in (Kind.INT, Kind.DECIMAL, Kind.PERCENT):
        return _NUMBER_FORMATS[kind]
    return None


def _write_header(ws: Any, sheet: Sheet) -> int:
    ws.title = sheet_title(str(sheet.title))
    for row, note in enumerate(sheet.notes, start=1):
        set_cell(ws.cell(row=row, column=1), str(note))
    header_row = len(sheet.notes) + 1
    for index, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=header_row, column=index)
        set_cell(cell, str(column.header))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for index, column in enumerate(sheet.columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = column.width
    return header_row


def _write_sheet(ws: Any, sheet: Sheet) -> None:
    header_row = _write_header(ws, sheet)
    wrap = Alignment(wrap_text=True, vertical="top")
    row_number = header_row
    for row in sheet.rows:
        row_number += 1
        for index, (raw, column) in enumerate(zip(row, sheet.columns, strict=True), start=1):
            value = _cell_value(raw, column.kind)
            cell = ws.cell(row=row_number, column=index)
            set_cell(cell, value)
            fmt = _number_format(value, column.kind)
            if fmt is not None:
                cell.number_format = fmt
            if column.wrap:
                cell.alignment = wrap
    last_col = get_column_letter(max(len(sheet.columns), 1))
    ws.auto_filter.ref = f"A{header_row}:{last_col}{row_number}"
    ws.freeze_panes = f"A{header_row + 1}"


def workbook_to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """Several tables, one sheet each, as the bytes of an .xlsx file."""
    if not sheets:
        raise ValueError("workbook_to_xlsx needs at least one sheet")
    wb = Workbook()
    _write_sheet(wb.active, sheets[0])
    for sheet in sheets[1:]:
        _write_sheet(wb.create_sheet(), sheet)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def table_to_xlsx(
    title: str | Promise, columns: Sequence[Column], rows: Iterable[Sequence[Any]]
) -> bytes:
    """One table as the bytes of an .xlsx file (one sheet named `title`)."""
    return workbook_to_xlsx([Sheet(title, columns, rows)])


def xlsx_response(filename: str, data: bytes) -> HttpResponse:
    """A download of `data` named `filename` (non-ASCII names allowed)."""
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    from django.utils.http import content_disposition_header

    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
