"""The hand-built plan of the dashboard tests, and a writer of task-framework workbooks."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from openpyxl import Workbook

from tests.dashboards.conftest import (  # noqa: F401
    fast_passwords,
    plan_data,
    today_2023,
    users,
)

HEADERS = [
    "STT",
    "Mục",
    "Nhiệm vụ",
    "Chỉ số/nội dung liên quan",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời hạn",
    "Sản phẩm",
]


def workbook_bytes(
    rows: Sequence[Sequence[Any]],
    headers: Sequence[str] = HEADERS,
    sheet: str = "Nhiệm vụ",
    title_rows: Sequence[str] = (),
    extra_sheets: Sequence[str] = (),
) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for line in title_rows:
        ws.append([line])
    ws.append(list(headers))
    for row in rows:
        ws.append(list(row))
    for name in extra_sheets:
        wb.create_sheet(name)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def make_xlsx() -> Callable[..., bytes]:
    return workbook_bytes
