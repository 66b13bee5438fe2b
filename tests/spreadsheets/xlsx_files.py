"""Minimal XLSX files written part by part, streaming, so a test can build a workbook of a
million rows or a shared-strings bomb in a second and without holding it inflated."""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml"
 ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
</Types>"""
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
_WORKBOOK = f"""<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="{_R}">
<sheets><sheet name="Nhiệm vụ" sheetId="1" r:id="rId1"/></sheets></workbook>"""
_WORKBOOK_RELS = f"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="{_R}/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/>
</Relationships>"""
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
COLUMNS = "ABCDEFGH"


def _row(values: Iterable[str]) -> str:
    """A row without cell references: openpyxl numbers rows and cells by their order."""
    cells = "".join(
        f'<c t="inlineStr"><is><t>{escape(text)}</t></is></c>' if text else "<c/>"
        for text in values
    )
    return f"<row>{cells}</row>"


def _write(package: zipfile.ZipFile, part: str, chunks: Iterable[str]) -> None:
    with package.open(part, "w") as out:
        buffer: list[str] = []
        for chunk in chunks:
            buffer.append(chunk)
            if len(buffer) >= 64:
                out.write("".join(buffer).encode())
                buffer = []
        out.write("".join(buffer).encode())


def xlsx(
    rows: Iterable[Iterable[str]],
    repeat: tuple[Iterable[str], int] = ((), 0),
    shared_strings: Iterable[str] = (),
) -> bytes:
    """A workbook whose sheet "Nhiệm vụ" holds `rows` (inline text from row 1), then the row
    `repeat[0]` `repeat[1]` times, plus a shared strings part made of the `shared_strings`
    chunks (raw XML inside <sst>)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _ROOT_RELS)
        package.writestr("xl/workbook.xml", _WORKBOOK)
        package.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        _write(package, "xl/sharedStrings.xml", _shared(shared_strings))
        repeated, count = repeat
        block = _row(repeated) * 1000
        sheet = itertools.chain(
            (_row(values) for values in rows),
            itertools.repeat(block, count // 1000),
            itertools.repeat(_row(repeated), count % 1000),
        )
        _write(package, "xl/worksheets/sheet1.xml", _sheet(sheet))
    return buffer.getvalue()


def _sheet(rows: Iterator[str]) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
    yield from rows
    yield "</sheetData></worksheet>"


def _shared(chunks: Iterable[str]) -> Iterator[str]:
    yield f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">'
    yield from chunks
    yield "</sst>"


def big_strings(count: int, size: int) -> Iterator[str]:
    """`count` shared strings of `size` letters each, in 64 KB chunks."""
    block = "A" * 65536
    for _ in range(count):
        yield "<si><t>"
        for _ in range(size // len(block)):
            yield block
        yield "</t></si>"
