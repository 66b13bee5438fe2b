"""Reporting schedules: period generation (known answers), period status, the services that keep
periods and `period_due`, derived assignment status, deadline lists and compliance."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chiso.dashboards.deadlines import due_soon, overdue
from chiso.plans import services
from chiso.plans.compliance import current_compliance
from chiso.plans.models import Assignment, ReportPeriod
from chiso.plans.schedule import Period, PeriodStatus, period_status, periods
from chiso.plans.status import Status

D = dt.date


def dues(found: list[Period]) -> list[dt.date]:
    return [p.due_on for p in found]


def test_quarters_end_on_the_last_day_of_march_june_september_december():
    found = periods("quarterly", [], D(2023, 1, 1), D(2023, 12, 31))
    assert dues(found) == [D(2023, 3, 31), D(2023, 6, 30), D(2023, 9, 30), D(2023, 12, 31)]
    assert found[1] == Period(D(2023, 4, 1), D(2023, 6, 30))


def test_monthly_periods_know_leap_years_and_the_window():
    leap = dues(periods("monthly", [], D(2024, 1, 15), D(2024, 4, 30)))
    assert leap == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)]
    plain = dues(periods("monthly", [], D(2023, 2, 1), D(2023, 3, 15)))
    assert plain == [D(2023, 2, 28)]  # March ends after the window


def test_half_years_years_and_explicit_dates():
    assert dues(periods("half_yearly", [], D(2023, 5, 26), D(2024, 12, 31))) == [
        D(2023, 6, 30),
        D(2023, 12, 31),
        D(2024, 6, 30),
        D(2024, 12, 31),
    ]
    assert dues(periods("yearly", [], D(2023, 1, 1), D(2023, 12, 31))) == [D(2023, 12, 31)]
    seed = periods(
        "dates", [D(2023, 9, 29), D(2023, 6, 30), D(2023, 6, 30)], D(2023, 5, 26), D(2023, 12, 31)
    )
    assert seed == [Period(D(2023, 5, 26), D(2023, 6, 30)), Period(D(2023, 7, 1), D(2023, 9, 29))]


@pytest.mark.parametrize(
    ("submitted", "accepted", "today", "expected"),
    [
        (None, None, D(2023, 8, 1), PeriodStatus.NOT_DUE),
        (None, None, D(2023, 9, 20), PeriodStatus.DUE_SOON),
        (None, None, D(2023, 9, 29), PeriodStatus.DUE_SOON),
        (None, None, D(2023, 9, 30), PeriodStatus.MISSING),
        (D(2023, 9, 29), None, D(2023, 10, 5), PeriodStatus.SUBMITTED),
        (D(2023, 9, 28), D(2023, 10, 2), D(2023, 10, 5), PeriodStatus.ACCEPTED),
        (D(2023, 10, 1), None, D(2023, 10, 5), PeriodStatus.LATE),
        (D(2023, 10, 1), D(2023, 10, 3), D(2023, 10, 5), PeriodStatus.LATE),
    ],
)
def test_period_status(submitted, accepted, today, expected):
    assert period_status(D(2023, 9, 29), submitted, accepted, today, 14) == expected


def test_a_schedule_gives_every_assignment_its_periods(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    assert list(nha_trang.periods.values_list("due_on", flat=True)) == [
        D(2023, 6, 30),
        D(2023, 9, 30),
        D(2023, 12, 31),
    ]
    assert nha_trang.period_due == D(2023, 6, 30)
    # 15/08/2023: the second quarter's report is missing → overdue like a missed deadline.
    assert nha_trang.status() == Status.OVERDUE
    assert nha_trang in overdue(Assignment.objects.all(), D(2023, 8, 15))


def test_a_report_answers_the_earliest_period_owed(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, nha_trang, narrative="Quý II", progress=30)
    assert report.period.due_on == D(2023, 6, 30)
    nha_trang.refresh_from_db()
    assert nha_trang.period_due == D(2023, 9, 30) and nha_trang.status() == Status.IN_PROGRESS
    period = report.period
    period.refresh_from_db()
    assert period.status(D(2023, 8, 15), 14) == PeriodStatus.LATE  # sent 15/08 for 30/06
    services.review_report(world.coordinator, report, accept=True, version=1)
    period.refresh_from_db()
    assert period.accepted_on == D(2023, 8, 15)
    # due soon: the third quarter, from 16/09
    assert nha_trang in due_soon(Assignment.objects.all(), D(2023, 9, 20), 14)


def test_a_returned_report_keeps_its_period_and_the_revision_answers_it(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    first = services.submit_report(world.nhatrang, nha_trang, narrative="Quý II", progress=30)
    services.review_report(
        world.coordinator, first, accept=False, comment="Thiếu số liệu", version=1
    )
    second = services.resubmit_report(world.nhatrang, first, narrative="Quý II, đủ", progress=30)
    assert second.period == first.period


def test_a_schedule_changed_mid_year_keeps_periods_with_reports(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    services.submit_report(world.nhatrang, nha_trang, narrative="Quý II", progress=30)
    quarterly.refresh_from_db()
    services.set_schedule(
        world.coordinator,
        quarterly,
        report_schedule="dates",
        report_dates=[D(2023, 9, 29)],
        version=quarterly.version,
    )
    kept = list(nha_trang.periods.values_list("due_on", "submitted_on"))
    assert kept == [(D(2023, 6, 30), D(2023, 8, 15)), (D(2023, 9, 29), None)]
    cam_ranh = quarterly.assignments.get(agency=world.cam_ranh)
    assert list(cam_ranh.periods.values_list("due_on", flat=True)) == [D(2023, 9, 29)]
    cam_ranh.refresh_from_db()
    assert cam_ranh.period_due == D(2023, 9, 29) and cam_ranh.status() != Status.OVERDUE


def test_set_schedule_rules(world, district_task):
    with pytest.raises(PermissionDenied):
        services.set_schedule(world.nhatrang, district_task, report_schedule="monthly", version=1)
    with pytest.raises(services.PlanError) as error:
        services.set_schedule(world.coordinator, district_task, report_schedule="dates", version=1)
    assert error.value.field == "report_dates"
    with pytest.raises(services.PlanError):
        services.set_schedule(world.coordinator, district_task, report_schedule="weekly", version=1)
    assert not ReportPeriod.objects.exists()


def test_compliance_counts_the_latest_due_period_per_agency(world, quarterly):
    nha_trang = quarterly.assignments.get(agency=world.nha_trang)
    services.submit_report(world.nhatrang, nha_trang, narrative="Quý II", progress=30)
    found = {
        c.agency_name: (c.on_time, c.late, c.missing)
        for c in current_compliance(Assignment.objects.all(), D(2023, 8, 15))
    }
    assert found == {
        "UBND thành phố Cam Ranh": (0, 0, 1),
        "UBND thành phố Nha Trang": (0, 1, 0),
        "Ủy ban MTTQ Việt Nam tỉnh": (0, 0, 1),
    }
    # Only the latest period due by the day counts: on 15/10 the third quarter's, not reported.
    later = current_compliance(Assignment.objects.all(), D(2023, 10, 15), world.province.pk)
    assert {c.agency_name: (c.on_time, c.late, c.missing) for c in later} == {
        name: (0, 0, 1) for name in found
    }
    # Told the province (the dashboard knows its plan's), the same rows from its periods alone.
    same = current_compliance(Assignment.objects.all(), D(2023, 8, 15), world.province.pk)
    assert {c.agency_name: (c.on_time, c.late, c.missing) for c in same} == found


def test_the_schedule_form_and_the_period_choice(world, district_task, client):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("plans:task-schedule", args=[district_task.pk]),
        {
            "version": district_task.version,
            "report_schedule": "dates",
            "report_dates": "30/6/2023, 29/09/2023",
        },
    )
    assert response.status_code == 302
    district_task.refresh_from_db()
    assert district_task.report_dates == ["2023-06-30", "2023-09-29"]
    assignment = district_task.assignments.get(agency=world.cam_ranh)
    client.force_login(world.camranh)
    page = client.get(reverse("plans:assignment-detail", args=[assignment.pk])).content.decode()
    assert 'data-testid="periods"' in page and "Chưa báo cáo, quá hạn" in page
    september = assignment.periods.get(due_on=D(2023, 9, 29))
    client.post(
        reverse("plans:report-submit", args=[assignment.pk]),
        {"narrative": "Báo cáo 9 tháng", "progress": "60", "period": september.pk},
    )
    september.refresh_from_db()
    assert september.submitted_on == D(2023, 8, 15)
