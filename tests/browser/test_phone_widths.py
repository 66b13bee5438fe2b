"""On a 390 px phone no page of the demo is wider than the screen, for any role: wide tables
scroll inside their own box, with a fade on the side that has more to see."""

import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
PAGES = [
    "/",
    "/hoat-dong/",
    "/hoat-dong/kiem-tra/",
    "/hoat-dong/tuyen-truyen/",
    "/hoat-dong/niem-yet/",
    "/hoat-dong/do-phu/",
    "/hoat-dong/khao-sat/",
    "/ke-hoach/",
    "/bang-dieu-khien/han/",
]


@override_settings(CHISO_TODAY="2023-08-15")
def test_demo_pages_fit_a_phone_for_every_role(browser, live_server, settings, papi_data_dir):
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    call_command("load_demo", verbosity=0)
    too_wide = []
    for username in ("sonoivu", "nhatrang", "mttq", "lanhdao"):
        context = browser.new_context(viewport=PHONE, locale="vi-VN")
        page = context.new_page()
        login(page, live_server.url, username, password="chiso-demo")
        for path in PAGES:
            page.goto(f"{live_server.url}{path}")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                too_wide.append(f"{username} {path}: {width}px")
        context.close()
    assert not too_wide, too_wide


@pytest.fixture
def coordinator_on_a_phone(browser, live_server, settings, papi_data_dir):
    """The demo's coordinator logged in on a 390 px phone on 15/08/2023: (page, site url)."""
    settings.CHISO_TODAY = "2023-08-15"
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    call_command("load_demo", verbosity=0)
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "sonoivu", password="chiso-demo")
    yield page, live_server.url
    context.close()


def test_a_wide_table_fades_on_the_side_with_more(coordinator_on_a_phone):
    page, url = coordinator_on_a_phone
    # The profile's dimension table (names, score, rank, tier, change) is wider than a phone.
    page.goto(f"{url}/cong-khai/tinh/khanh-hoa/2022/")
    page.wait_for_load_state("networkidle")
    wide = page.locator("[data-testid=dimensions]").locator("xpath=..").element_handle()
    assert wide.get_attribute("data-more") == "right"
    wide.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
    page.wait_for_function("box => box.dataset.more === 'left'", arg=wide)
    # The trend chart fits the phone (every third year labelled): nothing to scroll, no fade.
    trend = page.locator(".chart-scroll").first
    assert trend.evaluate("box => box.scrollWidth <= box.clientWidth")
    assert trend.get_attribute("data-more") in (None, "")
    menu = page.locator(".site-nav ul")
    assert menu.get_attribute("data-more") == "right"  # the menu strip says it scrolls
    screenshot(page, "phone-wide-table-cue")


def test_the_dashboards_tables_fold_into_blocks_on_a_phone(coordinator_on_a_phone):
    """The units, sections, agencies, compliance and inspection tables: one block per row with
    labelled figures, nothing scrolled sideways (the overdue counts were off the screen)."""
    page, url = coordinator_on_a_phone
    page.goto(f"{url}/bang-dieu-khien/")
    page.wait_for_load_state("networkidle")
    scrolled = page.evaluate(
        "[...document.querySelectorAll('.table-wrap')]"
        ".filter(box => box.scrollWidth > box.clientWidth + 1).length"
    )
    assert scrolled == 0
    overdue = page.locator("[data-testid=by-section] td[data-label='Quá hạn']").first
    assert overdue.is_visible()
    label = overdue.evaluate("td => getComputedStyle(td, '::before').content")
    assert "Quá hạn" in label
    screenshot(page, "phone-dashboard")
