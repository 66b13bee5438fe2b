"""The abolition preview (/sap-xep/giai-the/) on a 390 px phone: each dissolved district a
folded block with its totals ("· 12 phân công chuyển · 0 giữ lại"), opened with a tap; its moved
assignments one block each (the task, then plan, deadline, progress, sub-assignments, reports
and how it moves on one line) instead of a seven-column table scrolling sideways. The demo's
nine districts made the preview 97,434 px tall at 390 px; folded it is 2,194."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from chiso.accounts.models import Agency, AgencyKind
from chiso.plans.services import create_task
from tests.conftest import login
from tests.plans.conftest import world  # noqa: F401  (the plan world fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LONG = (
    "Chỉ đạo UBND các xã, phường, thị trấn xây dựng kế hoạch cụ thể để tổ chức thực hiện "
    "công khai, minh bạch thu, chi ngân sách và giải quyết kịp thời kiến nghị của người dân"
)


@override_settings(CHISO_TODAY="2025-06-15")
def test_the_abolition_preview_fits_a_phone(
    browser: Any,
    live_server: Any,
    world: Any,  # noqa: F811
) -> None:
    committee = Agency.objects.create(
        province=world.province, name="UBND tỉnh Khánh Hòa", kind=AgencyKind.PEOPLES_COMMITTEE
    )
    for n in range(12):
        for district in (world.nha_trang, world.cam_ranh):
            create_task(
                world.coordinator, world.plan, title=f"{n + 1}. {LONG}",
                lead_agencies=[district], deadline=dt.date(2025, 9, 30),
            )  # fmt: skip
    context = browser.new_context(viewport=PHONE, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "sonoivu")
    page.goto(f"{live_server.url}/sap-xep/giai-the/")
    for district in (world.nha_trang, world.cam_ranh):
        page.select_option(f"select[name=ke_nhiem_{district.pk}]", str(committee.pk))
    page.click("[data-testid=abolish-preview]")
    page.wait_for_load_state()
    blocks = page.locator("[data-testid=abolish-handover]")
    assert blocks.count() == 2
    nha_trang = blocks.filter(has_text="UBND thành phố Nha Trang → UBND tỉnh Khánh Hòa")
    assert "12 phân công chuyển · 0 giữ lại" in nha_trang.locator("summary").inner_text()
    rows = nha_trang.locator("[data-testid=abolish-moves] tbody tr")
    assert not rows.first.is_visible()  # folded
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollHeight") < 2000
    nha_trang.locator("summary").click()
    assert rows.count() == 12 and rows.first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # One block per assignment: its figures on one line under the task, no table header.
    assert not nha_trang.locator("thead").is_visible()
    figures = rows.first.locator("td").nth(2).bounding_box()
    task = rows.first.locator("td").first.bounding_box()
    assert figures is not None and task is not None and figures["y"] > task["y"]
    deadline = rows.first.locator("td").nth(2)
    assert deadline.inner_text() == "30/09/2025"
    label = deadline.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"hạn "'  # the figures are named on a phone, the header being hidden
    assert page.locator("[data-testid=abolish-confirm]").is_visible()
    context.close()
