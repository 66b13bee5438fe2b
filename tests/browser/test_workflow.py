"""The plan workflow in Chromium: the coordinator assigns a task to the district group, Nha Trang
reports with a PDF, the report is returned, resubmitted and accepted; the task page and the
history show it; an overdue assignment shows as overdue. Screenshots at 1366×768 and 390 px."""

from __future__ import annotations

import datetime as dt

import pytest

from chiso.accounts.models import AgencyGroup, AgencyKind, Role
from chiso.plans.models import Plan, ProgressReport, ReportState, Section, Task
from chiso.plans.services import create_task
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def world(settings, tmp_path, province, make_agency, make_user):
    settings.CHISO_TODAY = "2023-08-15"
    settings.MEDIA_ROOT = tmp_path / "media"
    home_affairs = make_agency(province, "Sở Nội vụ")
    nha_trang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    cam_ranh = make_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    group = AgencyGroup.objects.create(province=province, name="UBND các huyện, thị xã, thành phố")
    group.members.set([nha_trang, cam_ranh])
    plan = Plan.objects.create(
        province=province,
        number="…/KH-UBND",
        year=2023,
        baseline_year=2022,
        title="Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023",
        issued_on=dt.date(2023, 5, 26),
        signer="Nguyễn Tân Tuân",
    )
    Section.objects.create(
        plan=plan, code="II.2", title="Tổ chức tập huấn, thông tin, tuyên truyền"
    )
    coordinator = make_user("sonoivu", Role.COORDINATOR, province, home_affairs)
    make_user("nhatrang", Role.AGENCY_OFFICER, province, nha_trang)
    # An older task due 30/06/2023 nobody reported on: overdue on 15/08/2023.
    create_task(
        coordinator,
        plan,
        title="Xây dựng kế hoạch cấp xã",
        lead_group=group,
        deadline=dt.date(2023, 6, 30),
        code="c.2",
    )
    return plan


def open_as(browser, live_server, username, width=1366, height=768):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, username)
    return page


def test_assign_report_return_resubmit_accept(browser, live_server, world):
    plan = world
    coordinator = open_as(browser, live_server, "sonoivu")
    coordinator.goto(f"{live_server.url}/ke-hoach/{plan.pk}/")
    coordinator.click("[data-testid=task-create]")
    coordinator.fill("#id_title", "Công khai, niêm yết Bộ khung nhiệm vụ tại trụ sở UBND cấp xã")
    coordinator.fill("#id_code", "b.2")
    coordinator.select_option(
        "#id_section", label="II.2. Tổ chức tập huấn, thông tin, tuyên truyền"
    )
    coordinator.select_option("#id_lead_group", label="UBND các huyện, thị xã, thành phố")
    coordinator.fill("#id_deadline", "29/09/2023")
    coordinator.select_option("#id_unit_codes", ["2.1"])
    screenshot(coordinator, "workflow-01-task-form")
    coordinator.click("[data-testid=task-save]")
    coordinator.wait_for_load_state("networkidle")
    assert "Đã tạo nhiệm vụ" in coordinator.inner_text(".messages")
    rows = coordinator.locator("tr[data-agency]")
    assert rows.count() == 2
    task = Task.objects.get(code="b.2")

    agency = open_as(browser, live_server, "nhatrang")
    agency.goto(f"{live_server.url}/ke-hoach/cua-toi/")
    screenshot(agency, "workflow-02-my-assignments")
    agency.click(f"text={task.title[:40]}")
    agency.fill("#id_narrative", "Đã niêm yết Bộ khung nhiệm vụ tại 27/27 phường, xã.")
    agency.fill("#id_figures", "27/27 phường, xã")
    agency.fill("#id_progress", "100")
    agency.check("#id_is_final")
    agency.set_input_files(
        "#id_files",
        files=[{"name": "bien-ban-niem-yet.pdf", "mimeType": "application/pdf", "buffer": PDF}],
    )
    agency.click("[data-testid=report-send]")
    agency.wait_for_load_state("networkidle")
    assert agency.locator("[data-testid=evidence-link]").inner_text() == "bien-ban-niem-yet.pdf"
    first = ProgressReport.objects.get()

    coordinator.goto(f"{live_server.url}/ke-hoach/phan-cong/{first.assignment_id}/")
    coordinator.check("input[name=decision][value=return]")
    coordinator.fill("#id_comment", "Đề nghị bổ sung ảnh chụp niêm yết tại thôn, tổ dân phố.")
    screenshot(coordinator, "workflow-03-review")
    coordinator.click("[data-testid=review-submit]")
    coordinator.wait_for_load_state("networkidle")
    assert (
        coordinator.locator(f"[data-report='{first.pk}']").get_attribute("data-state") == "returned"
    )

    agency.reload()
    assert "Sửa và gửi lại" in agency.inner_text("#report-form-title")
    assert "bổ sung ảnh chụp" in agency.inner_text("main")
    agency.fill("#id_narrative", "Bổ sung 74 ảnh chụp niêm yết tại thôn, tổ dân phố.")
    agency.click("[data-testid=report-send]")
    agency.wait_for_load_state("networkidle")
    second = ProgressReport.objects.get(revises=first)

    coordinator.reload()
    coordinator.check("input[name=decision][value=accept]")
    coordinator.click("[data-testid=review-submit]")
    coordinator.wait_for_load_state("networkidle")
    second.refresh_from_db()
    assert second.state == ReportState.ACCEPTED
    assert (
        coordinator.locator("[data-testid=assignment-status] .status").get_attribute("data-status")
        == "done"
    )
    screenshot(coordinator, "workflow-04-assignment-thread")

    coordinator.goto(f"{live_server.url}/ke-hoach/nhiem-vu/{task.pk}/")
    row = coordinator.locator("tr[data-agency='UBND thành phố Nha Trang']")
    assert "Hoàn thành" in row.inner_text() and "100%" in row.inner_text()
    screenshot(coordinator, "workflow-05-task")
    coordinator.click("[data-testid=task-history]")
    history = coordinator.inner_text("[data-testid=history]")
    for label in (
        "Tạo nhiệm vụ",
        "Gửi báo cáo",
        "Trả lại báo cáo",
        "Gửi lại báo cáo đã sửa",
        "Chấp nhận báo cáo",
    ):
        assert label in history
    screenshot(coordinator, "workflow-06-history")

    # The older task, due 30/06/2023, is overdue for both districts.
    coordinator.goto(f"{live_server.url}/ke-hoach/{plan.pk}/nhiem-vu/?overdue=1")
    assert coordinator.locator("tr[data-task]").count() == 1
    coordinator.click("text=Xây dựng kế hoạch cấp xã")
    statuses = coordinator.locator("tr[data-agency] .status")
    assert {statuses.nth(i).get_attribute("data-status") for i in range(statuses.count())} == {
        "overdue"
    }
    screenshot(coordinator, "workflow-07-overdue")


def test_pages_on_a_phone(browser, live_server, world):
    plan = world
    task = Task.objects.get()
    phone = open_as(browser, live_server, "sonoivu", width=390, height=844)
    for url, name in [
        (f"/ke-hoach/{plan.pk}/", "phone-plan"),
        (f"/ke-hoach/{plan.pk}/nhiem-vu/", "phone-task-list"),
        (f"/ke-hoach/nhiem-vu/{task.pk}/", "phone-task"),
    ]:
        phone.goto(live_server.url + url)
        # Nothing may push the page wider than the phone (tables scroll inside their wrapper).
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(phone, name)
    agency = open_as(browser, live_server, "nhatrang", width=390, height=844)
    assignment = task.assignments.get(agency__name="UBND thành phố Nha Trang")
    agency.goto(f"{live_server.url}/ke-hoach/phan-cong/{assignment.pk}/")
    assert agency.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(agency, "phone-report-form")


def test_dates_are_day_month_year_even_in_an_english_browser(browser, live_server, world):
    """Office PCs often run an English browser, whose native date box shows mm/dd/yyyy."""
    task = Task.objects.get(code="c.2")
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-US")
    page = context.new_page()
    login(page, live_server.url, "sonoivu")
    page.goto(f"{live_server.url}/ke-hoach/nhiem-vu/{task.pk}/sua/")
    box = page.locator("#id_deadline")
    assert box.input_value() == "30/06/2023"
    assert box.get_attribute("placeholder") == "dd/mm/yyyy"
    assert page.locator("[data-testid=date-picker]").count() == 1
    screenshot(page, "date-input-task-form")
    # What the calendar does when a day is picked: the box gets it as dd/mm/yyyy.
    page.eval_on_selector(
        ".date-input__native",
        "n => { n.value = '2023-10-05'; n.dispatchEvent(new Event('change')); }",
    )
    assert box.input_value() == "05/10/2023"
    page.click("[data-testid=task-save]")
    page.wait_for_load_state("networkidle")
    task.refresh_from_db()
    assert task.deadline == dt.date(2023, 10, 5)
    context.close()
