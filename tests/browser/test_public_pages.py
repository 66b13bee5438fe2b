"""Every public page for Khánh Hòa 2022 and 2023 in Chromium: figures, no private data, and
screenshots at desktop (1366×768) and phone (390×844) sizes under test-output/."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings

from chiso.accounts.models import Role
from tests.conftest import login, screenshot
from tests.public.conftest import shared_results
from tests.public.plan_data import COMMUNE_TASK, PUBLIC_TASK, assert_no_private_data, make_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def papi(monkeypatch: pytest.MonkeyPatch, papi_data_dir: Any) -> Any:
    from chiso.results import store

    results = shared_results()
    monkeypatch.setattr(store, "load_results", lambda index="PAPI": results)
    return results


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport=PHONE, locale="vi-VN", device_scale_factor=2, is_mobile=True, has_touch=True
    )
    yield context.new_page()
    context.close()


def open_both(page: Any, phone: Any, url: str, name: str) -> str:
    """Open `url` at both sizes, save both screenshots, return the page text."""
    for target, size in ((page, "desktop"), (phone, "phone")):
        response = target.goto(url)
        assert response is not None and response.status == 200, url
        screenshot(target, f"public-{name}-{size}")
    assert_no_private_data(page.content())
    return page.locator("main").inner_text()


# Figures from the province's own plan (2022) and from the engine (2023).
EXPECTED = {
    2022: ("43,44", "16/61", "Cao", "+1,75", "+24"),
    2023: ("44,94", "8/61", "Cao", "+1,51", "+8"),
}


@override_settings(CHISO_TODAY="2023-08-15")
@pytest.mark.parametrize("year", [2022, 2023])
def test_public_pages_khanh_hoa(
    live_server, page, phone, papi, province, make_agency, make_user, year
) -> None:
    data = make_plan(province, make_agency, make_user)
    score, rank, tier, change, places = EXPECTED[year]
    base = live_server.url

    text = open_both(page, phone, f"{base}/cong-khai/tinh/khanh-hoa/{year}/", f"profile-{year}")
    assert page.get_by_test_id("score").inner_text() == score
    assert page.get_by_test_id("rank").inner_text() == rank
    assert page.get_by_test_id("tier").inner_text() == tier
    assert page.get_by_test_id("change").inner_text() == change
    assert page.get_by_test_id("rank-change").inner_text() == places
    assert "Điểm mạnh" in text and "Điểm yếu" in text

    text = open_both(page, phone, f"{base}/cong-khai/xep-hang/{year}/", f"ranking-{year}")
    assert "61 tỉnh, thành phố có điểm" in text
    row = page.locator('tr[data-province="56"]').inner_text()
    assert score in row and tier in row and rank.split("/")[0] in row
    assert page.locator("svg.chart--tilemap g.tile").count() == 63
    _ranking_fits_a_phone(phone, places)

    if year == 2022:
        _plan_pages(page, phone, base, data)
        _entry_pages(page, phone, base)


def _ranking_fits_a_phone(phone: Any, places: str) -> None:
    """At 390 px nothing in the ranking scrolls sideways, and Khánh Hòa's block shows its change
    of rank under its rank, on the line of its group and change of score."""
    wrap = phone.evaluate(
        "() => { const w = document.querySelector('.table-wrap');"
        " return [w.scrollWidth, w.clientWidth, document.documentElement.scrollWidth]; }"
    )
    assert wrap[0] <= wrap[1] and wrap[2] <= 390, wrap
    cells = phone.locator('tr[data-province="56"] td')
    rank, name, change_of_rank = (cells.nth(i).bounding_box() for i in (0, 1, 5))
    assert cells.nth(5).inner_text() == places
    assert abs(change_of_rank["x"] - rank["x"]) < 1 and change_of_rank["y"] > rank["y"]
    assert name["x"] > rank["x"] and cells.nth(3).bounding_box()["y"] > name["y"]


def _plan_pages(page: Any, phone: Any, base: str, data: Any) -> None:
    text = open_both(page, phone, f"{base}/cong-khai/ke-hoach/{data.plan.pk}/", "plan")
    assert PUBLIC_TASK in text and COMMUNE_TASK in text and "Chưa đạt" in text
    url = f"{base}/cong-khai/ke-hoach/{data.plan.pk}/?don-vi={data.commune.pk}"
    text = open_both(page, phone, url, "plan-commune")
    assert COMMUNE_TASK in text and PUBLIC_TASK not in text
    url = f"{base}/cong-khai/ke-hoach/{data.plan.pk}/ban-in/?don-vi={data.commune.pk}"
    text = open_both(page, phone, url, "plan-print")
    assert "Bản dành cho: UBND phường Vĩnh Hải" in text
    page.emulate_media(media="print")
    screenshot(page, "public-plan-print-as-printed")
    assert not page.locator(".toolbar").is_visible()
    page.emulate_media(media="screen")


def _entry_pages(page: Any, phone: Any, base: str) -> None:
    text = open_both(page, phone, f"{base}/cong-khai/", "index")
    assert "43,81" in text  # Khánh Hòa's latest (2024) aggregate
    text = open_both(page, phone, f"{base}/", "home")
    assert "Kết quả PAPI năm 2024" in text
    open_both(page, phone, f"{base}/cong-khai/xep-hang/2022/?chi-so=4&sort=change", "ranking-dim4")
    # The pickers work without JavaScript: a plain form submit.
    page.goto(f"{base}/cong-khai/tinh/khanh-hoa/2022/")
    page.select_option("#pick-province", "ha-noi")
    page.select_option("#pick-year", "2019")
    page.click("[data-testid=pickers] button")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/cong-khai/tinh/ha-noi/2019/")


def test_results_page_logged_in(live_server, page, phone, papi, province, make_user) -> None:
    make_user("lanhdao", Role.LEADERSHIP, province)
    login(page, live_server.url, "lanhdao")
    page.click("nav >> text=Kết quả chỉ số")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/ket-qua/")
    page.goto(f"{live_server.url}/ket-qua/?nam=2022")
    assert page.get_by_test_id("score").inner_text() == "43,44"
    assert page.get_by_test_id("rank").inner_text() == "16/61"
    screenshot(page, "results-2022-desktop")
    login(phone, live_server.url, "lanhdao")
    phone.goto(f"{live_server.url}/ket-qua/?nam=2022")
    screenshot(phone, "results-2022-phone")
