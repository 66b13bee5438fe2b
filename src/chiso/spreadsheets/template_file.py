"""The blank task-framework workbook offered for download (headers, one example row)."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from chiso.spreadsheets.framework_columns import RECURRING_TEXT, SHEET_NAME, TASK_COLUMNS
from chiso.spreadsheets.xlsx import Column, Kind, Sheet, workbook_to_xlsx

_WIDTHS = {
    "code": 8,
    "section": 22,
    "title": 60,
    "units": 14,
    "lead": 36,
    "coordinate": 36,
    "deadline": 14,
    "output": 40,
}


def framework_template(year: int) -> bytes:
    # Headers stay Vietnamese whatever the UI language: the importer reads these names.
    columns = [
        Column(
            c.header,
            _WIDTHS[c.key],
            Kind.DATE if c.key == "deadline" else Kind.TEXT,
            wrap=c.key in ("title", "output"),
        )
        for c in TASK_COLUMNS
    ]
    example: list[list[object]] = [
        [
            "1",
            "II.1. Ví dụ: Nâng cao hiệu quả tham gia của người dân ở cơ sở",
            "Ví dụ: Tổ chức tuyên truyền Luật Thực hiện dân chủ ở cơ sở",
            "1.1; 1.4",
            "UBND các huyện, thị xã, thành phố",
            "Sở Tư pháp",
            dt.date(year, 6, 30),
            "Báo cáo kết quả tuyên truyền",
        ],
        [
            "2",
            "II.1",
            "Ví dụ: Theo dõi, đôn đốc thực hiện",
            "1",
            "Sở Nội vụ",
            "",
            RECURRING_TEXT,
            "Báo cáo định kỳ",
        ],
    ]
    notes = [
        _("Xóa hai dòng ví dụ trước khi nhập. Nhiều cơ quan trong một ô: ngăn bằng dấu “;”."),
        _("Thời hạn: ngày dd/mm/yyyy hoặc “%(recurring)s”. Hướng dẫn: docs/task-framework-xlsx.md")
        % {"recurring": RECURRING_TEXT},
    ]
    return workbook_to_xlsx([Sheet(SHEET_NAME, columns, example, notes)])
