"""The task form's agency and PAPI-unit lists are searchable multi-selects with chips (Tom Select,
served locally): typing part of a name without diacritics finds it, each choice is a chip that
can be removed, agencies are grouped by kind (departments before district committees), and the
task saves with the chosen agencies. Without JavaScript the plain list box is still the field."""

import datetime as dt

import pytest
from django.test import override_settings

from chiso.accounts.models import AgencyKind, Role
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def plan(province, make_agency, make_user, settings):
    from chiso.plans.models import Plan, Section

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    home_affairs = make_agency(province, "Sở Nội vụ")
    make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    make_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    make_agency(province, "Sở Tư pháp")
    make_agency(province, "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT)
    make_user("sonoivu", Role.COORDINATOR, province, home_affairs)
    plan = Plan.objects.create(
        province=province,
        number="100/KH-UBND",
        title="Kế hoạch PAPI 2023",
        year=2023,
        baseline_year=2022,
        issued_on=dt.date(2023, 5, 20),
    )
    Section.objects.create(plan=plan, code="II.1", title="Quán triệt", order=1)
    return plan


@override_settings(CHISO_TODAY="2023-08-15")
def test_agencies_are_found_by_typing_and_shown_as_chips(browser, live_server, plan):
    from chiso.plans.models import Task

    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, live_server.url, "sonoivu")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/nhiem-vu/them/")
    page.wait_for_load_state("networkidle")
    field = page.locator(".field--lead_agencies")
    assert field.locator("[data-multi-hint]").is_hidden()  # the Ctrl hint is for the plain box
    # Groups by kind, departments before district committees.
    groups = page.eval_on_selector_all("#id_lead_agencies optgroup", "gs => gs.map(g => g.label)")
    assert groups == ["Sở, ban, ngành", "UBND cấp huyện", "Mặt trận Tổ quốc"]
    search = field.locator(".ts-control input")
    search.fill("cam ranh")  # no diacritics
    option = page.locator(".ts-dropdown .option", has_text="UBND thành phố Cam Ranh")
    option.click()
    search.fill("tu phap")
    page.locator(".ts-dropdown .option", has_text="Sở Tư pháp").click()
    chips = field.locator(".ts-control .item")
    assert chips.count() == 2
    chips.filter(has_text="Sở Tư pháp").locator(".remove").click()
    assert chips.count() == 1
    screenshot(page, "task-form-multi-select")
    page.keyboard.press("Escape")
    page.fill("#id_title", "Công khai quy hoạch")
    page.fill("#id_deadline", "30/09/2023")
    page.click("[data-testid=task-save]")
    page.wait_for_load_state("networkidle")
    task = Task.objects.get(title="Công khai quy hoạch")
    assert [a.agency.name for a in task.assignments.all()] == ["UBND thành phố Cam Ranh"]
    assert not errors, errors
    context.close()


@override_settings(CHISO_TODAY="2023-08-15")
def test_without_javascript_the_plain_list_box_works(browser, live_server, plan):
    context = browser.new_context(java_script_enabled=False, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, "sonoivu")
    page.goto(f"{live_server.url}/ke-hoach/{plan.pk}/nhiem-vu/them/")
    assert page.locator("#id_lead_agencies").is_visible()
    assert page.locator(".field--lead_agencies [data-multi-hint]").is_visible()
    context.close()
