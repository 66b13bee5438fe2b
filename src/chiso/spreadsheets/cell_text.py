"""Values as chiso writes them into workbook cells: the one place for the rules every XLSX it
writes follows (`spreadsheets.xlsx` for every table, `documents.annex` for the report annex).

* **Text is never a formula.** openpyxl stores a string starting with "=" as a formula, and Excel
  evaluates text that starts with =, +, -, @ (OWASP "CSV injection"): a task titled
  `=HYPERLINK("http://x","y")` would become a live link. Every string is stored as a text cell,
  and one that starts with =, +, -, @, a tab or a line break also carries Excel's quote-prefix
  mark (what typing a leading ' does), so editing the cell in Excel keeps it text. The text
  itself is not changed.
* **Text is never cut silently.** A cell holds at most 32,767 characters: longer text is cut
  with a note at its end saying so and where to read it in full.
* Characters XML cannot carry (control characters pasted from other programs) are dropped
  instead of failing the whole export.
"""

from __future__ import annotations

from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

EXCEL_CELL_CHARS = 32_767
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def fit_text(text: str, where: str = "") -> str:
    """`text` within one cell; when longer, cut with a visible note ending it. `where` says
    where the full text is (a page of chiso); without it the note says "in chiso"."""
    if len(text) <= EXCEL_CELL_CHARS:
        return text
    note = _(
        " […] [Đã cắt bớt: một ô Excel chứa tối đa %(limit)s ký tự; toàn văn xem tại %(where)s.]"
    ) % {
        "limit": number_format(EXCEL_CELL_CHARS, force_grouping=True),
        "where": where or _("chiso"),
    }
    return text[: EXCEL_CELL_CHARS - len(note)] + note


def set_cell(cell: Any, value: Any) -> None:
    """Put `value` into an openpyxl cell; text by the rules above, anything else as is."""
    if not isinstance(value, str):
        cell.value = value
        return
    text = fit_text(ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.value = text
    cell.data_type = "s"  # openpyxl made it "f" (formula) when it starts with "="
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
