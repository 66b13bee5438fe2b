"""The reporting loop in Chromium: an officer of Nha Trang submits, the agency head approves, the
coordinator sees it in the inbox and the bell, returns it with a comment, the officer sees the
notification and resubmits, the head approves again, the coordinator accepts and "save and open
the next" takes them to the next waiting report (Cam Ranh's). Screenshots at 1366 and 390 px."""

from __future__ import annotations

import datetime as dt

import pytest

from chiso.accounts.models import AgencyKind, Role
from chiso.plans.models import Plan, ProgressReport, ReportingSettings, ReportState, Section
from chiso.plans.services import create_task, set_schedule, submit_report
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def loop(settings, tmp_path, province, make_agency, make_user):
    settings.CHISO_TODAY = "2023-08-15"
    settings.MEDIA_ROOT = tmp_path / "media"
    home_affairs = make_agency(province, "Sở Nội vụ")
    nha_trang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    cam_ranh = make_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    plan = Plan.objects.create(
        province=province,
        number="…/KH-UBND",
        year=2023,
        baseline_year=2022,
        title="Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023",
        issued_on=dt.date(2023, 5, 26),
    )
    section = Section.objects.create(plan=plan, code="II.2", title="Tuyên truyền")
    coordinator = make_user("sonoivu", Role.COORDINATOR, province, home_affairs)
    make_user("nhatrang", Role.AGENCY_OFFICER, province, nha_trang)
    make_user("ldnhatrang", Role.AGENCY_HEAD, province, nha_trang)
    camranh = make_user("camranh", Role.AGENCY_OFFICER, province, cam_ranh)
    rules = ReportingSettings.objects.create(province=province, coordinating_agency=home_affairs)
    rules.signoff_agencies.set([nha_trang])
    task = create_task(
        coordinator,
        plan,
        title="Tuyên truyền kết quả Chỉ số PAPI đến thôn, tổ dân phố",
        section=section,
        code="b.1",
        lead_agencies=[nha_trang, cam_ranh],
        deadline=dt.date(2023, 9, 29),
        unit_codes=["2.1"],
    )
    set_schedule(
        coordinator,
        task,
        report_schedule="dates",
        report_dates=[dt.date(2023, 6, 30), dt.date(2023, 9, 29)],
        version=task.version,
    )
    # Cam Ranh reported first: it waits in the coordinator's inbox before Nha Trang's.
    submit_report(
        camranh,
        task.assignments.get(agency=cam_ranh),
        narrative="Đã phát hành bản tin tới 15/15 phường, xã.",
        progress=50,
    )
    return task


def open_as(browser, live_server, username, width=1366, height=768):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    page = context.new_page()
    login(page, live_server.url, username)
    return page


def badge(page, name):
    """The count htmx writes into a menu badge after the page loads ("" while hidden)."""
    page.wait_for_load_state("networkidle")
    element = page.locator(f"#badge-{name}")
    return element.inner_text().split()[0] if element.is_visible() else ""


def decide(page, value, comment=""):
    page.check(f"input[name=decision][value={value}]")
    if comment:
        page.fill("#id_comment", comment)


def test_the_whole_reporting_loop(browser, live_server, loop):
    task = loop
    nha_trang = task.assignments.get(agency__name="UBND thành phố Nha Trang")
    cam_ranh = task.assignments.get(agency__name="UBND thành phố Cam Ranh")
    url = f"{live_server.url}/ke-hoach/phan-cong/{nha_trang.pk}/"

    officer = open_as(browser, live_server, "nhatrang")
    officer.goto(url)
    assert officer.locator("[data-testid=periods] tr[data-status=missing]").count() == 1
    officer.fill("#id_narrative", "Đã tuyên truyền tại 27/27 phường, xã qua loa truyền thanh.")
    officer.fill("#id_progress", "60")
    screenshot(officer, "loop-01-report-form-with-periods")
    officer.click("[data-testid=report-send]")
    officer.wait_for_load_state("networkidle")
    first = ProgressReport.objects.get(assignment=nha_trang)
    assert first.state == ReportState.AWAITING_HEAD

    head = open_as(browser, live_server, "ldnhatrang")
    # The head's bell: the new assignment, and the report waiting for their approval.
    assert badge(head, "plans-inbox") == "1" and badge(head, "notifications-list") == "2"
    head.goto(f"{live_server.url}/ke-hoach/cho-duyet/")
    screenshot(head, "loop-02-head-inbox")
    head.click("[data-testid=inbox-signoff] [data-testid=inbox-open]")
    decide(head, "approve")
    head.click("[data-testid=review-submit]")
    head.wait_for_load_state("networkidle")
    assert head.locator("[data-testid=head-step]").count() == 1

    coordinator = open_as(browser, live_server, "sonoivu")
    assert badge(coordinator, "plans-inbox") == "2"
    assert badge(coordinator, "notifications-list") == "2"  # Cam Ranh's and Nha Trang's
    coordinator.click("[data-testid=bell]")
    notices = coordinator.locator("[data-testid=notification-link]")
    assert "UBND thành phố Nha Trang gửi báo cáo" in notices.nth(0).inner_text()
    screenshot(coordinator, "loop-03-notifications")
    coordinator.goto(f"{live_server.url}/ke-hoach/cho-duyet/")
    rows = coordinator.locator("[data-testid=inbox-waiting] tr[data-report]")
    assert rows.count() == 2 and "Cam Ranh" in rows.nth(0).inner_text()
    screenshot(coordinator, "loop-04-inbox")
    rows.nth(1).locator("[data-testid=inbox-open]").click()
    decide(coordinator, "return", "Đề nghị bổ sung số liệu từng phường, xã.")
    coordinator.click("[data-testid=review-submit]")
    coordinator.wait_for_load_state("networkidle")
    first.refresh_from_db()
    assert first.state == ReportState.RETURNED

    officer.goto(f"{live_server.url}/")
    assert badge(officer, "notifications-list") == "2"  # the assignment, the return
    officer.click("[data-testid=bell]")
    officer.locator("[data-testid=notification-link]").first.click()
    officer.wait_for_load_state("networkidle")
    assert officer.url.startswith(url)
    assert "bổ sung số liệu từng phường" in officer.inner_text("main")
    officer.fill("#id_narrative", "Bổ sung: 27/27 phường, xã; 312 buổi phát thanh.")
    officer.click("[data-testid=report-send]")
    officer.wait_for_load_state("networkidle")
    second = ProgressReport.objects.get(revises=first)

    head.goto(f"{live_server.url}/ke-hoach/cho-duyet/")
    head.click("[data-testid=inbox-signoff] [data-testid=inbox-open]")
    decide(head, "approve")
    head.click("[data-testid=review-submit]")
    head.wait_for_load_state("networkidle")

    coordinator.goto(f"{live_server.url}/ke-hoach/cho-duyet/?agency={nha_trang.agency_id}")
    coordinator.click("[data-testid=inbox-waiting] [data-testid=inbox-open]")
    decide(coordinator, "accept")
    screenshot(coordinator, "loop-05-review-with-head-step")
    coordinator.click("[data-testid=review-next]")
    coordinator.wait_for_load_state("networkidle")
    second.refresh_from_db()
    assert second.state == ReportState.ACCEPTED
    assert f"/ke-hoach/phan-cong/{cam_ranh.pk}/" in coordinator.url  # the next waiting report
    assert coordinator.locator("[data-testid=review-form]").count() == 1
    screenshot(coordinator, "loop-06-next-report")


def test_loop_pages_on_a_phone(browser, live_server, loop):
    task = loop
    phone = open_as(browser, live_server, "sonoivu", width=390, height=844)
    cam_ranh = task.assignments.get(agency__name="UBND thành phố Cam Ranh")
    for path, name in [
        ("/ke-hoach/cho-duyet/", "phone-inbox"),
        ("/thong-bao/", "phone-notifications"),
        (f"/ke-hoach/nhiem-vu/{task.pk}/", "phone-task-schedule"),
        (f"/ke-hoach/phan-cong/{cam_ranh.pk}/", "phone-assignment-periods"),
        ("/bang-dieu-khien/thoi-han/", "phone-deadlines-compliance"),
    ]:
        phone.goto(live_server.url + path)
        phone.wait_for_load_state("networkidle")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
        screenshot(phone, name)
    wide = open_as(browser, live_server, "sonoivu")
    for path, name in [
        (f"/ke-hoach/nhiem-vu/{task.pk}/", "loop-task-schedule"),
        (f"/ke-hoach/phan-cong/{cam_ranh.pk}/", "loop-assignment-periods"),
        ("/bang-dieu-khien/thoi-han/", "loop-deadlines-compliance"),
    ]:
        wide.goto(live_server.url + path)
        screenshot(wide, name)
