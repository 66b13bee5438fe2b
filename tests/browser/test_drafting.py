"""Drafting a plan in Chromium: the coordinator creates a plan, adds two objectives (the second
form adapts to its kind through htmx, and a wrong count is shown next to the field), a section,
reorders the objectives; the same form works without JavaScript. Screenshots at 1366×768 and
390 px under test-output/."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from chiso.accounts.models import AgencyKind, Role
from chiso.plans.models import Plan
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def coordinator(settings, province, make_agency, make_user):
    settings.CHISO_TODAY = "2023-08-15"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    committee = make_agency(province, "UBND tỉnh Khánh Hòa", AgencyKind.PEOPLES_COMMITTEE)
    home_affairs = make_agency(province, "Sở Nội vụ", parent=committee)
    return make_user("sonoivu", Role.COORDINATOR, province, home_affairs)


def open_as(browser, live_server, username, width=1366, height=768, javascript=True):
    context = browser.new_context(
        viewport={"width": width, "height": height},
        locale="vi-VN",
        java_script_enabled=javascript,
    )
    page = context.new_page()
    login(page, live_server.url, username)
    return page


def _add_objective(page, code, text, kind, **fields):
    page.click("[data-testid=objective-create]")
    page.fill("#id_code", code)
    page.fill("#id_text", text)
    page.select_option("#id_kind", kind)
    # Choosing the kind swaps the value fields in over htmx: fill them only after the swap, or
    # a field typed into before it arrives is replaced by an empty one.
    page.wait_for_load_state("networkidle")
    for name, value in fields.items():
        locator = page.locator(f"#id_{name}")
        locator.wait_for()
        if locator.evaluate("e => e.tagName") == "SELECT":
            locator.select_option(value)
        else:
            locator.fill(value)


def test_draft_a_plan_with_two_objectives_and_a_section(browser, live_server, coordinator):
    page = open_as(browser, live_server, "sonoivu")
    page.goto(f"{live_server.url}/ke-hoach/")
    page.click("[data-testid=plan-create]")
    assert (
        page.input_value("#id_year") == "2023" and page.input_value("#id_baseline_year") == "2022"
    )
    page.fill("#id_number", "119/KH-UBND")
    page.fill("#id_title", "Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023")
    page.fill("#id_issued_on", "26/05/2023")
    page.fill("#id_signer", "Nguyễn Tấn Tuân")
    page.fill("#id_signer_title", "Phó Chủ tịch")
    page.fill("#id_report_due", "29/09/2023")
    screenshot(page, "drafting-01-plan-form")
    page.click("[data-testid=plan-form-save]")
    page.wait_for_load_state("networkidle")
    assert "Đã tạo kế hoạch" in page.inner_text(".messages")
    plan = Plan.objects.get(number="119/KH-UBND")
    assert plan.issued_on == dt.date(2023, 5, 26) and plan.issuer.name == "UBND tỉnh Khánh Hòa"

    _add_objective(
        page,
        "1",
        "Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên",
        "aggregate_score_min",
        value="45,00",
    )
    page.click("[data-testid=objective-save]")
    page.wait_for_load_state("networkidle")

    # The second objective's kind needs a tier and a count, not a value: htmx swaps the fields.
    _add_objective(
        page,
        "2",
        "Ít nhất 03 chỉ số nội dung thuộc nhóm đạt điểm “Cao”",
        "dimensions_tier_min_count",
        tier="high",
        count="9",
    )
    assert page.locator("#id_value").count() == 0
    page.click("[data-testid=objective-save]")
    page.wait_for_load_state("networkidle")
    error = page.locator(".field--count .errorlist")
    assert "số lượng phải từ 1 đến 8" in error.inner_text()
    screenshot(page, "drafting-02-objective-error")
    page.fill("#id_count", "3")
    page.click("[data-testid=objective-save]")
    page.wait_for_load_state("networkidle")

    page.click("[data-testid=section-create]")
    page.fill("#id_code", "II.1")
    page.fill("#id_title", "Nhiệm vụ trọng tâm")
    page.click("[data-testid=section-form-save]")
    page.wait_for_load_state("networkidle")

    page.locator("[data-testid=objective-tools-2] [data-testid=move-up]").click()
    page.wait_for_load_state("networkidle")
    objectives = page.locator("#muc-tieu ol.objectives > li")
    assert objectives.count() == 2
    assert "Ít nhất 03 chỉ số" in objectives.nth(0).inner_text()
    assert "II.1. Nhiệm vụ trọng tâm" in page.inner_text("#muc-ii1")
    screenshot(page, "drafting-03-plan-desktop")
    assert list(plan.objectives.values_list("code", "kind", "value", "tier", "count")) == [
        ("2", "dimensions_tier_min_count", None, "high", 3),
        ("1", "aggregate_score_min", Decimal("45.0000"), "", None),
    ]

    phone = open_as(browser, live_server, "sonoivu", width=390, height=844)
    phone.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the plan page overflows a phone screen ({width}px)"
    screenshot(phone, "drafting-04-plan-phone")
    phone.goto(f"{live_server.url}/ke-hoach/{plan.pk}/muc-tieu/them/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone, "drafting-05-objective-form-phone")


def test_objective_form_without_javascript(browser, live_server, coordinator, province):
    plan = Plan.objects.create(
        province=province, number="1/KH-UBND", title="Kế hoạch PAPI", year=2023, baseline_year=2022
    )
    page = open_as(browser, live_server, "sonoivu", javascript=False)
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/muc-tieu/them/")
    page.fill("#id_code", "5")
    page.fill("#id_text", "Chỉ số nội dung 5 đạt nhóm “Cao”")
    page.select_option("#id_kind", "unit_tier_min")
    assert page.locator("#id_unit").count() == 0  # no htmx: the fields wait for the button
    page.click("button[name=refresh]")
    page.wait_for_load_state("networkidle")
    assert page.input_value("#id_text") == "Chỉ số nội dung 5 đạt nhóm “Cao”"
    page.select_option("#id_unit", "5")
    page.select_option("#id_tier", "high")
    page.click("[data-testid=objective-save]")
    page.wait_for_load_state("networkidle")
    assert plan.objectives.values_list("kind", "unit", "tier").get() == (
        "unit_tier_min",
        "5",
        "high",
    )
