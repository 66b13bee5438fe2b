"""The demo's reporting loop: Sở Nội vụ reports its own II.2.a and leadership accepts it."""

from __future__ import annotations

import datetime as dt

from chiso.demo import loop2023, organisations, plan2023
from chiso.plans.models import Assignment, ProgressReport, ReportingSettings, ReportState
from chiso.plans.status import Status


def load_twice() -> list[str]:
    said: list[str] = []
    for _ in range(2):
        organisations.load(said.append)
        plan2023.load(said.append)
        loop2023.load(said.append)
    return said


def test_the_conference_is_reported_by_home_affairs_and_accepted_by_leadership(db, settings):
    settings.CHISO_TODAY = "2023-08-15"
    load_twice()
    rules = ReportingSettings.objects.get()
    assert rules.coordinating_agency.name == "Sở Nội vụ"
    assert rules.own_reports_reviewer.username == "lanhdao"
    conference = Assignment.objects.get(
        task__section__code="II.2", task__code="a", agency__name="Sở Nội vụ"
    )
    report = ProgressReport.objects.get(assignment=conference)  # once, after two loads
    assert report.author.username == "sonoivu" and report.reviewer.username == "lanhdao"
    assert report.state == ReportState.ACCEPTED
    assert conference.completed_on == dt.date(2023, 6, 27)
    assert conference.status(dt.date(2023, 8, 15)) == Status.DONE


def test_the_plan_wide_report_and_the_quarterly_duty(db, settings):
    settings.CHISO_TODAY = "2023-08-15"
    load_twice()
    overall = Assignment.objects.filter(task__section__code="III", task__code="1")
    assert overall.count() > 30
    assert {a.period_due for a in overall} == {dt.date(2023, 9, 29)}
    quarterly = Assignment.objects.get(task__section__code="III", task__code="2")
    periods = list(quarterly.periods.values_list("due_on", "submitted_on", "accepted_on"))
    assert periods == [
        (dt.date(2023, 6, 30), dt.date(2023, 7, 5), dt.date(2023, 7, 7)),
        (dt.date(2023, 9, 30), None, None),
        (dt.date(2023, 12, 31), None, None),
    ]
    assert quarterly.period_due == dt.date(2023, 9, 30)
    assert quarterly.status(dt.date(2023, 8, 15)) == Status.IN_PROGRESS


def test_two_district_committees_sign_off_their_reports(db, settings):
    settings.CHISO_TODAY = "2023-08-15"
    load_twice()
    rules = ReportingSettings.objects.get()
    assert sorted(a.name for a in rules.signoff_agencies.all()) == [
        "UBND thành phố Cam Ranh",
        "UBND thành phố Nha Trang",
    ]
    approved = ProgressReport.objects.get(
        assignment__task__section__code="II.3",
        assignment__task__code="c.1",
        assignment__agency__name="UBND thành phố Nha Trang",
    )
    assert approved.state == ReportState.SUBMITTED
    assert approved.head_reviewer.username == "ldnhatrang"
    waiting = ProgressReport.objects.get(state=ReportState.AWAITING_HEAD)
    assert waiting.assignment.agency.name == "UBND thành phố Cam Ranh"
