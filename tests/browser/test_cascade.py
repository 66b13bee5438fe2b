"""A district hands a task down to two wards with the split form, a ward reports, the district
reviews it from its inbox, and the district's progress rolls up; the pages at 390 px."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from chiso.plans.models import Assignment
from tests.conftest import login, screenshot
from tests.plans.cascade_world import build
from tests.plans.conftest import world  # noqa: F401  (the plan world fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cascade(world: Any, make_user: Any) -> Any:  # noqa: F811
    return build(world, make_user)


def _no_overflow(page: Any) -> None:
    wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, "the page scrolls sideways"


def test_split_report_review_roll_up(
    browser: Any,
    live_server: Any,
    world: Any,  # noqa: F811
    cascade: Any,
) -> None:
    c = cascade
    url = f"{live_server.url}/ke-hoach/phan-cong/{c.city.pk}/"
    with override_settings(CHISO_TODAY="2023-08-15"):
        district = browser.new_page(viewport={"width": 1366, "height": 900})
        login(district, live_server.url, "nhatrang")
        district.goto(url)
        district.check(f"input[name=agencies][value='{c.ward_a.pk}']")
        district.check(f"input[name=agencies][value='{c.ward_b.pk}']")
        district.fill("#id_deadline", "30/09/2023")
        district.click("[data-testid=split-send]")
        district.wait_for_load_state("networkidle")
        children = district.locator("[data-testid=cascade-children]").inner_text()
        assert "UBND phường Vĩnh Hải" in children and "30/09/2023" in children
        screenshot(district, "cascade-01-district-split")
        child = Assignment.objects.get(parent=c.city, agency=c.ward_a)
        assert child.deadline == dt.date(2023, 9, 30)

        ward = browser.new_page(viewport={"width": 390, "height": 844})
        login(ward, live_server.url, "vinhhai")
        ward.goto(f"{live_server.url}/ke-hoach/phan-cong/{child.pk}/")
        assert (
            "UBND thành phố Nha Trang" in ward.locator("[data-testid=cascade-parent]").inner_text()
        )
        ward.fill("#id_narrative", "Đã niêm yết tại trụ sở phường và 10/10 tổ dân phố.")
        ward.fill("#id_progress", "60")
        ward.click("[data-testid=report-send]")
        ward.wait_for_load_state("networkidle")
        _no_overflow(ward)
        screenshot(ward, "cascade-02-ward-reported-390")

        district.goto(f"{live_server.url}/ke-hoach/cho-duyet/")
        assert "UBND phường Vĩnh Hải" in district.content()
        district.goto(f"{live_server.url}/ke-hoach/phan-cong/{child.pk}/")
        district.check("input[name=decision][value=accept]")
        district.click("[data-testid=review-submit]")
        district.wait_for_load_state("networkidle")
        district.goto(url)
        # Own part 0, Vĩnh Hải 60, Vĩnh Lương 0: (0 + 60 + 0) / 3 = 20.
        assert Assignment.objects.get(pk=c.city.pk).progress == 20
        assert "20%" in district.locator(".kpis").inner_text()
        district.set_viewport_size({"width": 390, "height": 844})
        district.reload()
        _no_overflow(district)
        screenshot(district, "cascade-03-district-rolled-up-390")
