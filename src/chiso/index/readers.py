"""Read published index results into a validated `Dataset`.

Two layouts:

* wide (the PAPI sub-dimension data set): a folder of `YYYY.csv`, one row per province
  (`Province` = data-set code such as `P37`, resolved through the folder's `provinces.csv`, or a
  province name / GSO code), one column per leaf unit named prefix + code without dots
  (`SC11` = 1.1). Empty cell = not available.
* long (documented in docs/index-data-formats.md): CSV or XLSX with columns
  `year, province, unit, score[, se, ci_low, ci_high, rank, group]` (Vietnamese headers `năm,
  tỉnh, mã, điểm, thứ hạng, nhóm` also accepted), one score per row, at any level of the
  framework; a published rank or group may stand without a score.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from chiso.index.dataset import DataError, Dataset, Problem, ScoreRecord
from chiso.index.framework import Framework, load_framework
from chiso.index.names import normalize_name
from chiso.index.provinces import Province, UnknownProvince, match_province
from chiso.index.text import LocalizedText

Progress = Callable[[int, int], None]
LONG_SHEET_NAMES = ("scores", "diem", "du lieu", "data")
_REQUIRED = ("year", "province", "unit", "score")
_OPTIONAL = ("se", "ci_low", "ci_high", "rank", "group")
_NUMERIC_OPTIONAL = ("se", "ci_low", "ci_high", "rank")
_HEADER_ALIASES = {
    "year": {"year", "nam"},
    "province": {"province", "tinh", "tinh thanh", "tinh thanh pho", "dia phuong"},
    "unit": {"unit", "unit code", "code", "ma", "ma chi so", "chi so"},
    "score": {"score", "diem", "diem so"},
    "se": {"se", "standard error", "sai so chuan"},
    "ci_low": {"ci low", "ci lower", "can duoi"},
    "ci_high": {"ci high", "ci upper", "can tren"},
    "rank": {"rank", "thu hang", "hang", "xep hang"},
    "group": {"group", "tier", "nhom", "xep loai", "nhom diem"},
}


def _framework(framework: Framework | str | Path) -> Framework:
    return framework if isinstance(framework, Framework) else load_framework(framework)


def parse_number(value: Any) -> float | None:
    """A cell as a float; None when empty; ValueError when not a number. Accepts 43,44."""
    if value is None or isinstance(value, bool):
        if isinstance(value, bool):
            raise ValueError(value)
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace("\u00a0", "")
    if not text:
        return None
    if "," in text and "." not in text:
        text = text.replace(",", ".")
    return float(text)


def read_csv_text(path: Path) -> str:
    """A CSV file's text; a file that is not UTF-8 is refused naming its encoding problem (the
    first bad byte and its line) and what to save it as, never with a raw UnicodeDecodeError."""
    data = path.read_bytes()
    fix_vi = "hãy lưu lại tệp dạng “CSV UTF-8” (trong Excel: Lưu thành → CSV UTF-8)"
    fix_en = "save it again as “CSV UTF-8” (in Excel: Save As → CSV UTF-8)"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        raise DataError(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    LocalizedText(
                        f"tệp mã hóa UTF-16, cần UTF-8; {fix_vi}",
                        f"the file is encoded as UTF-16, UTF-8 is expected; {fix_en}",
                    ),
                )
            ]
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = f"0x{data[exc.start]:02X}"
        raise DataError(
            [
                Problem(
                    str(path),
                    line,
                    None,
                    LocalizedText(
                        f"tệp không phải UTF-8 (byte {byte} không hợp lệ); có thể tệp được lưu "
                        f"bằng Windows-1258, Latin-1 hoặc TCVN3 — {fix_vi}",
                        f"the file is not UTF-8 (invalid byte {byte}); it may have been saved as "
                        f"Windows-1258, Latin-1 or TCVN3 — {fix_en}",
                    ),
                )
            ]
        ) from None


def _finish(
    fw: Framework, records: list[ScoreRecord], problems: list[Problem], source: str
) -> Dataset:
    """Validate the parsed records too, so one pass reports parse and rule problems together."""
    try:
        dataset = Dataset.build(fw, records, source=source)
    except DataError as exc:
        problems = [*problems, *exc.problems]
    if problems:
        raise DataError(sorted(problems, key=lambda p: (p.file, p.row or 0)))
    return dataset


# --- wide layout -------------------------------------------------------------------------


def read_wide(
    folder: str | Path,
    framework: Framework | str | Path = "PAPI",
    progress: Progress | None = None,
) -> Dataset:
    fw = _framework(framework)
    root = Path(folder)
    files = sorted(p for p in root.glob("*.csv") if re.fullmatch(r"\d{4}", p.stem))
    if not files:
        raise DataError(
            [Problem(str(root), None, None, LocalizedText("không có tệp YYYY.csv", "no YYYY.csv"))]
        )
    aliases = _dataset_codes(root / "provinces.csv")
    records: list[ScoreRecord] = []
    problems: list[Problem] = []
    for done, path in enumerate(files, start=1):
        _read_wide_year(path, int(path.stem), fw, aliases, records, problems)
        if progress is not None:
            progress(done, len(files))
    return _finish(fw, records, problems, str(root))


def _dataset_codes(path: Path) -> dict[str, str]:
    """Data-set province code (P37) → name, from the folder's provinces.csv if present."""
    if not path.exists():
        return {}
    rows = csv.DictReader(io.StringIO(read_csv_text(path), newline=""))
    return {row["Variable_Code"]: row["Variable_Name"] for row in rows}


def _wide_columns(
    fw: Framework, header: list[str], file: str
) -> tuple[dict[int, tuple[str, str]], list[Problem]]:
    """Column index → (field, unit code): prefix + code without dots is a score; the
    framework's extra columns add published scores, ranks and groups (PCI's pci_score, rank,
    tier); the columns it names as not data (a source's URL) are read past."""
    by_column = {
        fw.wide_column_prefix + u.code.replace(".", ""): ("score", u.code) for u in fw.units
    }
    by_column.update({column: (field, code) for column, field, code in fw.wide_columns})
    columns: dict[int, tuple[str, str]] = {}
    seen: dict[tuple[str, str], int] = {}
    problems = []
    for i, name in enumerate(header[1:], start=1):
        target = by_column.get(name.strip())
        if target is None and name.strip() in fw.wide_ignored_columns:
            continue
        if target is None:
            problems.append(
                Problem(
                    file,
                    1,
                    name,
                    LocalizedText(f"mã chỉ số không xác định {name!r}", f"unknown unit {name!r}"),
                )
            )
        elif target in seen:
            problems.append(_repeated(file, name, seen[target], i))
        else:
            columns[i], seen[target] = target, i
    return columns, problems


def _repeated(file: str, name: str, first: int, again: int) -> Problem:
    """A column given twice (header cells are numbered from 1, as a spreadsheet shows them)."""
    return Problem(
        file,
        1,
        name,
        LocalizedText(
            f"cột lặp lại (cột thứ {first + 1} và thứ {again + 1}); mỗi cột chỉ được có một lần",
            f"column repeated (columns {first + 1} and {again + 1}); each column may appear once",
        ),
    )


def _read_wide_year(
    path: Path,
    year: int,
    fw: Framework,
    aliases: dict[str, str],
    records: list[ScoreRecord],
    problems: list[Problem],
) -> None:
    file = str(path)
    rows = list(csv.reader(io.StringIO(read_csv_text(path), newline="")))
    if not rows or not rows[0] or rows[0][0].strip().lower() != "province":
        problems.append(
            Problem(
                file, 1, "Province", LocalizedText("thiếu cột Province", "missing column Province")
            )
        )
        return
    columns, header_problems = _wide_columns(fw, rows[0], file)
    problems.extend(header_problems)
    for row_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        province = _province(row[0], year, aliases, file, row_no, "Province", problems)
        fields: dict[str, dict[str, Any]] = {}
        for i, (field, code) in columns.items():
            cell = row[i] if i < len(row) else ""
            if field == "group":
                value: Any = _group_code(fw, cell)
            else:
                try:
                    value = parse_number(cell)
                except ValueError:
                    problems.append(_not_a_number(file, row_no, rows[0][i], cell))
                    continue
                if field == "rank" and value is not None and value != int(value):
                    problems.append(_not_a_number(file, row_no, rows[0][i], cell))
                    continue
            if value is not None:
                fields.setdefault(code, {"column": rows[0][i]})[field] = value
        if province is None:
            continue
        for code, given in fields.items():
            rank = given.get("rank")
            records.append(
                ScoreRecord(
                    year,
                    province,
                    code,
                    given.get("score"),
                    file=file,
                    row=row_no,
                    column=given["column"],
                    rank=None if rank is None else int(rank),
                    group=given.get("group"),
                )
            )


def _province(
    value: str,
    year: int | None,
    aliases: dict[str, str],
    file: str,
    row: int,
    column: str,
    problems: list[Problem],
) -> Province | None:
    name = aliases.get(value.strip(), value)
    try:
        return match_province(name, year)
    except UnknownProvince as exc:
        hint_vi = f"; có phải {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        hint_en = f"; did you mean {', '.join(exc.suggestions)}?" if exc.suggestions else ""
        problems.append(
            Problem(
                file,
                row,
                column,
                LocalizedText(
                    f"không tìm thấy tỉnh/thành phố {value!r}{hint_vi}",
                    f"unknown province {value!r}{hint_en}",
                ),
            )
        )
        return None


def _not_a_number(file: str, row: int, column: str, cell: Any) -> Problem:
    return Problem(
        file, row, column, LocalizedText(f"không phải là số: {cell!r}", f"not a number: {cell!r}")
    )


# --- long layout -------------------------------------------------------------------------


def read_long(
    path: str | Path,
    framework: Framework | str | Path = "PAPI",
    sheet: str | None = None,
    progress: Progress | None = None,
) -> Dataset:
    fw = _framework(framework)
    file = Path(path)
    if file.suffix.lower() in (".xlsx", ".xlsm"):
        header, rows, total = _xlsx_rows(file, sheet)
    elif file.suffix.lower() == ".csv":
        header, rows, total = _csv_rows(file)
    else:
        raise DataError(
            [
                Problem(
                    str(file),
                    None,
                    None,
                    LocalizedText("chỉ nhận CSV hoặc XLSX", "CSV or XLSX only"),
                )
            ]
        )
    columns = _long_columns(header, str(file))
    records: list[ScoreRecord] = []
    problems: list[Problem] = []
    for row_no, row in rows:
        _long_row(fw, str(file), row_no, row, columns, records, problems)
        if progress is not None and (row_no % 1000 == 0 or row_no == total + 1):
            progress(row_no - 1, total)
    return _finish(fw, records, problems, str(file))


def _long_columns(header: list[Any], file: str) -> dict[str, tuple[int, str]]:
    """Canonical column → (index, header as written). Missing required columns are rejected."""
    found: dict[str, tuple[int, str]] = {}
    problems: list[Problem] = []
    for i, raw in enumerate(header):
        key = normalize_name(str(raw or ""))
        for canonical, names in _HEADER_ALIASES.items():
            if key not in names:
                continue
            if canonical in found:  # `year` twice, or `year` and `năm`
                problems.append(_repeated(file, str(raw), found[canonical][0], i))
            else:
                found[canonical] = (i, str(raw))
    problems += [
        Problem(file, 1, c, LocalizedText(f"thiếu cột {c!r}", f"missing column {c!r}"))
        for c in _REQUIRED
        if c not in found
    ]
    if problems:
        raise DataError(problems)
    return found


def _csv_rows(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]], int]:
    text = read_csv_text(path)
    lines = text.splitlines()
    first = lines[0] if lines else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(lines, delimiter=delimiter))
    if not rows:
        raise DataError([Problem(str(path), None, None, LocalizedText("tệp rỗng", "empty file"))])
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
    return rows[0], iter(body), len(rows) - 1


def _xlsx_rows(
    path: Path, sheet: str | None
) -> tuple[list[Any], Iterator[tuple[int, list[Any]]], int]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several unrelated types for a bad file
        raise DataError(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    LocalizedText(f"không đọc được: {exc}", f"unreadable: {exc}"),
                )
            ]
        ) from exc
    names = list(book.sheetnames)
    chosen = _choose_sheet(names, sheet)
    if chosen is None:
        wanted = sheet or " / ".join(LONG_SHEET_NAMES)
        raise DataError(
            [
                Problem(
                    str(path),
                    None,
                    None,
                    LocalizedText(
                        f"không có trang tính {wanted!r} (các trang: {', '.join(names)})",
                        f"wrong sheet: no {wanted!r} (sheets: {', '.join(names)})",
                    ),
                )
            ]
        )
    ws = book[chosen]
    all_rows = [list(r) for r in ws.iter_rows(values_only=True)]
    book.close()
    if not all_rows:
        raise DataError(
            [Problem(str(path), None, None, LocalizedText(f"trang {chosen!r} rỗng", "empty sheet"))]
        )
    body = [
        (n, r) for n, r in enumerate(all_rows[1:], start=2) if any(c not in (None, "") for c in r)
    ]
    return all_rows[0], iter(body), len(all_rows) - 1


def _choose_sheet(names: list[str], wanted: str | None) -> str | None:
    if wanted is not None:
        return next((n for n in names if normalize_name(n) == normalize_name(wanted)), None)
    for n in names:
        if normalize_name(n) in LONG_SHEET_NAMES:
            return n
    return names[0] if len(names) == 1 else None


def _unit_code(value: Any) -> str:
    # Excel turns "1" into 1 and "1.1" into 1.1; %g restores the code as typed.
    return f"{value:g}" if isinstance(value, int | float) else str(value or "").strip()


def _long_row(
    fw: Framework,
    file: str,
    row_no: int,
    row: list[Any],
    columns: dict[str, tuple[int, str]],
    records: list[ScoreRecord],
    problems: list[Problem],
) -> None:
    def cell(name: str) -> Any:
        index = columns[name][0]
        return row[index] if index < len(row) else None

    values: dict[str, float | None] = {}
    for name in ("year", "score", *(c for c in _NUMERIC_OPTIONAL if c in columns)):
        try:
            values[name] = parse_number(cell(name))
        except ValueError:
            problems.append(_not_a_number(file, row_no, columns[name][1], cell(name)))
            return
    year, score = values["year"], values["score"]
    if year is None or year != int(year):
        problems.append(_not_a_number(file, row_no, columns["year"][1], cell("year")))
        return
    province = _province(
        str(cell("province") or ""), int(year), {}, file, row_no, columns["province"][1], problems
    )
    unit = _unit_code(cell("unit"))
    if unit.casefold() in ("aggregate", "tong hop", "tổng hợp"):
        unit = fw.root.code
    rank = values.get("rank")
    if rank is not None and rank != int(rank):
        problems.append(_not_a_number(file, row_no, columns["rank"][1], cell("rank")))
        return
    group = _group_code(fw, cell("group")) if "group" in columns else None
    if province is None or (score is None and rank is None and group is None):
        return
    records.append(
        ScoreRecord(
            int(year),
            province,
            unit,
            score,
            se=values.get("se"),
            ci_low=values.get("ci_low"),
            ci_high=values.get("ci_high"),
            file=file,
            row=row_no,
            column=_column(fw, unit, int(year), columns, score, rank),
            rank=None if rank is None else int(rank),
            group=group,
        )
    )


def _column(
    fw: Framework,
    unit: str,
    year: int,
    columns: dict[str, tuple[int, str]],
    score: float | None,
    rank: float | None,
) -> str:
    """The column a problem with the record is reported against."""
    if not _unit_ok(fw, unit, year):
        return columns["unit"][1]
    if score is None:
        return columns["rank" if rank is not None else "group"][1]
    return columns["score"][1]


def _group_code(fw: Framework, value: Any) -> str | None:
    """A published group as the framework's tier code: its code or its label in either language
    ("Rất tốt", "rat tot", "Very good"); unknown text is kept as typed for the check to name."""
    text = str(value or "").strip()
    if not text:
        return None
    key = normalize_name(text)
    for tier in fw.tiers:
        if key in {normalize_name(tier.code), normalize_name(tier.label.vi)}:
            return tier.code
        if key == normalize_name(tier.label.en):
            return tier.code
    return text


def _unit_ok(fw: Framework, code: str, year: int) -> bool:
    return fw.has_unit(code) and fw.unit(code).exists_in(year)
