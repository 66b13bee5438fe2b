"""The set-up workbook: four sheets (agencies, groups, users, villages) with Vietnamese headers,
read into plain rows (sheet, row number, values by column) and written back in the same form."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from chiso.web.zip_guard import MiB, ZipLimits, ZipRefused, open_package

ZIP_LIMITS = ZipLimits(member_bytes=16 * MiB, total_bytes=32 * MiB, ratio=100)
MAX_ROWS = 20_000


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[tuple[str, str], ...]  # (key, header)


AGENCIES = Sheet(
    "Cơ quan",
    (
        ("code", "Mã"),
        ("name", "Tên cơ quan"),
        ("short_name", "Tên viết tắt"),
        ("kind", "Loại"),
        ("parent", "Mã cơ quan cấp trên"),
        ("active", "Đang hoạt động"),
    ),
)
GROUPS = Sheet("Nhóm", (("name", "Tên nhóm"), ("members", "Mã các cơ quan thành viên")))
USERS = Sheet(
    "Người dùng",
    (
        ("username", "Tên đăng nhập"),
        ("full_name", "Họ và tên"),
        ("email", "Thư điện tử"),
        ("role", "Vai trò"),
        ("agency", "Mã cơ quan"),
        ("active", "Đang hoạt động"),
    ),
)
VILLAGES = Sheet(
    "Thôn, tổ dân phố",
    (("commune", "Mã xã"), ("kind", "Loại"), ("name", "Tên"), ("code", "Mã thôn")),
)
SHEETS = (AGENCIES, GROUPS, USERS, VILLAGES)

Row = dict[str, Any]  # {"_sheet": title, "_row": n, key: text}


class WorkbookError(ValueError):
    """The file was refused; `errors` name the file, sheet, row and column of each problem."""

    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("; ".join(errors))


def column_letter(sheet: Sheet, key: str) -> str:
    index = [k for k, _h in sheet.columns].index(key)
    return chr(ord("A") + index)


def where(sheet: Sheet, row: int, key: str) -> str:
    header = dict(sheet.columns)[key]
    return _("Trang “%(sheet)s”, dòng %(row)s, cột %(col)s (%(header)s)") % {
        "sheet": sheet.title,
        "row": row,
        "col": column_letter(sheet, key),
        "header": header,
    }


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def read_workbook(name: str, data: bytes) -> dict[str, list[Row]]:
    """Every non-empty row of every known sheet, or WorkbookError (unreadable file, missing or
    misspelt headers, too many rows)."""
    try:
        with open_package(name, io.BytesIO(data), ZIP_LIMITS):
            pass
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ZipRefused as exc:
        raise WorkbookError([str(exc)]) from exc
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        message = _("%(file)s: không đọc được, cần tệp Excel .xlsx.") % {"file": name}
        raise WorkbookError([message]) from None
    out: dict[str, list[Row]] = {}
    errors: list[str] = []
    for sheet in SHEETS:
        if sheet.title not in wb.sheetnames:
            continue
        rows = wb[sheet.title].iter_rows(values_only=True)
        header = [_text(v) for v in next(rows, ())]
        expected = [h for _k, h in sheet.columns]
        if header[: len(expected)] != expected:
            errors.append(
                _("Trang “%(sheet)s”, dòng 1: tiêu đề cần là %(expected)s.")
                % {"sheet": sheet.title, "expected": ", ".join(f"“{h}”" for h in expected)}
            )
            continue
        found: list[Row] = []
        for number, values in enumerate(rows, start=2):
            cells = [_text(v) for v in values[: len(expected)]]
            if not any(cells):
                continue
            if len(found) >= MAX_ROWS:
                errors.append(
                    _("Trang “%(sheet)s”: quá %(n)s dòng.") % {"sheet": sheet.title, "n": MAX_ROWS}
                )
                break
            cells += [""] * (len(expected) - len(cells))
            found.append(
                {"_row": number, **{k: cells[i] for i, (k, _h) in enumerate(sheet.columns)}}
            )
        out[sheet.title] = found
    if errors:
        raise WorkbookError(errors)
    if not out:
        raise WorkbookError(
            [
                _("%(file)s: không có trang nào trong số %(sheets)s.")
                % {"file": name, "sheets": ", ".join(f"“{s.title}”" for s in SHEETS)}
            ]
        )
    return out


def write_workbook(rows: dict[str, list[list[str]]]) -> Workbook:
    """A workbook of the four sheets, headers first, then `rows[title]` as given."""
    from chiso.spreadsheets.cell_text import set_cell

    wb = Workbook()
    wb.remove(wb.active)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet.title)
        for col, (_key, header) in enumerate(sheet.columns, start=1):
            set_cell(ws.cell(1, col), header)
        for r, values in enumerate(rows.get(sheet.title, []), start=2):
            for col, value in enumerate(values, start=1):
                set_cell(ws.cell(r, col), value)
        for col in range(1, len(sheet.columns) + 1):
            ws.column_dimensions[chr(ord("A") + col - 1)].width = 28
    return wb


def to_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
