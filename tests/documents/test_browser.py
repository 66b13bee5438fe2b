"""The documents page in Chromium: request a document, watch the progress row poll, download."""

from __future__ import annotations

from typing import Any

import pytest

from chiso.accounts.models import Role
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_request_plan_document_and_download(
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
    page.goto(f"{live_server.url}/tai-lieu/")
    assert page.locator("h1").inner_text() == "Văn bản, báo cáo"
    page.select_option("#id_kind", "plan")
    page.select_option("#id_plan", str(plan.pk))
    page.select_option("#id_fmt", "docx")
    page.click("[data-testid=document-submit]")
    row = page.locator("tbody tr").first
    # The job runs as it is enqueued here (a `chiso worker` in production); the row polls until
    # the download link appears.
    link = row.locator("a", has_text="Tải về")
    link.wait_for(timeout=60_000)
    assert "ke-hoach-2023.docx" in row.inner_text()
    screenshot(page, "documents-page")
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == "ke-hoach-2023.docx"


def test_form_error_shown(page: Any, live_server: Any, make_user: Any, province: Any) -> None:
    make_user("snv2", Role.COORDINATOR, province)
    login(page, live_server.url, "snv2")
    page.goto(f"{live_server.url}/tai-lieu/")
    page.select_option("#id_kind", "results")
    page.click("[data-testid=document-submit]")
    assert "Chọn kế hoạch." in page.locator("[data-testid=form-error]").inner_text()
