"""The home page per role answers "what do I need to do now": the agency's reports sent back,
overdue and due-soon assignments with a one-click action; the head's reports to approve; the
reviewer's inbox; the coordinator's province-wide overdue list; leadership's objectives; the
Front's supervision; unread notifications. Today is 15/08/2023 (tests/plans/conftest.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chiso.accounts.models import Role
from chiso.plans import services
from chiso.plans.models import ReportingSettings


@pytest.fixture
def tasks(world):
    """An overdue task (30/06), a task due in a week (22/08) and one due next year."""

    def task(code: str, deadline: dt.date) -> object:
        return services.create_task(
            world.coordinator,
            world.plan,
            title=f"Nhiệm vụ {code}",
            section=world.section,
            lead_group=world.districts,
            deadline=deadline,
            unit_codes=["2.4"],
            code=code,
        )

    return {
        "late": task("a", dt.date(2023, 6, 30)),
        "soon": task("b", dt.date(2023, 8, 22)),
        "later": task("c", dt.date(2024, 6, 30)),
    }


def _panel(client, user, testid: str) -> str:
    client.force_login(user)
    body = client.get("/").content.decode()
    start = body.find(f'data-testid="{testid}"')
    assert start != -1, f"{testid} not on {user.username}'s home page"
    return body[start : body.find("</section>", start)]


def test_an_officer_sees_the_agencys_overdue_and_due_soon_work_with_actions(client, world, tasks):
    panel = _panel(client, world.nhatrang, "home-agency-work")
    late = tasks["late"].assignments.get(agency=world.nha_trang)
    soon = tasks["soon"].assignments.get(agency=world.nha_trang)
    assert "1 nhiệm vụ quá hạn" in panel
    assert "hạn 30/06/2023, quá 46 ngày" in panel
    assert "1 nhiệm vụ sắp đến hạn" in panel and "hạn 22/08/2023" in panel
    assert "Nhiệm vụ c" not in panel  # due next year
    detail = reverse("plans:assignment-detail", args=[late.pk])
    assert f'href="{detail}#gui-bao-cao"' in panel
    assert reverse("plans:assignment-detail", args=[soon.pk]) in panel


def test_a_returned_report_is_first_on_the_officers_home_and_marked_in_the_agency_list(
    client, world, tasks
):
    late = tasks["late"].assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, late, narrative="Đã làm", progress=40)
    services.review_report(
        world.coordinator, report, accept=False, comment="Bổ sung danh sách xã", version=1
    )
    panel = _panel(client, world.nhatrang, "home-agency-work")
    assert "1 báo cáo bị trả lại, cần bổ sung" in panel
    assert "Bổ sung danh sách xã" in panel
    assert panel.index("bị trả lại") < panel.index("quá hạn")
    assert "Bổ sung, gửi lại" in panel
    listing = client.get(reverse("plans:my-assignments")).content.decode()
    assert 'data-testid="row-returned"' in listing
    assert "Báo cáo bị trả lại, cần bổ sung" in listing
    # The officer's notification of the return is on the home page too.
    notes = _panel(client, world.nhatrang, "home-notifications")
    assert "bị trả lại" in notes


def test_an_agency_with_nothing_due_is_told_so(client, world):
    panel = _panel(client, world.camranh, "home-agency-work")
    assert 'data-testid="work-nothing"' in panel


def test_the_head_sees_the_reports_to_approve_first(client, world, tasks, make_user):
    rules = ReportingSettings.objects.create(province=world.province)
    rules.signoff_agencies.set([world.nha_trang])
    head = make_user("ldnhatrang", Role.AGENCY_HEAD, world.province, world.nha_trang)
    soon = tasks["soon"].assignments.get(agency=world.nha_trang)
    services.submit_report(world.nhatrang, soon, narrative="Xong phần 1", progress=50)
    client.force_login(head)
    body = client.get("/").content.decode()
    assert body.index('data-testid="home-signoff"') < body.index('data-testid="home-agency-work"')
    panel = _panel(client, head, "home-signoff")
    assert "1 báo cáo của chuyên viên chờ bạn duyệt" in panel
    assert "Xem và duyệt" in panel


def test_the_coordinator_sees_the_inbox_and_the_provinces_overdue_list(client, world, tasks):
    late = tasks["late"].assignments.get(agency=world.cam_ranh)
    services.submit_report(world.camranh, late, narrative="Đã làm", progress=40)
    review = _panel(client, world.coordinator, "home-review")
    assert 'data-testid="home-review-count">1<' in review
    assert reverse("plans:inbox") in review
    overdue = _panel(client, world.coordinator, "home-province-overdue")
    assert "2 phân công quá hạn" in overdue  # both districts, task a
    assert "UBND thành phố Cam Ranh" in overdue and "quá 46 ngày" in overdue


def test_leadership_sees_the_plan_state_and_its_objectives(client, world, tasks):
    client.force_login(world.leadership)
    body = client.get("/").content.decode()
    assert 'data-testid="home-objectives"' in body
    assert body.index('data-testid="home-plan-progress"') < body.index("home-objectives")
    assert 'data-testid="home-agency-work"' not in body
    assert 'data-testid="home-review"' not in body  # reviews nothing: no empty panel


def test_the_front_sees_its_supervision_and_its_requested_tasks(client, world, tasks):
    client.force_login(world.mttq)
    body = client.get("/").content.decode()
    assert 'data-testid="home-supervision"' in body
    assert 'data-testid="home-agency-work"' in body
    assert 'data-testid="home-province-overdue"' not in body


def test_the_officers_list_is_the_current_plans_and_earlier_leftovers_are_counted(
    client, world, tasks
):
    """The demo had 2022 tasks (quá 320 ngày) heading the 2023 list (issue 14)."""
    from chiso.plans.models import Plan

    old_plan = Plan.objects.create(
        province=world.province,
        number="90/KH-UBND",
        title="Kế hoạch PAPI 2022",
        year=2022,
        baseline_year=2021,
    )
    services.create_task(
        world.coordinator,
        old_plan,
        title="Nhiệm vụ cũ",
        lead_group=world.districts,
        deadline=dt.date(2022, 9, 29),
        code="z",
    )
    panel = _panel(client, world.nhatrang, "home-agency-work")
    assert "Nhiệm vụ cũ" not in panel and "1 nhiệm vụ quá hạn" in panel
    assert "Kế hoạch PAPI năm 2023" in panel
    assert "Còn 1 nhiệm vụ quá hạn của kế hoạch các năm trước" in panel
