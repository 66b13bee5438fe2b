"""The consolidated report in Chromium, as Sở Nội vụ's officer writes it: make the nine-month
draft, add to Part IV, preview, take a number and issue it; at 390 px the pages fit the phone."""

from __future__ import annotations

from typing import Any

import pytest

from chiso.accounts.models import Role
from chiso.documents.models import RegisterEntry
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHONE = {"width": 390, "height": 844}


def test_officer_drafts_previews_and_issues_the_nine_month_report(
    page: Any,
    live_server: Any,
    plan: Any,
    make_user: Any,
    province: Any,
    agencies: dict[str, Any],
    inline_jobs: None,
) -> None:
    make_user("snv", Role.COORDINATOR, province, agencies["home"])
    login(page, live_server.url, "snv")
    page.goto(f"{live_server.url}/tai-lieu/bao-cao-tong-hop/")
    form = page.locator("[data-testid=consolidated-create]")
    form.locator("select[name=plan]").select_option(str(plan.pk))
    form.locator("select[name=period_kind]").select_option("nine")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert "9 tháng đầu năm 2023" in page.locator("h1").inner_text()
    # Part VI came prefilled from the data (an overdue agency); the officer adds to Part IV.
    assert "Sở Tư pháp" in page.locator("textarea[name=proposals]").input_value()
    page.fill("textarea[name=limitations]", "Một số xã chưa niêm yết tại thôn.")
    page.click("[data-testid=draft-save]")
    page.wait_for_load_state("networkidle")
    assert page.locator("textarea[name=limitations]").input_value().startswith("Một số xã")
    screenshot(page, "consolidated-draft")

    draft_url = page.url
    page.click("[data-testid=preview-link]")
    page.wait_for_load_state()
    text = page.locator("[data-testid=preview]").inner_text()
    assert "I. CÔNG TÁC TRIỂN KHAI" in text and "Một số xã chưa niêm yết tại thôn." in text
    page.set_viewport_size(PHONE)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"preview is {width}px wide on a phone"
    screenshot(page, "consolidated-preview-phone")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(draft_url)

    issue = page.locator("[data-testid=issue-form]")
    issue.locator("input[name=issued_on]").fill("05/10/2023")
    issue.locator("input[name=signer]").fill("Nguyễn Văn B")
    issue.locator("[data-testid=issue-submit]").click()
    page.wait_for_load_state("networkidle")
    assert "Đã vào sổ số 1/BC-SNV" in page.locator("body").inner_text()
    entry = RegisterEntry.objects.get()
    assert entry.kind == "consolidated" and entry.summary.endswith("9 tháng đầu năm 2023")
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/tai-lieu/bao-cao-tong-hop/")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "consolidated-list-phone")
