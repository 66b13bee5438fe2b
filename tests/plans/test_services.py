"""Plan services: rules, audit entries, optimistic locking, group drift, review workflow."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from chiso.accounts.models import AgencyKind
from chiso.audit.models import AuditEntry
from chiso.audit.services import history_for
from chiso.plans import services
from chiso.plans.models import Assignment, ProgressReport, Relation, ReportState, Task
from chiso.plans.status import Status
from chiso.workflow.errors import StaleVersion
from tests.plans.conftest import pdf_bytes, upload


def test_group_assignment_creates_one_per_member_and_requests_the_front(world, district_task):
    rows = {a.agency.name: a for a in district_task.assignments.select_related("agency")}
    assert set(rows) == {
        "UBND thành phố Nha Trang",
        "UBND thành phố Cam Ranh",
        "Ủy ban MTTQ Việt Nam tỉnh",
    }
    assert rows["UBND thành phố Nha Trang"].relation == Relation.LEAD
    assert rows["UBND thành phố Nha Trang"].via_group == world.districts
    assert rows["UBND thành phố Nha Trang"].deadline == dt.date(2023, 6, 30)
    # The Fatherland Front cannot be ordered: its part is a request, whatever the form said.
    assert rows["Ủy ban MTTQ Việt Nam tỉnh"].relation == Relation.REQUEST
    assert list(district_task.units.values_list("unit_code", flat=True)) == ["2.4"]


def test_create_task_is_audited(world, district_task):
    entry = history_for(district_task).get()
    assert entry.action == "task.create"
    assert entry.actor == world.coordinator
    assert entry.changes["title"] == [None, "Công khai quy hoạch sử dụng đất"]
    assert entry.changes["unit_codes"] == [None, ["2.4"]]
    assert AuditEntry.objects.filter(action="assignment.create").count() == 3


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"title": "  "}, "title"),
        ({"unit_codes": ["9.9"]}, "unit_codes"),
        ({"lead_group": None}, "lead_agencies"),
        ({"recurring": False, "reporting_period": "monthly"}, "reporting_period"),
    ],
)
def test_create_task_refuses_bad_input_and_saves_nothing(world, fields, field):
    arguments = {"title": "Nhiệm vụ", "lead_group": world.districts, **fields}
    with pytest.raises(services.PlanError) as error:
        services.create_task(world.coordinator, world.plan, **arguments)
    assert error.value.field == field
    assert Task.objects.count() == 0 and Assignment.objects.count() == 0


def test_agencies_from_another_province_are_refused(world, other_province, make_agency):
    stranger = make_agency(other_province, "Sở Nội vụ Hà Nội")
    with pytest.raises(services.PlanError, match="không thuộc tỉnh"):
        services.create_task(world.coordinator, world.plan, title="X", lead_agencies=[stranger])


@pytest.mark.parametrize("who", ["nhatrang", "leadership", "mttq"])
def test_only_coordinators_change_tasks(world, district_task, who):
    with pytest.raises(PermissionDenied):
        services.create_task(getattr(world, who), world.plan, title="X", lead_group=world.districts)
    with pytest.raises(PermissionDenied):
        services.update_task(getattr(world, who), district_task, version=1, title="Y")


def test_update_task_with_stale_version_is_refused(world, district_task):
    services.update_task(
        world.coordinator, district_task, version=1, title="Bản của người thứ nhất"
    )
    with pytest.raises(StaleVersion, match="Người khác đã lưu"):
        services.update_task(world.coordinator, district_task, version=1, title="Bản thứ hai")
    district_task.refresh_from_db()
    assert district_task.title == "Bản của người thứ nhất"
    assert district_task.version == 2


def test_update_task_records_old_and_new_and_moves_deadlines(world, district_task):
    task = services.update_task(
        world.coordinator,
        district_task,
        version=1,
        deadline=dt.date(2023, 9, 29),
        coordinating=[world.department],
        unit_codes=["2.4", "2"],
    )
    entry = history_for(task).filter(action="task.update").get()
    assert entry.changes["deadline"] == ["2023-06-30", "2023-09-29"]
    assert entry.changes["coordinating"] == [["Ủy ban MTTQ Việt Nam tỉnh"], ["Sở Tư pháp"]]
    assert entry.changes["unit_codes"] == [["2.4"], ["2", "2.4"]]
    assert set(task.assignments.values_list("deadline", flat=True)) == {dt.date(2023, 9, 29)}
    assert not task.assignments.filter(agency=world.front).exists()


def test_group_drift_is_shown_then_applied_deliberately(world, district_task, make_agency):
    van_ninh = make_agency(world.province, "UBND huyện Vạn Ninh", AgencyKind.DISTRICT_COMMITTEE)
    world.districts.members.add(van_ninh)
    world.districts.members.remove(world.cam_ranh)
    drift = services.group_drift(district_task)
    assert [a.name for a in drift.joined] == ["UBND huyện Vạn Ninh"]
    assert [a.agency.name for a in drift.left] == ["UBND thành phố Cam Ranh"]
    # Nothing changed by itself.
    assert district_task.assignments.count() == 3

    services.apply_group_drift(world.coordinator, district_task, version=1)
    names = set(district_task.assignments.values_list("agency__name", flat=True))
    assert names == {"UBND thành phố Nha Trang", "UBND huyện Vạn Ninh", "Ủy ban MTTQ Việt Nam tỉnh"}
    assert not services.group_drift(district_task)
    assert history_for(district_task).filter(action="task.group_sync").exists()


def test_group_drift_keeps_an_agency_that_already_reported(world, district_task):
    assignment = district_task.assignments.get(agency=world.cam_ranh)
    services.submit_report(world.camranh, assignment, narrative="Đã niêm yết", progress=50)
    world.districts.members.remove(world.cam_ranh)
    services.apply_group_drift(world.coordinator, district_task, version=1)
    assignment.refresh_from_db()
    assert assignment.via_group is None  # kept, now a direct assignment, reports intact
    assert assignment.reports.count() == 1


def test_report_return_resubmit_accept_completes_the_assignment(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    first = services.submit_report(
        world.nhatrang,
        assignment,
        narrative="Đã công khai tại 27 phường, xã",
        figures="27/27",
        progress=100,
        is_final=True,
        files=[upload("bien-ban.pdf", pdf_bytes())],
    )
    assert first.evidence.get().original_name == "bien-ban.pdf"
    assignment.refresh_from_db()
    assert assignment.status() == Status.OVERDUE  # deadline 30/06 passed, not yet accepted

    services.review_report(
        world.coordinator, first, accept=False, comment="Thiếu ảnh niêm yết", version=1
    )
    with pytest.raises(services.PlanError, match="đang chờ gửi lại"):
        services.submit_report(world.nhatrang, assignment, narrative="Mới", progress=10)
    second = services.resubmit_report(
        world.nhatrang,
        first,
        narrative="Bổ sung ảnh",
        progress=100,
        is_final=True,
    )
    assert second.revises == first
    services.review_report(world.coordinator, second, accept=True, comment="", version=1)

    assignment.refresh_from_db()
    assert assignment.progress == 100
    assert assignment.completed_on == dt.date(2023, 8, 15)
    assert assignment.status() == Status.DONE_LATE
    first.refresh_from_db()
    assert first.state == ReportState.RETURNED and first.review_comment == "Thiếu ảnh niêm yết"
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions[-5:] == [
        "report.submit",
        "report.return",
        "report.resubmit",
        "report.accept",
        "assignment.progress",
    ]


def test_review_rules(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    report = services.submit_report(world.nhatrang, assignment, narrative="Đang làm", progress=40)
    with pytest.raises(services.PlanError) as error:
        services.review_report(world.coordinator, report, accept=False, comment=" ", version=1)
    assert error.value.field == "comment"
    with pytest.raises(PermissionDenied):
        services.review_report(world.leadership, report, accept=True, version=1)
    with pytest.raises(PermissionDenied):
        services.review_report(world.nhatrang, report, accept=True, version=1)
    services.review_report(world.coordinator, report, accept=True, version=1)
    with pytest.raises(StaleVersion):
        services.review_report(world.coordinator, report, accept=False, comment="x", version=1)
    assignment.refresh_from_db()
    assert assignment.progress == 40 and assignment.completed_on is None


def test_submit_rules(world, district_task):
    own = district_task.assignments.get(agency=world.nha_trang)
    other = district_task.assignments.get(agency=world.cam_ranh)
    with pytest.raises(PermissionDenied):
        services.submit_report(world.nhatrang, other, narrative="x", progress=10)
    with pytest.raises(PermissionDenied):
        services.submit_report(world.leadership, own, narrative="x", progress=10)
    with pytest.raises(services.PlanError, match="100%"):
        services.submit_report(world.nhatrang, own, narrative="x", progress=80, is_final=True)
    with pytest.raises(services.PlanError) as error:
        services.submit_report(world.nhatrang, own, narrative="x", progress=101)
    assert error.value.field == "progress"
    services.submit_report(world.nhatrang, own, narrative="x", progress=10)
    with pytest.raises(services.PlanError, match="chờ Sở Nội vụ duyệt"):
        services.submit_report(world.nhatrang, own, narrative="y", progress=20)
    assert ProgressReport.objects.count() == 1


def test_the_front_reports_on_its_requested_task(world, district_task):
    requested = district_task.assignments.get(agency=world.front)
    report = services.submit_report(
        world.mttq, requested, narrative="Đã giám sát 3 xã", progress=30
    )
    assert report.author == world.mttq


def test_delete_task_only_without_reports(world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    services.submit_report(world.nhatrang, assignment, narrative="x", progress=10)
    with pytest.raises(services.PlanError, match="đã có báo cáo"):
        services.delete_task(world.coordinator, district_task, version=1)
    other = services.create_task(
        world.coordinator, world.plan, title="Tạm", lead_agencies=[world.department]
    )
    services.delete_task(world.coordinator, other, version=1)
    assert not Task.objects.filter(pk=other.pk).exists()
    assert AuditEntry.objects.filter(action="task.delete", object_id=str(other.pk)).exists()


def test_plan_objectives_and_sections(world):
    plan = services.create_plan(
        world.coordinator, number="5/KH-UBND", title="Kế hoạch 2024", year=2024, baseline_year=2023
    )
    assert plan.province == world.province
    with pytest.raises(services.PlanError) as error:
        services.create_plan(
            world.coordinator, number="5/KH-UBND", title="Trùng", year=2024, baseline_year=2023
        )
    assert error.value.field == "number"
    objective = services.save_objective(
        world.coordinator,
        plan,
        code="1",
        text="Đạt từ 45,00 điểm",
        kind="aggregate_score_min",
        value=45,
    )
    assert objective.order == 1
    with pytest.raises(services.PlanError) as error:
        services.save_objective(
            world.coordinator, plan, code="2", text="Nhóm", kind="aggregate_tier_min"
        )
    assert error.value.field == "tier"
    services.update_plan(world.coordinator, plan, version=1, signer="Nguyễn Tân Tuân")
    with pytest.raises(StaleVersion):
        services.update_plan(world.coordinator, plan, version=1, signer="Ai đó")
    section = services.save_section(world.coordinator, plan, code="III", title="Tổ chức thực hiện")
    with pytest.raises(services.PlanError):
        services.save_section(world.coordinator, plan, code="III", title="Trùng")
    assert history_for(section).get().action == "section.create"
    with pytest.raises(PermissionDenied):
        services.create_plan(world.leadership, number="6", title="x", year=2024, baseline_year=2023)
