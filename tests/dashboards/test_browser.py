"""Chromium: the coordinator imports a task framework (error, then a good file) and sees the
dashboard with weak units flagged; an agency officer sees their agency highlighted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from chiso.dashboards import dashboard as dashboard_module
from chiso.index import load_papi
from chiso.plans.models import Objective, ObjectiveKind
from tests.conftest import PAPI_DATA_DIR, login, screenshot
from tests.dashboards.conftest import PlanData
from tests.spreadsheets.conftest import workbook_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = [
    [
        "5",
        "II.3. Trách nhiệm giải trình",
        "Đối thoại định kỳ với người dân",
        "3.2",
        "UBND các huyện, thị xã, thành phố",
        "Sở Nội vụ",
        "30/09/2023",
        "Báo cáo",
    ],
    ["6", "II.3", "Kiểm tra công tác tiếp công dân", "3", "Sở Nội vụ", "", "Thường xuyên", ""],
]


@pytest.fixture
def with_results(monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path(PAPI_DATA_DIR).is_dir():
        pytest.fail(f"PAPI data not found at {PAPI_DATA_DIR}")
    results = load_papi(PAPI_DATA_DIR)
    monkeypatch.setattr(dashboard_module, "load_results", lambda index="PAPI": results)


def test_import_then_dashboard(
    live_server: Any,
    page: Any,
    plan_data: PlanData,
    users: dict[str, Any],
    settings: Any,
    with_results: None,
    tmp_path: Path,
) -> None:
    settings.CHISO_TODAY = "2023-08-15"
    Objective.objects.create(
        plan=plan_data.plan,
        code="1",
        order=1,
        text="Chỉ số PAPI tổng hợp đạt từ 45 điểm trở lên",
        kind=ObjectiveKind.AGGREGATE_SCORE_MIN,
        value=Decimal("45"),
    )
    Objective.objects.create(
        plan=plan_data.plan,
        code="2",
        order=2,
        text="Chỉ số nội dung 1 đạt nhóm trung bình cao trở lên",
        kind=ObjectiveKind.UNIT_TIER_MIN,
        unit="1",
        tier="high_average",
    )
    bad, good = tmp_path / "sai.xlsx", tmp_path / "khung.xlsx"
    bad.write_bytes(workbook_bytes([[*ROWS[0][:4], "UBND TP Nha Trangg", "", "31/02/2023", ""]]))
    good.write_bytes(workbook_bytes(ROWS))

    login(page, live_server.url, "sonoivu")
    page.goto(f"{live_server.url}/bang-dieu-khien/")
    page.click("text=Nhập nhiệm vụ từ XLSX")
    page.set_input_files("input[type=file]", str(bad))
    page.click("text=Tải lên và xem trước")
    errors = page.locator("[data-testid=import-errors]")
    assert "Có phải: “UBND thành phố Nha Trang”?" in errors.inner_text()
    assert "31/02/2023" in errors.inner_text()
    screenshot(page, "import-preview-errors")

    page.click("text=Tải tệp khác")
    page.set_input_files("input[type=file]", str(good))
    page.click("text=Tải lên và xem trước")
    assert "Sẵn sàng nhập 2 nhiệm vụ" in page.locator("[data-testid=import-ok]").inner_text()
    screenshot(page, "import-preview-ok")
    page.click("[data-testid=import-confirm]")
    page.wait_for_load_state("networkidle")
    assert "Đã nhập 2 nhiệm vụ (4 phân công, 1 mục mới)." in page.locator(".messages").inner_text()
    # 7 + T5 (Nha Trang, Cam Ranh lead; Sở Nội vụ coordinates) + T6 (Sở Nội vụ) = 11.
    assert page.locator("[data-testid=kpi-total]").inner_text() == "11"
    assert page.locator("[data-testid=kpi-overdue]").inner_text() == "1"
    unaddressed = page.locator("[data-testid=unaddressed]").inner_text()
    assert "1.2" in unaddressed and "1.4" in unaddressed and "6.1" in unaddressed
    assert "3.2" not in unaddressed  # the import just addressed it
    assert page.locator("tr[data-unit='1.4'] [data-testid=flag-unaddressed]").count() == 1
    screenshot(page, "dashboard-coordinator")

    page.click(f"tr[data-agency='{plan_data.nha_trang.pk}'] a.bad")
    page.wait_for_load_state("networkidle")
    assert "/nhiem-vu/" in page.url and "status=overdue" in page.url
    assert "Tuyên truyền dân chủ cơ sở" in page.content()


def test_agency_officer_dashboard_and_deadlines(
    live_server: Any,
    page: Any,
    plan_data: PlanData,
    users: dict[str, Any],
    settings: Any,
    with_results: None,
) -> None:
    settings.CHISO_TODAY = dt.date(2023, 8, 15).isoformat()
    login(page, live_server.url, "nhatrang")
    page.goto(f"{live_server.url}/bang-dieu-khien/{plan_data.plan.pk}/")
    assert "UBND thành phố Nha Trang" in page.locator("[data-testid=my-agency]").inner_text()
    assert page.locator("tr.is-mine").count() == 1
    screenshot(page, "dashboard-agency-officer")
    page.click("text=Quá hạn, sắp đến hạn")
    overdue = page.locator("[data-testid=overdue-list]").inner_text()
    assert "Tuyên truyền dân chủ cơ sở" in overdue and "46" in overdue
    screenshot(page, "deadlines-agency-officer")
