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
    assert requested == {"Ủy ban MTTQ Việt Nam tỉnh", "Ban Dân vận Tỉnh ủy"}
    # II.2.c instructs the province's radio-TV station and newspaper directly (no "đề nghị").
    media = Assignment.objects.filter(task__section__code="II.2", task__code__startswith="c.")
    assert {(a.agency.name, a.relation) for a in media} == {
        ("Đài Phát thanh và Truyền hình Khánh Hòa", Relation.LEAD),
        ("Báo Khánh Hòa", Relation.LEAD),
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


def test_seed_wording_and_parts_as_printed(db):
    from chiso.public.published import published_plan

    load_twice()
    plan = Plan.objects.get()
    b1 = plan.tasks.get(section__code="II.2", code="b.1")
    assert "kết quả Chỉ số PAPI của tỉnh năm 2023" in b1.title
    page = published_plan(plan, None, None, dt.date(2023, 8, 15), "vi")
    c3 = next(t for s in page.sections for t in s.tasks if s.code == "II.1" and t.code == "c.3")
    assert c3.leads == ("UBND các huyện, thị xã, thành phố",)
    assert c3.partners == ("Ủy ban MTTQ Việt Nam tỉnh (đề nghị)",)
