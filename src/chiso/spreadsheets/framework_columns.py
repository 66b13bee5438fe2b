"""The documented columns of a task-framework workbook (docs/task-framework-xlsx.md), shared by
the importer and the task export so that an exported framework imports again unchanged."""

from __future__ import annotations

from dataclasses import dataclass

from chiso.accounts.names import agency_key

SHEET_NAME = "Nhiệm vụ"
RECURRING_TEXT = "Thường xuyên"
# Separators between several agencies or unit codes in one cell.
LIST_SEPARATORS = (";", "\n")


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    header: str  # as written in the template (Vietnamese, the source language)
    required: bool
    aliases: tuple[str, ...] = ()

    def matches(self, text: str) -> bool:
        key = agency_key(text)
        return key in {agency_key(h) for h in (self.header, *self.aliases)}


TASK_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("code", "STT", False, ("Số thứ tự",)),
    ColumnSpec("section", "Mục", True, ("Phần",)),
    ColumnSpec("title", "Nhiệm vụ", True, ("Nội dung nhiệm vụ", "Tên nhiệm vụ")),
    ColumnSpec("units", "Chỉ số/nội dung liên quan", False, ("Chỉ số liên quan", "Chỉ số")),
    ColumnSpec("lead", "Cơ quan chủ trì", True, ("Chủ trì", "Đơn vị chủ trì")),
    ColumnSpec("coordinate", "Cơ quan phối hợp", False, ("Phối hợp", "Đơn vị phối hợp")),
    ColumnSpec("deadline", "Thời hạn", True, ("Thời gian hoàn thành", "Hạn hoàn thành")),
    ColumnSpec("output", "Sản phẩm", False, ("Sản phẩm đầu ra", "Kết quả, sản phẩm")),
)


def split_list(text: str) -> list[str]:
    """ "Sở Nội vụ; Sở Tư pháp" or one name per line → the names, blanks dropped."""
    for sep in LIST_SEPARATORS[1:]:
        text = text.replace(sep, LIST_SEPARATORS[0])
    return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]
