"""The cross-index page on a 390 px phone: leadership of Khánh Hòa sees PAPI and PCI (shared data,
read in place) year by year, nothing wider than the screen, and follows the PCI block to the
PCI results page."""

from __future__ import annotations

from typing import Any

import pytest

from chiso.accounts.models import Role
from chiso.index import Results
from chiso.results.errors import NoResults
from tests.conftest import login, screenshot
from tests.public.conftest import shared_pci, shared_results

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def two_indices(monkeypatch: pytest.MonkeyPatch, papi_data_dir: Any) -> None:
    from chiso.results import store

    found = {"PAPI": shared_results(), "PCI": shared_pci()}

    def load(index: str = "PAPI") -> Results:
        if index not in found:
            raise NoResults("none")
        return found[index]

    monkeypatch.setattr(store, "load_results", load)


def test_cross_index_page_on_a_phone(
    browser: Any, live_server: Any, two_indices: None, province: Any, make_user: Any
) -> None:
    make_user("lanhdao", Role.LEADERSHIP, province)
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "lanhdao")
    page.click("text=Bốn chỉ số")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text().startswith("Khánh Hòa trên bốn chỉ số")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert "26/63" in page.locator("[data-testid=latest-PCI]").locator("xpath=..").inner_text()
    screenshot(page, "indices-390")
    page.click("[data-testid=index-PCI] >> text=Xem chi tiết kết quả PCI")
    page.wait_for_load_state("networkidle")
    assert "Kết quả PCI năm 2020: Khánh Hòa" in page.locator("h1").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
