"""Reading a task-framework workbook into raw rows: which sheet, which header row, which column
is which. Values are checked later (framework_import); here only the file's shape is.

The upload is opened through `chiso.web.zip_guard` (a small file must not inflate to hundreds of
MB, e.g. through its shared strings) and read in openpyxl's streaming mode, stopping at
MAX_ROWS rows with content. A `RawSheet` is kept as JSON (`sheet_to_json`) so an upload is read
once: its preview page and its confirmation reuse what was read.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from chiso.accounts.names import agency_key
from chiso.spreadsheets.framework_columns import SHEET_NAME, TASK_COLUMNS, ColumnSpec
from chiso.web.zip_guard import MiB, ZipLimits, ZipRefused, open_package

# The header row may sit below a title block; it is searched for in the first rows.
HEADER_SEARCH_ROWS = 15
MAX_ROWS = 5000
# 5,000 rows of long Vietnamese text are about 10 MB of sheet XML plus as much of shared strings.
ZIP_LIMITS = ZipLimits(member_bytes=32 * MiB, total_bytes=48 * MiB, ratio=100, entries=500)


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
        open_package(file_name, io.BytesIO(data), ZIP_LIMITS).close()
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ZipRefused as exc:
        raise WorkbookError([RowError(file_name, None, "", exc.message)]) from None
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


def _find_header(
    file_name: str, ws: Any
) -> tuple[int, dict[str, tuple[int, str]], Iterator[tuple[Any, ...]]]:
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
            return number, found, rows
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


def _rows(
    file_name: str,
    header_row: int,
    found: dict[str, tuple[int, str]],
    rest: Iterator[tuple[Any, ...]],
) -> list[RawRow]:
    """The rows with content, read one by one and no further than MAX_ROWS of them."""
    rows: list[RawRow] = []
    for offset, values in enumerate(rest, start=1):
        cells = {key: _value(values, index) for key, (index, _h) in found.items()}
        if not any(v is not None for v in cells.values()):
            continue
        if len(rows) == MAX_ROWS:
            message = _(
                "Tệp có quá nhiều dòng: đã đọc đến dòng %(row)s mà còn nhiệm vụ "
                "(tối đa %(n)s nhiệm vụ một lần nhập)."
            ) % {"row": header_row + offset, "n": MAX_ROWS}
            raise WorkbookError([RowError(file_name, None, "", message)])
        rows.append(RawRow(header_row + offset, cells))
    return rows


def read_framework(file_name: str, data: bytes) -> RawSheet:
    """The non-empty rows of the task sheet, keyed by column; raises WorkbookError."""
    wb = _open(file_name, data)
    try:
        ws = _pick_sheet(file_name, wb)
        header_row, found, rest = _find_header(file_name, ws)
        rows = _rows(file_name, header_row, found, rest)
        headers = {key: text for key, (_i, text) in found.items()}
        return RawSheet(file_name, ws.title, header_row, headers, tuple(rows))
    finally:
        wb.close()


# --- kept between the upload and its confirmation ------------------------------------------


def _cell_to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)  # a time or duration cell: read as its text


def _cell_from_json(value: Any) -> Any:
    if isinstance(value, dict):
        if "datetime" in value:
            return dt.datetime.fromisoformat(value["datetime"])
        return dt.date.fromisoformat(value["date"])
    return value


def sheet_to_json(sheet: RawSheet) -> dict[str, Any]:
    return {
        "file": sheet.file,
        "sheet": sheet.sheet,
        "header_row": sheet.header_row,
        "headers": sheet.headers,
        "rows": [
            [row.number, {k: _cell_to_json(v) for k, v in row.cells.items()}] for row in sheet.rows
        ],
    }


def sheet_from_json(data: dict[str, Any]) -> RawSheet:
    rows = tuple(
        RawRow(number, {k: _cell_from_json(v) for k, v in cells.items()})
        for number, cells in data["rows"]
    )
    return RawSheet(data["file"], data["sheet"], data["header_row"], data["headers"], rows)
