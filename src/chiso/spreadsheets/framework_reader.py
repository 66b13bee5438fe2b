"""Reading a task-framework workbook into raw rows: which sheet, which header row, which column
is which. Values are checked later (framework_import); here only the file's shape is."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from chiso.accounts.names import agency_key
from chiso.spreadsheets.framework_columns import SHEET_NAME, TASK_COLUMNS, ColumnSpec

# The header row may sit below a title block; it is searched for in the first rows.
HEADER_SEARCH_ROWS = 15
MAX_ROWS = 5000


@dataclass(frozen=True)
class RowError:
    """One problem, located like a person would look for it in Excel."""

    file: str
    row: int | None  # the Excel row number; None for whole-file problems
    column: str  # the column header, "" for whole-row or whole-file problems
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(_("dòng %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("cột “%(column)s”") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class RawRow:
    number: int  # Excel row number
    cells: dict[str, Any]  # column key → cell value (None when empty)

    def text(self, key: str) -> str:
        value = self.cells.get(key)
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value).strip()


@dataclass(frozen=True)
class RawSheet:
    file: str
    sheet: str
    header_row: int
    headers: dict[str, str]  # column key → header text as written in the file
    rows: tuple[RawRow, ...]


class WorkbookError(ValueError):
    """The file cannot be read as a task framework at all; `errors` say why."""

    def __init__(self, errors: list[RowError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


def _open(file_name: str, data: bytes) -> Any:
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        message = _("Không đọc được tệp: cần tệp Excel .xlsx (không phải .xls, .csv hay .docx).")
        raise WorkbookError([RowError(file_name, None, "", message)]) from None


def _pick_sheet(file_name: str, wb: Any) -> Any:
    wanted = agency_key(SHEET_NAME)
    for ws in wb.worksheets:
        if agency_key(ws.title) == wanted:
            return ws
    if len(wb.worksheets) == 1:
        return wb.worksheets[0]
    message = _(
        "Không có trang tính “%(wanted)s”; tệp có các trang: %(found)s. "
        "Hãy đặt tên trang chứa danh sách nhiệm vụ là “%(wanted)s”."
    ) % {"wanted": SHEET_NAME, "found": ", ".join(f"“{ws.title}”" for ws in wb.worksheets)}
    raise WorkbookError([RowError(file_name, None, "", message)])


def _header_map(values: tuple[Any, ...]) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        text = str(value).strip()
        for spec in TASK_COLUMNS:
            if spec.key not in found and spec.matches(text):
                found[spec.key] = (index, text)
    return found


def _missing(spec: ColumnSpec, found: dict[str, tuple[int, str]]) -> bool:
    return spec.required and spec.key not in found


def _find_header(file_name: str, ws: Any) -> tuple[int, dict[str, tuple[int, str]], list[Any]]:
    """(header row number, column map, remaining rows iterator) of the first row naming the
    "Nhiệm vụ" column; a missing required column is reported by its documented header."""
    rows = ws.iter_rows(values_only=True)
    best: dict[str, tuple[int, str]] = {}
    for number, values in enumerate(rows, start=1):
        found = _header_map(values)
        if "title" in found:
            missing = [s for s in TASK_COLUMNS if _missing(s, found)]
            if missing:
                raise WorkbookError(
                    [
                        RowError(
                            file_name,
                            number,
                            s.header,
                            _("Thiếu cột “%(header)s” ở dòng tiêu đề.") % {"header": s.header},
                        )
                        for s in missing
                    ]
                )
            return number, found, list(rows)
        if len(found) > len(best):
            best = found
        if number >= HEADER_SEARCH_ROWS:
            break
    message = _(
        "Không tìm thấy dòng tiêu đề có cột “Nhiệm vụ” trong %(n)s dòng đầu của trang “%(sheet)s”."
    ) % {"n": HEADER_SEARCH_ROWS, "sheet": ws.title}
    raise WorkbookError([RowError(file_name, None, "Nhiệm vụ", message)])


def _value(values: tuple[Any, ...], index: int) -> Any:
    value = values[index] if index < len(values) else None
    if isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    return value


def read_framework(file_name: str, data: bytes) -> RawSheet:
    """The non-empty rows of the task sheet, keyed by column; raises WorkbookError."""
    wb = _open(file_name, data)
    try:
        ws = _pick_sheet(file_name, wb)
        header_row, found, rest = _find_header(file_name, ws)
        if len(rest) > MAX_ROWS:
            message = _("Tệp có quá nhiều dòng (tối đa %(n)s).") % {"n": MAX_ROWS}
            raise WorkbookError([RowError(file_name, None, "", message)])
        rows = []
        for offset, values in enumerate(rest, start=1):
            cells = {key: _value(values, index) for key, (index, _h) in found.items()}
            if any(v is not None for v in cells.values()):
                rows.append(RawRow(header_row + offset, cells))
        headers = {key: text for key, (_i, text) in found.items()}
        return RawSheet(file_name, ws.title, header_row, headers, tuple(rows))
    finally:
        wb.close()
