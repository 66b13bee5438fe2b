"""One agency's own reporting schedule (issue 13: "a task or assignment can carry a reporting
schedule"): a district that reports monthly on a quarterly duty. Today is 15/08/2023."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.plans import services
from chiso.plans.models import Assignment

D = dt.date


def dues(assignment: Assignment) -> list[dt.date]:
    return list(assignment.periods.order_by("due_on").values_list("due_on", flat=True))


def test_it_works(world, quarterly, client):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    cam_ranh = quarterly.assignments.get(agency=world.cam_ranh)
    client.force_login(world.coordinator)
    page = client.get(reverse("plans:assignment-detail", args=[nha_trang.pk])).content.decode()
    assert 'data-testid="assignment-schedule-form"' in page
    response = client.post(
        reverse("plans:assignment-schedule", args=[nha_trang.pk]),
        {"version": nha_trang.version, "report_schedule": "monthly", "report_dates": ""},
    )
    assert response.status_code == 302
    assert dues(nha_trang) == [D(2023, m, 30 if m in (4, 6, 9, 11) else 31) for m in range(4, 13)]
    starts = nha_trang.periods.order_by("due_on").values_list("starts_on", flat=True)
    assert list(starts) == [D(2023, m, 1) for m in range(4, 13)]  # months, not quarters
    assert dues(cam_ranh) == [D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
    nha_trang.refresh_from_db()
    assert nha_trang.period_due == D(2023, 4, 30)  # monthly reports owed since April
    entry = AuditEntry.objects.get(action="assignment.schedule")
    assert entry.changes["report_schedule"] == ["", "monthly"]
    page = client.get(reverse("plans:assignment-detail", args=[nha_trang.pk])).content.decode()
    assert "Hằng tháng (lịch riêng của cơ quan)" in page


def test_the_tasks_schedule_changes_leave_an_own_schedule_alone(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    services.set_assignment_schedule(
        world.coordinator,
        nha_trang,
        report_schedule="dates",
        report_dates=[D(2023, 9, 29)],
        version=nha_trang.version,
    )
    quarterly.refresh_from_db()
    services.set_schedule(
        world.coordinator,
        quarterly,
        report_schedule="half_yearly",
        schedule_start=D(2023, 4, 1),
        version=quarterly.version,
    )
    assert dues(nha_trang) == [D(2023, 9, 29)]
    assert dues(quarterly.assignments.get(agency=world.cam_ranh)) == [
        D(2023, 6, 30),
        D(2023, 12, 31),
    ]


def test_following_the_task_again_keeps_the_periods_already_reported(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    services.set_assignment_schedule(
        world.coordinator, nha_trang, report_schedule="monthly", version=nha_trang.version
    )
    services.submit_report(world.nhatrang, nha_trang, narrative="Tháng 4", progress=10)
    nha_trang.refresh_from_db()
    services.set_assignment_schedule(
        world.coordinator, nha_trang, report_schedule="", version=nha_trang.version
    )
    # April's report keeps its period; the rest follow the task's quarters again.
    assert dues(nha_trang) == [D(2023, 4, 30), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]


def test_it_requires_rw_access(world, quarterly, client):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    url = reverse("plans:assignment-schedule", args=[nha_trang.pk])
    for user in (world.nhatrang, world.leadership):
        client.force_login(user)
        form = {"version": nha_trang.version, "report_schedule": "monthly"}
        assert client.post(url, form).status_code == 403
        page = client.get(reverse("plans:assignment-detail", args=[nha_trang.pk]))
        assert 'data-testid="assignment-schedule-form"' not in page.content.decode()
    with pytest.raises(PermissionDenied):
        services.set_assignment_schedule(
            world.nhatrang, nha_trang, report_schedule="monthly", version=nha_trang.version
        )
    assert dues(nha_trang) == [D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]


def test_it_checks_ownership(world, quarterly, client, other_province, make_agency, make_user):
    outsider = make_user(
        "hanoi", Role.COORDINATOR, other_province, make_agency(other_province, "Sở Nội vụ")
    )
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    client.force_login(outsider)
    url = reverse("plans:assignment-schedule", args=[nha_trang.pk])
    assert client.post(url, {"version": 1, "report_schedule": "monthly"}).status_code == 404


def test_a_bad_schedule_is_refused_by_name(world, quarterly, client):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    client.force_login(world.coordinator)
    url = reverse("plans:assignment-schedule", args=[nha_trang.pk])
    client.post(url, {"version": nha_trang.version, "report_schedule": "dates"})
    page = client.get(reverse("plans:assignment-detail", args=[nha_trang.pk])).content.decode()
    assert "Cần nhập ít nhất một ngày báo cáo (dd/mm/yyyy)." in page
    stale = {"version": nha_trang.version + 5, "report_schedule": "monthly"}
    client.post(url, stale)
    assert dues(nha_trang) == [D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
