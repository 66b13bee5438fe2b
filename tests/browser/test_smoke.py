"""Log in as a demo-style account, see the home page, switch language, log out."""

import pytest

from chiso.accounts.models import Role
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_switch_language_logout(live_server, page, province, make_user) -> None:
    user = make_user("sonoivu", Role.COORDINATOR, province)
    user.first_name = "Lan"
    user.save()
    login(page, live_server.url, "sonoivu")
    assert page.locator("h1").inner_text() == "Xin chào, Lan"
    assert "Tỉnh Khánh Hòa" in page.locator(".brand__province").inner_text()
    screenshot(page, "smoke-home-vi")

    page.click("[data-testid=lang-en]")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "Hello, Lan"
    screenshot(page, "smoke-home-en")

    page.click("[data-testid=user-menu] summary")
    page.click("[data-testid=logout]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=login-link]").is_visible()
