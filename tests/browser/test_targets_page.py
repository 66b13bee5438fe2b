"""The "what it takes" page in a browser: from the menu, through the plain GET form, to the
split table, on a desktop screen and a phone (screenshots in test-output/)."""

from __future__ import annotations

from typing import Any

import pytest

from chiso.accounts.models import Role
from chiso.index import Results, load_papi
from tests.conftest import PAPI_DATA_DIR, login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def papi() -> Results:
    if not PAPI_DATA_DIR.is_dir():
        pytest.fail(f"PAPI data not found at {PAPI_DATA_DIR} (set CHISO_SHARED_DIR)")
    return load_papi(PAPI_DATA_DIR)


@pytest.fixture
def served(papi: Results, monkeypatch: pytest.MonkeyPatch) -> Results:
    """The live server's views see the shared PAPI data as the stored results."""
    monkeypatch.setattr("chiso.targets.views.load_results", lambda index="PAPI": papi)
    return papi


def test_coordinator_asks_what_tier_high_takes(
    live_server: Any, page: Any, served: Any, province: Any, make_user: Any
) -> None:
    make_user("sonoivu", Role.COORDINATOR, province)
    login(page, live_server.url, "sonoivu")
    page.click("nav.site-nav >> text=Lộ trình mục tiêu")
    page.wait_for_load_state("networkidle")
    # First visit: next year's target (2025) for the top tier, already answered.
    assert page.locator("#id_nam").input_value() == "2025"
    assert "năm 2025" in page.locator("#target-result-title").inner_text()

    page.fill("#id_nam", "2023")
    page.check("input[name=muc_tieu][value=nhom]")
    page.select_option("#id_nhom", "high")
    page.click("[data-testid=target-submit]")
    page.wait_for_load_state("networkidle")
    assert "nam=2023" in page.url
    title = page.locator("#target-result-title").inner_text()
    assert title == "Khánh Hòa — Chỉ số PAPI tổng hợp năm 2023: thuộc nhóm Cao"
    assert page.locator("[data-testid=kpi-baseline] .kpi__value").inner_text() == "43,44"
    assert page.locator("[data-testid=kpi-required] .kpi__value").inner_text().startswith(">")
    assert page.locator("[data-testid=caveats] li").count() >= 4
    # The 28-row split is folded under the three priorities; opening it shows every row.
    assert page.locator("[data-testid=priorities] strong").count() == 3
    assert not page.locator("[data-testid=split-table]").is_visible()
    page.click("text=Bảng phân bổ mức tăng theo từng nội dung thành phần")
    assert page.locator("[data-testid=split-table] tbody tr").count() == 28
    assert page.locator("[data-testid=split-table] svg.bar").count() == 28
    assert page.locator("[data-testid=split-table]").is_visible()
    # The statistician's notes are folded too.
    assert not page.locator("[data-testid=projection-seed]").is_visible()
    screenshot(page, "targets-tier-high-desktop")

    page.set_viewport_size(PHONE)
    page.reload()
    page.wait_for_load_state("networkidle")
    # The wide table scrolls inside its wrapper; the page itself does not scroll sideways.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, "targets-tier-high-phone")


def test_out_of_reach_and_bad_input(
    live_server: Any, page: Any, served: Any, province: Any, make_user: Any
) -> None:
    make_user("lanhdao", Role.LEADERSHIP, province)
    login(page, live_server.url, "lanhdao")
    page.goto(f"{live_server.url}/ket-qua/muc-tieu/?nam=2023&muc_tieu=diem&diem=60")
    assert "Không thể đạt trong một năm" in page.locator("[data-testid=verdict]").inner_text()
    screenshot(page, "targets-out-of-reach")

    page.fill("#id_diem", "47")
    page.click("[data-testid=target-submit]")
    page.wait_for_load_state("networkidle")
    assert "Mức tăng này hiếm gặp" in page.locator("[data-testid=verdict]").inner_text()
    screenshot(page, "targets-rare")

    page.check("input[name=muc_tieu][value=hang]")
    page.fill("#id_hang", "99")
    page.click("[data-testid=target-submit]")
    page.wait_for_load_state("networkidle")
    errors = page.locator("[data-testid=goal-errors]").inner_text()
    assert "Thứ hạng phải là số nguyên từ 1 đến 61" in errors
    assert page.locator("[data-testid=target-result]").count() == 0
    screenshot(page, "targets-bad-rank")


def test_national_viewer_picks_a_province(
    live_server: Any, page: Any, served: Any, make_user: Any
) -> None:
    make_user("quocgia", Role.NATIONAL_VIEWER)
    login(page, live_server.url, "quocgia")
    page.goto(f"{live_server.url}/ket-qua/muc-tieu/")
    page.select_option("#id_tinh", label="Đà Nẵng")
    page.fill("#id_nam", "2024")
    page.click("[data-testid=target-submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("#target-result-title").inner_text().startswith("Đà Nẵng — ")
    screenshot(page, "targets-national-viewer")

    page.click("[data-testid=lang-en]")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Target roadmap"
    assert page.locator("label[for=id_nam]").inner_text() == "Target year"
    assert page.locator("[data-testid=kpi-baseline] .kpi__value").inner_text() == "42.67"
    screenshot(page, "targets-english")
