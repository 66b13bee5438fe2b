"""The demo's 2023 plan: complete, faithful to the seed, realistic states, idempotent."""

from __future__ import annotations

import datetime as dt

from chiso.demo import organisations, plan2023
from chiso.plans.models import Assignment, Plan, ProgressReport, Relation, ReportState
from chiso.plans.status import Status


def load_twice() -> list[str]:
    said: list[str] = []
    for _ in range(2):
        organisations.load(said.append)
        plan2023.load(said.append)
    return said


def test_the_plan_is_encoded_in_full(db):
    said = load_twice()
    plan = Plan.objects.get()
    assert plan.title == "Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023"
    assert plan.signer == "Nguyễn Tân Tuân" and plan.report_due == dt.date(2023, 9, 29)
    assert plan.objectives.count() == 7
    assert list(plan.sections.values_list("code", flat=True)) == [
        "I",
        "II.1",
        "II.2",
        "II.3",
        "II.4",
        "III",
    ]
    assert plan.tasks.count() == 28
    assert "bỏ qua" in said[-1]  # the second run changes nothing
    assert Plan.objects.count() == 1 and ProgressReport.objects.count() == 7


def test_requests_go_to_bodies_the_province_cannot_order(db):
    load_twice()
    requested = set(
        Assignment.objects.filter(relation=Relation.REQUEST).values_list("agency__name", flat=True)
    )
    assert requested == {
        "Ủy ban MTTQ Việt Nam tỉnh",
        "Ban Dân vận Tỉnh ủy",
        "Đài Phát thanh và Truyền hình Khánh Hòa",
        "Báo Khánh Hòa",
    }
    districts = Assignment.objects.filter(task__section__code="II.2", task__code="b.2")
    assert districts.count() == 9
    assert set(districts.values_list("deadline", flat=True)) == {dt.date(2023, 6, 30)}


def test_a_realistic_spread_of_states_on_15_august_2023(db):
    load_twice()
    today = dt.date(2023, 8, 15)
    statuses = {a.status(today) for a in Assignment.objects.all()}
    assert statuses == set(Status)
    states = set(ProgressReport.objects.values_list("state", flat=True))
    assert states == {ReportState.ACCEPTED, ReportState.RETURNED, ReportState.SUBMITTED}
    cam_ranh = Assignment.objects.get(
        task__code="b.2", task__section__code="II.2", agency__name="UBND thành phố Cam Ranh"
    )
    assert cam_ranh.status(today) == Status.DONE_LATE
    assert cam_ranh.completed_on == dt.date(2023, 7, 10)
    assert cam_ranh.reports.filter(revises__isnull=False).count() == 1
