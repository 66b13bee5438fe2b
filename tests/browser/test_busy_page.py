"""The page shown when SQLite's write lock outlasts its timeout: say nothing was saved, and how
to send again. Screenshots at 1366 and 390 px."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import OperationalError

from tests.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_busy_page(live_server: Any, page: Any, monkeypatch: Any, width: int) -> None:
    def locked(request: Any) -> list[Any]:
        raise OperationalError("database is locked")

    monkeypatch.setattr("chiso.web.views.home_panels", locked)
    page.set_viewport_size({"width": width, "height": 700})
    response = page.goto(f"{live_server.url}/")
    assert response.status == 503
    assert page.locator("h1").inner_text() == "Hệ thống đang bận"
    screenshot(page, f"busy-{width}")
