"""The layout of an administrative document under Decree 30/2020/NĐ-CP (Appendix I), in DOCX.

`OfficialDocument` writes the parts the decree fixes — issuing body and national motto header
block with their rules, number/symbol, place and date line, document type and summary, body,
"Nơi nhận" list and signature block — in Times New Roman on A4 with the decree's margins, and
numbers pages from page 2 at the top centre. Report builders only supply the words and figures.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

FONT = "Times New Roman"
BODY_PT = 14
# Decree 30, Appendix I: top 20–25 mm, bottom 20–25 mm, left 30–35 mm, right 15–20 mm.
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 20, 20, 30, 15
PAGE_W_MM, PAGE_H_MM = 210, 297
TEXT_W_MM = PAGE_W_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165
HEADER_LEFT_MM = 64  # issuing body column; the motto takes the rest
FIRST_LINE_INDENT = Cm(1.27)
NARROW_COLUMN_MM = 15  # a first column this narrow holds a number or code: centred
KEEP_TOGETHER_ROWS = 14  # tables up to this many rows are not split across pages
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class IssuingBody:
    """Who issues the document: `parent` (e.g. "UBND TỈNH KHÁNH HÒA") over `name` ("SỞ NỘI VỤ").

    A body with no parent writes its name on one or two bold lines ("ỦY BAN NHÂN DÂN" /
    "TỈNH KHÁNH HÒA"). `symbol` is the body's abbreviation in the number ("BC-SNV")."""

    name_lines: tuple[str, ...]
    symbol: str
    parent: str = ""
    label: str = ""  # the name in running text ("Sở Nội vụ")


@dataclass(frozen=True)
class Signature:
    """Signature block: authority lines ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and the signer."""

    title_lines: tuple[str, ...]
    signer: str = ""


@dataclass(frozen=True)
class DocumentHead:
    body: IssuingBody
    kind_code: str  # "BC" (báo cáo), "KH" (kế hoạch): the symbol is "{kind}-{body}"
    number: str  # "" leaves the number blank, to be filled in when the document is registered
    place: str  # "Khánh Hòa"
    date: dt.date
    kind_title: str  # "BÁO CÁO"
    summary: str  # trích yếu
    recipients: tuple[str, ...] = field(default_factory=tuple)
    signature: Signature = Signature(("GIÁM ĐỐC",))


def date_line(place: str, date: dt.date) -> str:
    """Khánh Hòa, ngày 05 tháng 01 năm 2023: days below 10 and months 1–2 get a leading zero
    (Decree 30, Appendix I, section II.4)."""
    day = f"{date.day:02d}"
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {day} tháng {month} năm {date.year}"


def number_line(head: DocumentHead) -> str:
    number = head.number or " " * 7
    symbol = f"{head.kind_code}-{head.body.symbol}" if head.body.symbol else head.kind_code
    if "/" in number:
        return f"Số: {number}"
    return f"Số: {number}/{symbol}"


# --- low-level formatting ---------------------------------------------------------------------


def set_font(run_or_style: object, size: float | None = None) -> None:
    """Times New Roman for every script slot, so Word never falls back for Vietnamese letters."""
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = FONT
    if size is not None:
        font.size = Pt(size)
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def add_run(
    paragraph: Paragraph,
    text: str,
    size: float = BODY_PT,
    bold: bool = False,
    italic: bool = False,
) -> None:
    run = paragraph.add_run(text)
    set_font(run, size)
    run.bold = bold
    run.italic = italic


def plain(paragraph: Paragraph, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """No indent, no spacing: for the header block, tables and the signature block."""
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.keep_with_next = False


def rule(container: DocxDocument | _Cell, length_mm: float, width_mm: float) -> None:
    """A centred solid line `length_mm` long inside a block `width_mm` wide (the short rules
    under the issuing body, the motto and the summary): the top border of an empty paragraph
    whose mark is 1 pt high, so the line sits just under the text above it."""
    paragraph = container.add_paragraph()
    plain(paragraph)
    side = Mm(max((width_mm - length_mm) / 2, 0))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.space_before = Pt(2)
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    ppr.append(borders)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    ppr.append(mark)


def _table_borders(table: Table, kind: str) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), kind)
        if kind != "nil":
            element.set(qn("w:sz"), "4")
            element.set(qn("w:color"), "000000")
        borders.append(element)
    tbl_pr.append(borders)


def _fixed_widths(table: Table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _rows_unsplit(table: Table, keep_together: bool) -> None:
    """No row breaks across pages; a short table also stays on one page (each row kept with
    the next, as Word and LibreOffice both honour). A longer table may break, but never leaves
    fewer than two data rows on either page (its header row repeats on the next)."""
    rows = table.rows
    last = len(rows) - 1
    for i, row in enumerate(rows):
        tr_pr = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        cant_split.set(qn("w:val"), "true")
        tr_pr.append(cant_split)
        orphan_guard = i <= 1 or i >= last - 2
        if i < last and (keep_together or orphan_guard):
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _page_number_header(document: DocxDocument) -> None:
    """Page numbers at the top centre from page 2 (Decree 30, Appendix I, section II.1.d)."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    plain(paragraph)
    run = paragraph.add_run()
    set_font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


# --- the document ----------------------------------------------------------------------------


class OfficialDocument:
    """A DOCX under construction. Call `header()` first and `closing()` last."""

    def __init__(self, head: DocumentHead) -> None:
        self.head = head
        self._after_heading = False
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_W_MM), Mm(PAGE_H_MM)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP_MM), Mm(MARGIN_BOTTOM_MM)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT_MM), Mm(MARGIN_RIGHT_MM)
        section.header_distance = Mm(10)
        normal = self.doc.styles["Normal"]
        set_font(normal, BODY_PT)
        fmt = normal.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = FIRST_LINE_INDENT
        fmt.space_before, fmt.space_after = Pt(0), Pt(6)
        fmt.line_spacing = 1.1
        _page_number_header(self.doc)
        self.doc.core_properties.title = f"{head.kind_title} {head.summary}"
        self.doc.core_properties.language = "vi-VN"

    # header block, title
    def header(self) -> None:
        head = self.head
        right_mm = TEXT_W_MM - HEADER_LEFT_MM
        table = self.doc.add_table(rows=2, cols=2)
        _table_borders(table, "nil")
        _fixed_widths(table, (HEADER_LEFT_MM, right_mm))
        left, right = table.cell(0, 0), table.cell(0, 1)
        lines: list[tuple[str, bool]] = []
        if head.body.parent:
            lines.append((head.body.parent, False))
        lines.extend((line, True) for line in head.body.name_lines)
        self._cell_lines(left, [(text, 13, bold) for text, bold in lines])
        longest = max(len(text) for text, _ in lines)
        rule(left, min(longest * 1.3, HEADER_LEFT_MM) * 0.45, HEADER_LEFT_MM)
        self._cell_lines(right, [(NATIONAL_NAME, 12, True), (MOTTO, 13, True)])
        rule(right, 61, right_mm)  # as long as the motto line at 13 pt bold
        number, when = table.cell(1, 0), table.cell(1, 1)
        self._cell_lines(number, [(number_line(head), 13, False)], space_before=6)
        when_p = when.paragraphs[0]
        plain(when_p)
        when_p.paragraph_format.space_before = Pt(6)
        add_run(when_p, date_line(head.place, head.date), 14, italic=True)
        self.title(head.kind_title, head.summary)

    def _cell_lines(
        self, cell: _Cell, lines: Sequence[tuple[str, float, bool]], space_before: float = 0
    ) -> None:
        for i, (text, size, bold) in enumerate(lines):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            plain(paragraph)
            if i == 0:
                paragraph.paragraph_format.space_before = Pt(space_before)
            add_run(paragraph, text, size, bold=bold)

    def title(self, kind_title: str, summary: str) -> None:
        first = self.doc.add_paragraph()
        plain(first)
        first.paragraph_format.space_before = Pt(24)
        first.paragraph_format.keep_with_next = True
        add_run(first, kind_title.upper(), 14, bold=True)
        second = self.doc.add_paragraph()
        plain(second)
        second.paragraph_format.keep_with_next = True
        add_run(second, summary, 14, bold=True)
        rule(self.doc, 50, TEXT_W_MM)
        spacer = self.doc.add_paragraph()
        plain(spacer)
        spacer.paragraph_format.space_after = Pt(6)

    # body
    def heading(self, text: str, level: int = 1) -> None:
        """I. … (bold caps), 1. … (bold), a) … (bold italic); indented like the body."""
        paragraph = self.doc.add_paragraph()
        paragraph.paragraph_format.keep_with_next = True
        paragraph.paragraph_format.space_before = Pt(6)
        add_run(paragraph, text, BODY_PT, bold=True, italic=level >= 3)
        self._after_heading = True

    def para(self, text: str, italic: bool = False) -> Paragraph:
        paragraph = self.doc.add_paragraph()
        add_run(paragraph, text, BODY_PT, italic=italic)
        if self._after_heading:
            # LibreOffice may leave a heading alone at the foot of a page when the paragraph after
            # it splits; kept whole, the paragraph takes its heading along to the next page.
            paragraph.paragraph_format.keep_together = True
            self._after_heading = False
        return paragraph

    def centered(self, text: str, bold: bool = False, italic: bool = False) -> None:
        """A centred line of the body (an annex's title and its "Kèm theo …" line)."""
        paragraph = self.doc.add_paragraph()
        plain(paragraph)
        paragraph.paragraph_format.space_after = Pt(3)
        paragraph.paragraph_format.keep_with_next = True
        add_run(paragraph, text, BODY_PT, bold=bold, italic=italic)

    def rich(self, parts: Sequence[tuple[str, bool]]) -> None:
        """A body paragraph whose (text, bold) parts alternate weights."""
        paragraph = self.doc.add_paragraph()
        for text, bold in parts:
            add_run(paragraph, text, BODY_PT, bold=bold)

    def caption(self, text: str) -> None:
        """The sentence introducing a table or list, kept on the same page as it."""
        self.para(text).paragraph_format.keep_with_next = True

    def bullets(self, items: Sequence[str], mark: str = "-") -> None:
        for item in items:
            self.para(f"{mark} {item}")

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths_mm: Sequence[float],
        numeric: Sequence[int] = (),
        size: float = 12,
    ) -> None:
        """A bordered data table: header row bold and repeated on each page; columns listed in
        `numeric` right-aligned; the caption is the preceding paragraph."""
        table = self.doc.add_table(rows=1 + len(rows), cols=len(header))
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        _table_borders(table, "single")
        _fixed_widths(table, widths_mm)
        _repeat_header(table)
        for c, text in enumerate(header):
            self._table_cell(table.cell(0, c), text, size, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
        for r, row in enumerate(rows, start=1):
            for c, text in enumerate(row):
                align = WD_ALIGN_PARAGRAPH.RIGHT if c in numeric else WD_ALIGN_PARAGRAPH.LEFT
                if c == 0 and widths_mm[0] <= NARROW_COLUMN_MM:
                    align = WD_ALIGN_PARAGRAPH.CENTER  # a number/code column
                self._table_cell(table.cell(r, c), text, size, align)
        _rows_unsplit(table, keep_together=len(rows) <= KEEP_TOGETHER_ROWS)
        spacer = self.doc.add_paragraph()
        plain(spacer)
        spacer.paragraph_format.space_after = Pt(6)

    @staticmethod
    def _table_cell(
        cell: _Cell, text: str, size: float, align: WD_ALIGN_PARAGRAPH, bold: bool = False
    ) -> None:
        paragraph = cell.paragraphs[0]
        plain(paragraph, align)
        paragraph.paragraph_format.space_before = Pt(2)
        paragraph.paragraph_format.space_after = Pt(2)
        add_run(paragraph, text, size, bold=bold)

    def picture(self, png: bytes, width_mm: float, caption: str) -> None:
        paragraph = self.doc.add_paragraph()
        plain(paragraph)
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(width_mm))
        note = self.doc.add_paragraph()
        plain(note)
        note.paragraph_format.space_after = Pt(8)
        add_run(note, caption, 12, italic=True)

    def page_break(self) -> None:
        paragraph = self.doc.add_paragraph()
        plain(paragraph)
        paragraph.add_run().add_break(WD_BREAK.PAGE)

    # closing
    def closing(self) -> None:
        """Nơi nhận on the left, the signature block on the right (one borderless table)."""
        head = self.head
        # The signature never stands alone on a page: the last body paragraph goes with it.
        last = self.doc.paragraphs[-1] if self.doc.paragraphs else None
        if last is not None:
            last.paragraph_format.keep_with_next = True
        table = self.doc.add_table(rows=1, cols=2)
        _table_borders(table, "nil")
        _fixed_widths(table, (85, TEXT_W_MM - 85))
        recipients, signature = table.cell(0, 0), table.cell(0, 1)
        first = recipients.paragraphs[0]
        plain(first, WD_ALIGN_PARAGRAPH.LEFT)
        first.paragraph_format.space_before = Pt(12)
        add_run(first, "Nơi nhận:", 12, bold=True, italic=True)
        items = list(head.recipients)
        for i, item in enumerate(items):
            paragraph = recipients.add_paragraph()
            plain(paragraph, WD_ALIGN_PARAGRAPH.LEFT)
            end = "." if i == len(items) - 1 else ";"
            add_run(paragraph, f"- {item.rstrip(';.')}{end}", 11)
        for i, line in enumerate(head.signature.title_lines):
            paragraph = signature.paragraphs[0] if i == 0 else signature.add_paragraph()
            plain(paragraph)
            if i == 0:
                paragraph.paragraph_format.space_before = Pt(12)
            add_run(paragraph, line.upper(), 14, bold=True)
        # Room for the hand signature and seal (about 25 mm), then the signer's name.
        gap = signature.add_paragraph()
        plain(gap)
        gap.paragraph_format.space_before = Pt(66)
        add_run(gap, head.signature.signer, 14, bold=True)
        self._keep_together(table)

    @staticmethod
    def _keep_together(table: Table) -> None:
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        cant_split.set(qn("w:val"), "true")
        tr_pr.append(cant_split)

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
