"""Pages of the plan workspace: they work, they check ownership, they refuse read-only roles."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from chiso.accounts.models import Role
from chiso.plans import services
from chiso.plans.models import ProgressReport, ReportState, Task
from tests.plans.conftest import pdf_bytes, png_bytes, upload


@pytest.fixture
def reported(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(
        world.nhatrang,
        assignment,
        narrative="Đã niêm yết tại 27 phường, xã",
        progress=60,
        files=[upload("bien-ban.pdf", pdf_bytes())],
    )
    return assignment, report


def test_it_works(client, world, district_task, reported):
    assignment, report = reported
    client.force_login(world.coordinator)
    pages = [
        reverse("plans:plan-list"),
        reverse("plans:plan-detail", args=[world.plan.pk]),
        reverse("plans:plan-history", args=[world.plan.pk]),
        reverse("plans:task-list", args=[world.plan.pk]) + "?status=overdue&unit=2",
        reverse("plans:task-detail", args=[district_task.pk]),
        reverse("plans:task-edit", args=[district_task.pk]),
        reverse("plans:task-create", args=[world.plan.pk]),
        reverse("plans:task-history", args=[district_task.pk]),
        reverse("plans:assignment-detail", args=[assignment.pk]),
        reverse("plans:assignment-history", args=[assignment.pk]),
        reverse("plans:agency-detail", args=[world.nha_trang.pk]),
        reverse("plans:help"),
        reverse("plans:help-page", args=["dieu-phoi"]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    body = client.get(reverse("plans:task-detail", args=[district_task.pk])).content.decode()
    assert "UBND thành phố Nha Trang" in body and "Quá hạn" in body and "Đề nghị" in body
    body = client.get(reverse("plans:assignment-detail", args=[assignment.pk])).content.decode()
    assert "bien-ban.pdf" in body and 'data-testid="review-form"' in body


def test_task_list_filters(client, world, district_task):
    services.create_task(
        world.coordinator,
        world.plan,
        title="Thường xuyên tuyên truyền",
        lead_agencies=[world.department],
        recurring=True,
        unit_codes=["1.1"],
    )
    client.force_login(world.leadership)
    url = reverse("plans:task-list", args=[world.plan.pk])
    assert client.get(url).context["page"].paginator.count == 2

    def titles(query: str) -> list[str]:
        ids = client.get(url + query).context["page"].object_list  # the page's task ids
        return [Task.objects.get(pk=pk).title for pk in ids]

    assert titles("?overdue=1") == ["Công khai quy hoạch sử dụng đất"]
    assert titles("?unit=1") == ["Thường xuyên tuyên truyền"]
    assert titles(f"?agency={world.department.pk}&status=not_started") == [
        "Thường xuyên tuyên truyền"
    ]


def test_the_agency_submits_and_the_coordinator_reviews_through_the_pages(
    client, world, district_task
):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    client.force_login(world.nhatrang)
    url = reverse("plans:report-submit", args=[assignment.pk])
    response = client.post(
        url, {"narrative": "Báo cáo", "progress": "30", "files": [upload("a.pdf", png_bytes())]}
    )
    assert response.status_code == 200
    assert "a.pdf" in response.content.decode() and ProgressReport.objects.count() == 0
    response = client.post(
        url, {"narrative": "Báo cáo", "progress": "30", "files": [upload("a.pdf", pdf_bytes())]}
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()

    client.force_login(world.coordinator)
    review = reverse("plans:report-review", args=[report.pk])
    response = client.post(review, {"decision": "return", "comment": "", "version": "1"})
    assert "cần ghi rõ lý do" in response.content.decode()
    assert (
        client.post(
            review, {"decision": "return", "comment": "Bổ sung số liệu", "version": "1"}
        ).status_code
        == 302
    )
    report.refresh_from_db()
    assert report.state == ReportState.RETURNED

    client.force_login(world.nhatrang)
    page = client.get(reverse("plans:assignment-detail", args=[assignment.pk])).content.decode()
    assert "Sửa và gửi lại" in page and "Bổ sung số liệu" in page
    client.post(
        url,
        {"narrative": "Đã bổ sung", "progress": "100", "is_final": "on", "revises": str(report.pk)},
    )
    assert ProgressReport.objects.get(revises=report).progress == 100


def test_stale_task_edit_keeps_the_users_input(client, world, district_task):
    client.force_login(world.coordinator)
    services.update_task(world.coordinator, district_task, version=1, title="Sửa bởi người khác")
    url = reverse("plans:task-edit", args=[district_task.pk])
    data = {
        "version": "1",
        "title": "Nội dung tôi vừa gõ",
        "lead_group": str(world.districts.pk),
        "deadline": "2023-06-30",
        "is_public": "on",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Người khác đã lưu" in body and "Nội dung tôi vừa gõ" in body
    assert Task.objects.get().title == "Sửa bởi người khác"


def test_task_create_through_the_form(client, world):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:task-create", args=[world.plan.pk]),
        {
            "title": "Niêm yết Bộ khung nhiệm vụ",
            "lead_group": str(world.districts.pk),
            "deadline": "2023-06-30",
            "unit_codes": ["2.1"],
            "section": str(world.section.pk),
        },
    )
    task = Task.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "plans:task-detail", args=[task.pk]
    )
    assert task.assignments.count() == 2 and task.deadline == dt.date(2023, 6, 30)


def test_it_checks_ownership(
    client, world, district_task, reported, other_province, make_agency, make_user
):
    assignment, report = reported
    evidence = report.evidence.get()
    stranger_agency = make_agency(other_province, "Sở Nội vụ Hà Nội")
    outsider = make_user("hanoi", Role.COORDINATOR, other_province, stranger_agency)
    client.force_login(outsider)
    for url in [
        reverse("plans:plan-detail", args=[world.plan.pk]),
        reverse("plans:task-list", args=[world.plan.pk]),
        reverse("plans:task-detail", args=[district_task.pk]),
        reverse("plans:task-edit", args=[district_task.pk]),
        reverse("plans:assignment-detail", args=[assignment.pk]),
        reverse("plans:evidence-download", args=[evidence.pk]),
        reverse("plans:agency-detail", args=[world.nha_trang.pk]),
    ]:
        assert client.get(url).status_code == 404, url

    client.force_login(world.camranh)  # same province, another agency
    for url in [
        reverse("plans:assignment-detail", args=[assignment.pk]),
        reverse("plans:assignment-history", args=[assignment.pk]),
        reverse("plans:evidence-download", args=[evidence.pk]),
        reverse("plans:agency-detail", args=[world.nha_trang.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    assert (
        client.post(
            reverse("plans:report-submit", args=[assignment.pk]),
            {"narrative": "x", "progress": "5"},
        ).status_code
        == 404
    )

    client.force_login(world.nhatrang)
    response = client.get(reverse("plans:evidence-download", args=[evidence.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bien-ban.pdf"'
    assert b"".join(response.streaming_content) == pdf_bytes()


@pytest.mark.parametrize("who", ["leadership", "mttq", "nhatrang"])
def test_it_requires_rw_access(client, world, district_task, reported, who):
    assignment, report = reported
    client.force_login(getattr(world, who))
    assert client.get(reverse("plans:task-create", args=[world.plan.pk])).status_code == 403
    assert client.get(reverse("plans:task-edit", args=[district_task.pk])).status_code == 403
    assert (
        client.post(
            reverse("plans:task-delete", args=[district_task.pk]), {"version": "1"}
        ).status_code
        == 403
    )
    review = client.post(
        reverse("plans:report-review", args=[report.pk]), {"decision": "accept", "version": "1"}
    )
    assert review.status_code in (403, 404)
    report.refresh_from_db()
    assert report.state == ReportState.SUBMITTED


def test_leadership_reads_but_cannot_report(client, world, reported):
    assignment, _ = reported
    client.force_login(world.leadership)
    page = client.get(reverse("plans:assignment-detail", args=[assignment.pk]))
    assert page.status_code == 200 and page.context["report_form"] is None
    response = client.post(
        reverse("plans:report-submit", args=[assignment.pk]), {"narrative": "x", "progress": "5"}
    )
    assert response.status_code == 403


def test_my_assignments(client, world, district_task):
    client.force_login(world.nhatrang)
    response = client.get(reverse("plans:my-assignments"))
    assert [a.agency for a in response.context["assignments"]] == [world.nha_trang]


def test_list_pages_have_bounded_queries(client, world, django_assert_max_num_queries):
    for n in range(12):
        services.create_task(
            world.coordinator,
            world.plan,
            title=f"Nhiệm vụ {n}",
            section=world.section,
            lead_group=world.districts,
            coordinating=[world.front],
            unit_codes=["2.4", "3"],
        )
    client.force_login(world.coordinator)
    with django_assert_max_num_queries(14):
        client.get(reverse("plans:task-list", args=[world.plan.pk]))
    with django_assert_max_num_queries(16):
        client.get(reverse("plans:plan-detail", args=[world.plan.pk]))
    client.force_login(world.nhatrang)
    with django_assert_max_num_queries(10):
        client.get(reverse("plans:my-assignments"))
