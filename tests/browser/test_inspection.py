"""A coordinator records an inspection visit with a finding and its follow-up task; the inspected
agency sees it, explains, and reports on the follow-up; the dashboards count the new task."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import override_settings

from chiso.accounts.models import AgencyKind, Role
from chiso.activities import services
from chiso.activities.models import InspectionKind
from chiso.plans.models import Assignment, Plan, ProgressReport, Section, Task, TaskUnit
from tests.conftest import TEST_OUTPUT, login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting(province, make_agency, make_user, tmp_path):
    with override_settings(CHISO_TODAY="2023-08-15", MEDIA_ROOT=tmp_path / "media"):
        snv = make_agency(province, "Sở Nội vụ")
        nhatrang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
        make_agency(province, "UBND phường Vĩnh Hòa", AgencyKind.COMMUNE_COMMITTEE, parent=nhatrang)
        coordinator = make_user("sonoivu", Role.COORDINATOR, province, snv)
        coordinator.first_name = "Điều Phối"
        coordinator.save()
        make_user("nhatrang", Role.AGENCY_OFFICER, province, nhatrang)
        plan = Plan.objects.create(
            province=province,
            number="…/KH-UBND",
            year=2023,
            baseline_year=2022,
            title="Kế hoạch cải thiện PAPI 2023",
        )
        Section.objects.create(plan=plan, code="II.3", title="Kiểm tra, đánh giá", order=3)
        task = Task.objects.create(
            province=province,
            plan=plan,
            code="7",
            title="Công khai quy hoạch, kế hoạch sử dụng đất",
            deadline=dt.date(2023, 9, 29),
            order=1,
        )
        TaskUnit.objects.create(task=task, unit_code="2.4")
        Assignment.objects.create(
            province=province, task=task, agency=nhatrang, deadline=task.deadline
        )
        inspection = services.create_inspection_plan(
            coordinator,
            plan,
            title="Kiểm tra thực hiện giải pháp PAPI 2023",
            kind=InspectionKind.HOME_AFFAIRS,
            lead_agency=snv,
            targets=[nhatrang],
            starts_on=dt.date(2023, 7, 1),
            ends_on=dt.date(2023, 10, 31),
            unit_codes=["2"],
        )
        yield plan, inspection


def test_visit_finding_follow_up_and_report(live_server, page, setting) -> None:
    plan, inspection = setting
    url = live_server.url
    login(page, url, "sonoivu")
    page.goto(f"{url}/bang-dieu-khien/{plan.pk}/")
    total_before = int(page.locator("[data-testid=kpi-total]").inner_text())

    # The coordinator records the visit: the checklist comes from the agency's assignments.
    page.goto(f"{url}/hoat-dong/kiem-tra/{inspection.pk}/")
    page.click("[data-testid=visit-create]")
    page.select_option("#id_agency", label="UBND thành phố Nha Trang")
    page.fill("#id_visited_on", "10/08/2023")
    page.fill("#id_place", "Trụ sở UBND thành phố Nha Trang")
    page.fill("#id_members", "Trần Văn Minh — Phó Giám đốc Sở Nội vụ\nLê Thị Hạnh — chuyên viên")
    page.click("[data-testid=submit]")
    page.wait_for_load_state("networkidle")
    checklist = page.locator("[data-testid=checklist]").inner_text()
    assert "Công khai quy hoạch, kế hoạch sử dụng đất" in checklist
    assert "2.1. Tiếp cận thông tin" in checklist

    # A finding with a scanned record (PDF) …
    pdf = TEST_OUTPUT / "bien-ban-kiem-tra.pdf"
    TEST_OUTPUT.mkdir(exist_ok=True)
    pdf.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.select_option("#id_checklist_item", index=1)
    page.check("input[name=verdict][value=shortcoming]")
    page.fill("#id_description", "Mới niêm yết quy hoạch sử dụng đất tại 12/19 phường, xã.")
    page.set_input_files("#id_files", str(pdf))
    page.click("[data-testid=finding-submit]")
    page.wait_for_load_state("networkidle")
    finding = page.locator("[data-testid=finding]").first
    assert "Còn hạn chế" in finding.inner_text()
    assert "bien-ban-kiem-tra.pdf" in finding.inner_text()

    # … and its recommendation, which becomes the agency's follow-up task.
    finding.locator("[data-testid=add-recommendation]").click()
    finding.locator("textarea[name=text]").fill("Niêm yết đủ tại các phường, xã còn lại")
    finding.locator("input[name=deadline]").fill("15/09/2023")
    finding.locator("[data-testid=recommendation-submit]").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=follow-up-status]").inner_text() == "Chưa thực hiện"
    history = page.inner_text("[data-testid=history]")
    # Worded for people: labels for actions, fields and choices; dates as dd/mm/yyyy.
    assert "Ghi cuộc kiểm tra" in history and "trạng thái: Đã kiểm tra" in history
    assert "ngày kiểm tra: 10/08/2023" in history and "visited_on" not in history
    screenshot(page, "inspection-visit-coordinator")

    page.goto(f"{url}/bang-dieu-khien/{plan.pk}/")
    assert int(page.locator("[data-testid=kpi-total]").inner_text()) == total_before + 1
    page.click("[data-testid=user-menu] summary")
    page.click("[data-testid=logout]")

    # The inspected agency sees it on its home page, explains, and reports on the follow-up.
    login(page, url, "nhatrang")
    assert (
        "Niêm yết đủ tại các phường"
        in page.locator("[data-testid=agency-inspections]").inner_text()
    )
    screenshot(page, "inspection-agency-home")
    page.click("[data-testid=agency-inspections] a >> nth=0")
    page.wait_for_load_state("networkidle")
    page.click("[data-testid=respond]")
    page.fill("textarea[name=response]", "Đã có văn bản chỉ đạo các phường, xã ngày 14/8/2023.")
    page.click("[data-testid=respond-submit]")
    page.wait_for_load_state("networkidle")
    assert "Đã có văn bản chỉ đạo" in page.locator("[data-testid=finding]").first.inner_text()
    page.click("[data-testid=follow-up-link]")
    page.wait_for_load_state("networkidle")
    page.fill("#id_narrative", "Đã niêm yết thêm tại 5 phường; còn 2 xã đang thực hiện.")
    page.fill("#id_progress", "70")
    page.click("[data-testid=report-send]")
    page.wait_for_load_state("networkidle")
    assert ProgressReport.objects.filter(
        assignment__agency__name="UBND thành phố Nha Trang", progress=70
    ).exists()
    page.goto(f"{url}/hoat-dong/dot-kiem-tra/{inspection.visits.get().pk}/")
    assert page.locator("[data-testid=follow-up-status]").inner_text() == "Đang thực hiện"
    screenshot(page, "inspection-visit-agency")

    page.set_viewport_size({"width": 390, "height": 844})
    screenshot(page, "inspection-visit-phone")
