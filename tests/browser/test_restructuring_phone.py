"""`/sap-xep/` after the demo's 2025 replay, on a 390 px phone: one block per restructuring with
its totals, each successor's dissolved agencies folded (42 communes used to make the page
12,000 px tall), opened with a tap; nothing wider than the screen."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@override_settings(CHISO_TODAY="2025-07-15")
def test_the_restructuring_page_fits_a_phone(browser, live_server, settings, papi_data_dir):
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    call_command("load_demo", "--after-2025", verbosity=0)
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "sonoivu", password="chiso-demo")
    page.goto(f"{live_server.url}/sap-xep/")
    assert page.locator("[data-testid=restructure-record]").count() == 3
    groups = page.locator("[data-testid=restructure-group]")
    assert groups.count() == 7 + 2  # the communes' 7 new wards; the committee and Sở Nội vụ
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollHeight") < 2500
    north = groups.filter(has_text="UBND phường Bắc Nha Trang")
    assert not north.locator("li").first.is_visible()
    north.locator("summary").click()
    assert north.locator("li").count() == 4 and north.locator("li").first.is_visible()
    context.close()
