"""The review inbox, own-agency reporting and the rule that nobody reviews their own report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from chiso.accounts.models import Role
from chiso.plans import services
from chiso.plans.models import ProgressReport, ReportingSettings, ReportState
from tests.plans.inbox_html import ids, listed


@pytest.fixture
def own_task(world):
    """A task led by Sở Nội vụ itself (the seed's II.2.a conference) and by Nha Trang."""
    return services.create_task(
        world.coordinator,
        world.plan,
        title="Tổ chức hội nghị quán triệt kết quả PAPI 2022",
        section=world.section,
        lead_agencies=[world.home_affairs, world.nha_trang],
        deadline=dt.date(2023, 6, 30),
        unit_codes=["1.1"],
        code="a",
    )


def _main(body: str) -> str:
    """The page's own content (the header's log-out form carries a new CSRF token each time)."""
    return body[body.index('<main id="main"') : body.index("</main>")]


def _sent(report: ProgressReport, day: str) -> ProgressReport:
    moment = timezone.make_aware(dt.datetime.fromisoformat(f"{day}T09:00"))
    ProgressReport.objects.filter(pk=report.pk).update(submitted_at=moment)
    report.refresh_from_db()
    return report


def test_a_coordinator_reports_on_their_agency_but_never_accepts_it(world, own_task, make_user):
    own = own_task.assignments.get(agency=world.home_affairs)
    report = services.submit_report(world.coordinator, own, narrative="Đã tổ chức", progress=100)
    with pytest.raises(PermissionDenied, match="tự duyệt"):
        services.review_report(world.coordinator, report, accept=True, version=1)
    colleague = make_user("phongcchc", Role.COORDINATOR, world.province, world.home_affairs)
    services.review_report(colleague, report, accept=True, version=1)
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED and report.reviewer == colleague


def test_a_coordinator_cannot_report_for_another_agency(world, own_task):
    other = own_task.assignments.get(agency=world.nha_trang)
    with pytest.raises(PermissionDenied):
        services.submit_report(world.coordinator, other, narrative="x", progress=10)


def test_the_named_reviewer_alone_reviews_the_coordinating_agencys_reports(world, own_task):
    ReportingSettings.objects.create(
        province=world.province,
        coordinating_agency=world.home_affairs,
        own_reports_reviewer=world.leadership,
    )
    own = own_task.assignments.get(agency=world.home_affairs)
    district = own_task.assignments.get(agency=world.nha_trang)
    mine = services.submit_report(world.coordinator, own, narrative="Đã tổ chức", progress=100)
    theirs = services.submit_report(world.nhatrang, district, narrative="Đã dự", progress=100)
    from chiso.plans.inbox import review_queue

    assert list(review_queue(world.leadership)) == [mine]
    assert list(review_queue(world.coordinator)) == [theirs]
    with pytest.raises(PermissionDenied):
        services.review_report(world.leadership, theirs, accept=True, version=1)
    services.review_report(world.leadership, mine, accept=True, version=1)
    own.refresh_from_db()
    assert own.progress == 100


def test_inbox_lists_waiting_reports_oldest_first_with_filters(
    world, own_task, district_task, client
):
    late = _sent(
        services.submit_report(
            world.nhatrang,
            own_task.assignments.get(agency=world.nha_trang),
            narrative="Hội nghị đã tổ chức ngày 20/7",
            progress=100,
        ),
        "2023-08-01",
    )
    early = _sent(
        services.submit_report(
            world.camranh,
            district_task.assignments.get(agency=world.cam_ranh),
            narrative="Đã niêm yết tại 15 phường",
            progress=60,
        ),
        "2023-07-20",
    )
    client.force_login(world.coordinator)
    page = client.get(reverse("plans:inbox"))
    assert listed(page) == [(early.pk, 26), (late.pk, 14)]  # today 15/08/2023
    body = page.content.decode()
    assert "Đã niêm yết tại 15 phường" in body and "UBND thành phố Cam Ranh" in body
    by_agency = client.get(reverse("plans:inbox"), {"agency": world.nha_trang.pk})
    assert ids(by_agency) == [late.pk]
    by_unit = client.get(reverse("plans:inbox"), {"unit": "2"})  # district_task is on 2.4
    assert ids(by_unit) == [early.pk]
    counts = dict(client.get(reverse("menu-counts")).context["counts"])
    assert counts["badge-plans-inbox"] == 2


def test_returned_reports_wait_in_the_agencys_inbox(world, district_task, client):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="x", progress=40)
    services.review_report(
        world.coordinator, report, accept=False, comment="Thiếu số liệu", version=1
    )
    client.force_login(world.nhatrang)
    page = client.get(reverse("plans:inbox"))
    assert ids(page, "inbox-returned") == [report.pk]
    assert "Thiếu số liệu" in page.content.decode()
    services.resubmit_report(world.nhatrang, report, narrative="Đủ số liệu", progress=50)
    again = client.get(reverse("plans:inbox"))
    assert ids(again, "inbox-returned") == [] and "inbox-returned" not in again.content.decode()


def test_accept_and_next_opens_the_next_waiting_report(world, own_task, district_task, client):
    first = _sent(
        services.submit_report(
            world.nhatrang,
            district_task.assignments.get(agency=world.nha_trang),
            narrative="a",
            progress=20,
        ),
        "2023-07-01",
    )
    second = _sent(
        services.submit_report(
            world.camranh,
            district_task.assignments.get(agency=world.cam_ranh),
            narrative="b",
            progress=20,
        ),
        "2023-07-02",
    )
    client.force_login(world.coordinator)
    data = {"decision": "accept", "version": 1, "comment": "", "then": "next"}
    response = client.post(reverse("plans:report-review", args=[first.pk]), data)
    assert response.url == (
        reverse("plans:assignment-detail", args=[second.assignment_id]) + f"#bao-cao-{second.pk}"
    )
    response = client.post(reverse("plans:report-review", args=[second.pk]), data)
    assert response.url == reverse("plans:inbox")


def test_inbox_queries_do_not_grow_with_the_list(
    world, district_task, client, django_assert_max_num_queries
):
    from chiso.plans.models import Assignment

    client.force_login(world.coordinator)
    for i in range(12):
        agency = world.nha_trang if i % 2 else world.cam_ranh
        task = services.create_task(
            world.coordinator,
            world.plan,
            title=f"Nhiệm vụ {i}",
            lead_agencies=[agency],
            unit_codes=["2.4", "3"],
            section=world.section,
        )
        author = world.nhatrang if agency == world.nha_trang else world.camranh
        services.submit_report(
            author, Assignment.objects.get(task=task), narrative=f"Báo cáo {i}", progress=10
        )
    with django_assert_max_num_queries(20):
        page = client.get(reverse("plans:inbox"))
    assert len(ids(page)) == 12


def test_the_inbox_comes_from_the_cache_until_a_report_changes(
    world, own_task, district_task, client, make_user, django_assert_max_num_queries
):
    """The lists are cached per viewer and retired by every report submitted or decided."""
    first = services.submit_report(
        world.nhatrang,
        district_task.assignments.get(agency=world.nha_trang),
        narrative="Báo cáo thứ nhất",
        progress=20,
    )
    own = services.submit_report(
        world.coordinator,
        own_task.assignments.get(agency=world.home_affairs),
        narrative="Báo cáo của Sở Nội vụ",
        progress=50,
    )
    url = reverse("plans:inbox")
    client.force_login(world.coordinator)
    body = client.get(url).content.decode()
    assert "Báo cáo thứ nhất" in body and "Báo cáo của Sở Nội vụ" not in body  # never their own
    with django_assert_max_num_queries(3):  # session, user, the province's data revision
        assert _main(client.get(url).content.decode()) == _main(body)
    colleague = make_user("phongcchc", Role.COORDINATOR, world.province, world.home_affairs)
    client.force_login(colleague)
    assert "Báo cáo của Sở Nội vụ" in client.get(url).content.decode()  # not the cached page

    client.force_login(world.coordinator)
    services.submit_report(
        world.camranh,
        district_task.assignments.get(agency=world.cam_ranh),
        narrative="Báo cáo thứ hai",
        progress=30,
    )
    assert "Báo cáo thứ hai" in client.get(url).content.decode()
    services.review_report(world.coordinator, first, accept=True, version=1)
    body = client.get(url).content.decode()
    assert "Báo cáo thứ nhất" not in body and "Báo cáo thứ hai" in body
    assert own.state == ReportState.SUBMITTED


def test_the_menu_badge_comes_from_the_cache_until_a_report_changes(
    world, own_task, district_task, client, make_user, django_assert_max_num_queries
):
    """The inbox badge is cached per viewer under the province's data revision: a report sent,
    decided or the review rules changed show on the very next request; the bell is counted live."""
    url = reverse("menu-counts")

    def badge() -> int:
        return dict(client.get(url).context["counts"])["badge-plans-inbox"]

    first = services.submit_report(
        world.nhatrang,
        district_task.assignments.get(agency=world.nha_trang),
        narrative="a",
        progress=20,
    )
    own = services.submit_report(
        world.coordinator,
        own_task.assignments.get(agency=world.home_affairs),
        narrative="b",
        progress=50,
    )
    client.force_login(world.coordinator)
    assert badge() == 1  # never their own
    with django_assert_max_num_queries(4):  # session, user, the data revision, the bell
        assert badge() == 1
    colleague = make_user("phongcchc", Role.COORDINATOR, world.province, world.home_affairs)
    client.force_login(colleague)
    assert badge() == 2  # another viewer: not the coordinator's count
    client.force_login(world.coordinator)
    services.submit_report(
        world.camranh,
        district_task.assignments.get(agency=world.cam_ranh),
        narrative="c",
        progress=5,
    )
    assert badge() == 2
    services.review_report(world.coordinator, first, accept=True, version=1)
    assert badge() == 1
    client.force_login(world.leadership)
    assert badge() == 0  # leadership reviews nothing until the rules name them
    services.save_reporting_rules(
        world.coordinator,
        coordinating_agency=world.home_affairs,
        own_reports_reviewer=world.leadership,
        signoff_agencies=[],
    )
    assert badge() == 1  # Sở Nội vụ's own report, now theirs to review
    assert own.state == ReportState.SUBMITTED
