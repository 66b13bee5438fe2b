"""The supervision loop in a browser (issue 20): an officer raises a difficulty in a progress
report → Sở Nội vụ escalates it → records the People's Committee's direction → the follow-up is
reported done and accepted → the difficulty closes; and a citizen posts feedback on the public
plan page at 390 px → Sở Nội vụ moderates it → the agency answers → it is shown next to the task."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import override_settings

from chiso.accounts.models import AgencyKind, Role
from chiso.plans.models import Assignment, Plan, Section, Task, TaskUnit
from chiso.supervision.models import Difficulty, Direction, Feedback, FeedbackState, State
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def setting(province: Any, make_agency: Any, make_user: Any, tmp_path: Any) -> Any:
    with override_settings(CHISO_TODAY="2023-08-15", MEDIA_ROOT=tmp_path / "media"):
        snv = make_agency(province, "Sở Nội vụ")
        nhatrang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
        make_agency(province, "UBND phường Vĩnh Hòa", AgencyKind.COMMUNE_COMMITTEE, parent=nhatrang)
        make_user("sonoivu", Role.COORDINATOR, province, snv)
        make_user("nhatrang", Role.AGENCY_OFFICER, province, nhatrang)
        plan = Plan.objects.create(
            province=province,
            number="…/KH-UBND",
            year=2023,
            baseline_year=2022,
            title="Kế hoạch cải thiện PAPI 2023",
            is_public=True,
        )
        section = Section.objects.create(plan=plan, code="II.2", title="Tuyên truyền", order=2)
        task = Task.objects.create(
            province=province,
            plan=plan,
            section=section,
            code="5",
            title="Niêm yết Bộ khung nhiệm vụ tại trụ sở UBND cấp xã",
            deadline=dt.date(2023, 9, 29),
            order=1,
        )
        TaskUnit.objects.create(task=task, unit_code="2.4")
        Assignment.objects.create(
            province=province, task=task, agency=nhatrang, deadline=task.deadline
        )
        yield plan, task


def switch(page: Any, url: str, username: str) -> None:
    page.context.clear_cookies()
    login(page, url, username)


def test_difficulty_escalated_directed_followed_up_and_closed(
    live_server: Any, page: Any, setting: Any
) -> None:
    plan, task = setting
    url = live_server.url
    part = Assignment.objects.get(task=task)

    # The officer writes a difficulty in a progress report.
    login(page, url, "nhatrang")
    page.goto(f"{url}/ke-hoach/phan-cong/{part.pk}/")
    page.fill("#id_narrative", "Đã niêm yết tại 12/19 phường, xã.")
    page.fill("#id_difficulty", "Thiếu kinh phí in bảng niêm yết cho 7 xã\nĐề nghị hỗ trợ.")
    page.fill("#id_progress", "60")
    page.click("[data-testid=report-send]")
    page.wait_for_load_state("networkidle")
    item = Difficulty.objects.get()
    assert item.title == "Thiếu kinh phí in bảng niêm yết cho 7 xã"

    # Sở Nội vụ finds it in the list and escalates it to the People's Committee.
    switch(page, url, "sonoivu")
    page.goto(f"{url}/giam-sat/")
    page.click("text=Thiếu kinh phí in bảng niêm yết cho 7 xã")
    page.fill("#id_proposal", "Đề nghị UBND tỉnh chỉ đạo Sở Tài chính hỗ trợ kinh phí.")
    page.click("[data-testid=escalate-form] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=item-state]").inner_text() == "Đã tham mưu UBND tỉnh"
    screenshot(page, "supervision-difficulty-escalated")

    # The committee's direction is recorded from the item; its follow-up goes to Nha Trang.
    page.click("[data-testid=record-direction]")
    page.fill("#id_number", "4573/UBND-KSTT")
    page.fill("#id_issued_on", "14/08/2023")
    page.fill("#id_signer", "Nguyễn Tân Tuân")
    page.fill("#id_content", "UBND TP Nha Trang bố trí kinh phí niêm yết trước 31/8/2023.")
    page.select_option("#id_agencies", label="UBND thành phố Nha Trang")
    page.fill("#id_deadline", "31/08/2023")
    page.click("[data-testid=submit]")
    page.wait_for_load_state("networkidle")
    direction = Direction.objects.get()
    assert page.locator("[data-testid=direction-status]").inner_text() == "Đang thực hiện"
    follow_up = Assignment.objects.get(task=direction.follow_up_task)

    # Nha Trang reports the follow-up done …
    switch(page, url, "nhatrang")
    page.goto(f"{url}/ke-hoach/phan-cong/{follow_up.pk}/")
    page.fill("#id_narrative", "Đã bố trí kinh phí, in và niêm yết đủ 19/19 phường, xã.")
    page.fill("#id_progress", "100")
    page.check("#id_is_final")
    page.click("[data-testid=report-send]")
    page.wait_for_load_state("networkidle")

    # … Sở Nội vụ accepts it: the direction is done and the difficulty closes.
    switch(page, url, "sonoivu")
    page.goto(f"{url}/ke-hoach/phan-cong/{follow_up.pk}/")
    page.check("input[name=decision][value=accept]")
    page.click("[data-testid=review-submit]")
    page.wait_for_load_state("networkidle")
    page.goto(f"{url}/giam-sat/kho-khan/{item.pk}/")
    assert page.locator("[data-testid=item-state]").inner_text() == "Đã giải quyết"
    assert "4573/UBND-KSTT" in page.locator("[data-testid=item-direction]").inner_text()
    item.refresh_from_db()
    assert item.state == State.RESOLVED
    screenshot(page, "supervision-difficulty-closed")


def test_citizen_feedback_on_a_phone_moderated_answered_shown(
    live_server: Any, browser: Any, page: Any, setting: Any
) -> None:
    plan, task = setting
    url = live_server.url
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    citizen = phone.new_page()
    citizen.goto(f"{url}/cong-khai/ke-hoach/{plan.pk}/")
    citizen.click("[data-testid=task-feedback]")
    citizen.fill("#id_text", "Trụ sở UBND phường Vĩnh Hòa chưa niêm yết Bộ khung nhiệm vụ.")
    citizen.select_option("#id_commune", label="UBND phường Vĩnh Hòa")
    citizen.click("[data-testid=feedback-submit]")
    citizen.wait_for_load_state("networkidle")
    assert citizen.locator("[data-testid=feedback-sent]").is_visible()
    width = citizen.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page overflows at 390 px ({width} px)"
    screenshot(citizen, "supervision-feedback-sent-390")
    item = Feedback.objects.get()
    assert item.state == FeedbackState.PENDING

    login(page, url, "sonoivu")
    page.goto(f"{url}/giam-sat/gop-y/{item.pk}/")
    page.check("input[name=decision][value=accept]")
    page.click("[data-testid=moderate-form] button[type=submit]")
    page.wait_for_load_state("networkidle")
    switch(page, url, "nhatrang")
    page.goto(f"{url}/giam-sat/gop-y/{item.pk}/")
    page.fill("#id_answer", "Ngày 16/8/2023 phường đã niêm yết tại trụ sở và 12 tổ dân phố.")
    page.click("[data-testid=feedback-answer-form] button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-testid=feedback-state]").inner_text() == "Đã trả lời"

    citizen.goto(f"{url}/cong-khai/ke-hoach/{plan.pk}/gop-y/?nhiem-vu={task.pk}")
    shown = citizen.locator("[data-testid=feedback-published]").inner_text()
    assert "chưa niêm yết Bộ khung nhiệm vụ" in shown
    assert "Ngày 16/8/2023 phường đã niêm yết" in shown
    assert citizen.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(citizen, "supervision-feedback-answered-390")
    phone.close()
