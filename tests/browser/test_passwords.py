"""Forgotten password from the log-in page, through the mailed link; change from the user menu.
Screenshots at desktop (1366 px) and phone (390 px) widths."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core import mail

from chiso.accounts.models import Role
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW = "Mật-khẩu-mới-2026!"


@pytest.mark.parametrize("width", [1366, 390])
def test_reset_then_change_password(
    live_server: Any, page: Any, province: Any, make_user: Any, settings: Any, width: int
) -> None:
    settings.CHISO_SITE_URL = live_server.url
    user = make_user("camranh", Role.AGENCY_OFFICER, province)
    user.email, user.last_name, user.first_name = "camranh@khanhhoa.gov.vn", "Trần Văn", "Hùng"
    user.save()
    page.set_viewport_size({"width": width, "height": 800})

    page.goto(f"{live_server.url}/dang-nhap/")
    screenshot(page, f"login-{width}")
    page.click("[data-testid=password-reset-link]")
    screenshot(page, f"password-reset-form-{width}")
    page.fill("#id_email", "camranh@khanhhoa.gov.vn")
    page.click("[data-testid=password-reset-submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Hãy kiểm tra hộp thư"
    screenshot(page, f"password-reset-done-{width}")

    link = re.search(r"http://\S+/dat-lai-mat-khau/\S+", mail.outbox[-1].body)
    assert link
    page.goto(link.group(0))
    page.fill("#id_new_password1", NEW)
    page.fill("#id_new_password2", "khác")
    page.click("[data-testid=password-set-submit]")
    assert page.locator(".errorlist").first.is_visible()  # the two passwords differ
    screenshot(page, f"password-reset-confirm-{width}")
    page.fill("#id_new_password1", NEW)
    page.fill("#id_new_password2", NEW)
    page.click("[data-testid=password-set-submit]")
    page.wait_for_load_state("networkidle")
    screenshot(page, f"password-reset-complete-{width}")

    login(page, live_server.url, "camranh", NEW)
    page.click("[data-testid=user-menu] summary")
    screenshot(page, f"user-menu-{width}")
    page.click("[data-testid=password-change-link]")
    page.fill("#id_old_password", NEW)
    page.fill("#id_new_password1", "Một-mật-khẩu-khác-9")
    page.fill("#id_new_password2", "Một-mật-khẩu-khác-9")
    screenshot(page, f"password-change-form-{width}")
    page.click("[data-testid=password-change-submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Đã đổi mật khẩu"
    screenshot(page, f"password-change-done-{width}")
