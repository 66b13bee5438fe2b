"""A task-framework upload cannot exhaust the server (issue 11): the workbook is opened within
the zip limits, read in streaming mode only up to the row limit, and read once per upload —
its preview page and its confirmation reuse what was read."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from chiso.plans.models import Task
from chiso.spreadsheets import framework_import, framework_reader
from chiso.spreadsheets.framework_import import preview_framework, upload_framework
from chiso.spreadsheets.models import TaskImport
from tests.dashboards.conftest import PlanData
from tests.spreadsheets.conftest import HEADERS
from tests.spreadsheets.test_import import GOOD_ROWS
from tests.spreadsheets.xlsx_files import big_strings, xlsx
from tests.zip_bombs import peak_memory

pytestmark = pytest.mark.django_db
MiB = 1024 * 1024
ROW = ["1", "II.1", "Cập nhật trang thông tin điện tử", "1.1", "Sở Nội vụ", "", "", ""]


def errors(plan: Any, data: bytes) -> list[str]:
    return [str(e) for e in preview_framework(plan, "khung.xlsx", data).errors]


def test_a_million_rows_in_a_small_file_are_refused_without_reading_them(
    plan_data: PlanData,
) -> None:
    data = xlsx([HEADERS], repeat=(["", "", "x"], 1_000_000))
    assert len(data) < 400 * 1024
    assert errors(plan_data.plan, data) == [
        "khung.xlsx: Tệp “khung.xlsx” bị từ chối: phần “xl/worksheets/sheet1.xml” khi giải nén "
        "lớn hơn 32 MB (có thể là tệp nén độc hại)."
    ]
    assert peak_memory(lambda: preview_framework(plan_data.plan, "k.xlsx", data)) < 8 * MiB


def test_a_shared_strings_bomb_is_refused_without_loading_it(plan_data: PlanData) -> None:
    data = xlsx([HEADERS, ROW], shared_strings=big_strings(200, MiB))  # 200 MB of text
    assert len(data) < 400 * 1024
    assert errors(plan_data.plan, data) == [
        "khung.xlsx: Tệp “khung.xlsx” bị từ chối: phần “xl/sharedStrings.xml” khi giải nén "
        "lớn hơn 32 MB (có thể là tệp nén độc hại)."
    ]
    assert peak_memory(lambda: preview_framework(plan_data.plan, "k.xlsx", data)) < 8 * MiB


def test_reading_stops_at_the_row_limit(
    plan_data: PlanData, monkeypatch: pytest.MonkeyPatch
) -> None:
    """20,000 different tasks (within the zip limits): refused after the 5,001st."""
    names = random.Random(1)
    rows = [[str(n), "II.1", f"Nhiệm vụ {names.randbytes(8).hex()}"] for n in range(20_000)]
    data = xlsx([HEADERS, *rows])
    read = 0
    find_header = framework_reader._find_header

    def counting(file_name: str, ws: Any) -> Any:
        nonlocal read
        header_row, found, rest = find_header(file_name, ws)

        def counted() -> Any:
            nonlocal read
            for values in rest:
                read += 1
                yield values

        return header_row, found, counted()

    monkeypatch.setattr(framework_reader, "_find_header", counting)
    assert errors(plan_data.plan, data) == [
        "khung.xlsx: Tệp có quá nhiều dòng: đã đọc đến dòng 5002 mà còn nhiệm vụ "
        "(tối đa 5000 nhiệm vụ một lần nhập)."
    ]
    assert read == 5001


def test_an_upload_is_read_once(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    make_xlsx: Callable[..., bytes],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[str] = []
    read_framework = framework_import.read_framework

    def counting(file_name: str, data: bytes) -> Any:
        reads.append(file_name)
        return read_framework(file_name, data)

    monkeypatch.setattr(framework_import, "read_framework", counting)
    client.force_login(users["coordinator"])
    upload = SimpleUploadedFile("khung.xlsx", make_xlsx(GOOD_ROWS))
    response = client.post(f"/bang-tinh/ke-hoach/{plan_data.plan.pk}/nhap/", {"file": upload})
    task_import = TaskImport.objects.get()
    assert response.url == f"/bang-tinh/nhap/{task_import.pk}/"
    for _ in range(3):
        page = client.get(response.url)
        assert "Tổ chức đối thoại với người dân" in page.content.decode()
    client.post(f"/bang-tinh/nhap/{task_import.pk}/xac-nhan/")
    assert Task.objects.filter(plan=plan_data.plan).count() == 4 + 3
    assert reads == ["khung.xlsx"]


def test_an_unreadable_upload_keeps_its_errors(
    plan_data: PlanData, users: dict[str, Any], client: Client
) -> None:
    data = xlsx([HEADERS, ROW], shared_strings=big_strings(200, MiB))
    task_import = upload_framework(users["coordinator"], plan_data.plan, "bom.xlsx", data)
    assert task_import.parsed["errors"][0][3].startswith("Tệp “bom.xlsx” bị từ chối")
    client.force_login(users["coordinator"])
    page = client.get(f"/bang-tinh/nhap/{task_import.pk}/").content.decode()
    assert "bị từ chối" in page


def test_an_upload_kept_before_reads_were_stored_is_read_then(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    task_import = upload_framework(
        users["coordinator"], plan_data.plan, "khung.xlsx", make_xlsx(GOOD_ROWS)
    )
    TaskImport.objects.filter(pk=task_import.pk).update(parsed=None)
    task_import.refresh_from_db()
    assert len(framework_import.preview_upload(task_import).drafts) == 3
    assert TaskImport.objects.get().parsed["sheet"]["rows"][0][0] == 2  # stored now
