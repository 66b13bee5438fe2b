"""Inspection services: checklist, findings with evidence, follow-up tasks, permissions, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from chiso.activities import services
from chiso.activities.errors import ActivityError
from chiso.activities.models import Attachment, Finding, InspectionKind, Verdict, VisitState
from chiso.audit.models import AuditEntry
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment
from chiso.plans.status import Status
from chiso.workflow.errors import StaleVersion
from tests.activities.conftest import pdf_upload, png_as_pdf
from tests.zip_bombs import docx_bomb

pytestmark = pytest.mark.django_db


def make_inspection(world, user=None, **extra):
    fields = dict(
        title="Kiểm tra việc thực hiện giải pháp PAPI 2023",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=world.snv,
        targets=[world.nhatrang, world.camranh],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
        unit_codes=["2"],
    )
    fields.update(extra)
    return services.create_inspection_plan(user or world.coordinator, world.plan, **fields)


def make_visit(world, inspection, when=dt.date(2023, 8, 1), agency=None):
    return services.add_visit(
        world.coordinator,
        inspection,
        agency=agency or world.nhatrang,
        visited_on=when,
        place="Trụ sở UBND thành phố Nha Trang",
        members="Nguyễn Văn A\nTrần Thị B\n",
    )


def test_checklist_comes_from_assignments_and_uncovered_subdimensions(world) -> None:
    visit = make_visit(world, make_inspection(world))
    items = list(visit.checklist.all())
    # The assignment (task on 2.4), then the sub-dimensions of dimension 2 it does not cover.
    assert items[0].assignment == world.assignment
    assert items[0].unit_codes == ["2.4"]
    assert "Công khai quy hoạch sử dụng đất" in items[0].text
    assert [i.unit_codes for i in items[1:]] == [["2.1"], ["2.2"], ["2.3"]]
    assert visit.state == VisitState.DONE  # 01/08 is before "today" (15/08)
    assert visit.member_list() == ["Nguyễn Văn A", "Trần Thị B"]


def test_a_visit_must_target_a_listed_agency(world) -> None:
    inspection = make_inspection(world, targets=[world.camranh])
    with pytest.raises(ActivityError) as error:
        make_visit(world, inspection)
    assert error.value.field == "agency"


def test_finding_with_evidence_and_follow_up_task(world) -> None:
    visit = make_visit(world, make_inspection(world))
    item = visit.checklist.first()
    finding = services.record_finding(
        world.coordinator,
        visit,
        verdict=Verdict.SHORTCOMING,
        checklist_item=item,
        description="Chưa niêm yết quy hoạch sử dụng đất tại 2/5 phường.",
        files=[pdf_upload()],
        links=["https://example.org/bien-ban"],
    )
    assert [a.original_name or a.url for a in finding.attachments.all()] == [
        "bien-ban.pdf",
        "https://example.org/bien-ban",
    ]
    rec = services.add_recommendation(
        world.coordinator,
        finding,
        text="Niêm yết đủ tại các phường còn thiếu",
        deadline=dt.date(2023, 9, 30),
    )
    task = rec.follow_up_task
    assert task is not None and task.plan == world.plan
    assert task.section == world.section_inspection
    assert task.deadline == dt.date(2023, 9, 30)
    assert sorted(task.units.values_list("unit_code", flat=True)) == ["2.4"]
    assignment = Assignment.objects.get(task=task)
    assert assignment.agency == world.nhatrang
    assert rec.follow_up_status(dt.date(2023, 8, 15)) == (
        Status.NOT_STARTED.value,
        "Chưa thực hiện",
    )
    assert rec.follow_up_status(dt.date(2023, 10, 2))[0] == Status.OVERDUE
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "inspection_plan.create",
        "visit.create",
        "finding.create",
        "attachment.add",
        "recommendation.create",
        "recommendation.assign",
        "task.create",
    } <= actions


@pytest.mark.parametrize(
    ("bad_file", "name"),
    [
        (png_as_pdf, "anh.pdf"),
        (lambda: SimpleUploadedFile("bom.docx", docx_bomb()), "bom.docx"),  # a zip bomb
    ],
)
def test_a_bad_file_saves_nothing(world, bad_file, name) -> None:
    visit = make_visit(world, make_inspection(world))
    with pytest.raises(PlanError) as error:
        services.record_finding(
            world.coordinator,
            visit,
            verdict=Verdict.VIOLATION,
            description="x",
            files=[pdf_upload(), bad_file()],
        )
    assert name in error.value.message
    assert not Finding.objects.exists() and not Attachment.objects.exists()


def test_no_findings_before_the_visit_date(world) -> None:
    visit = make_visit(world, make_inspection(world), when=dt.date(2023, 9, 5))
    assert visit.state == VisitState.PLANNED
    with pytest.raises(ActivityError):
        services.record_finding(
            world.coordinator, visit, verdict=Verdict.COMPLIANT, description="Đạt"
        )


def test_compliant_findings_need_no_recommendation(world) -> None:
    visit = make_visit(world, make_inspection(world))
    finding = services.record_finding(
        world.coordinator, visit, verdict=Verdict.COMPLIANT, description="Thực hiện đầy đủ"
    )
    with pytest.raises(ActivityError):
        services.add_recommendation(
            world.coordinator, finding, text="x", deadline=dt.date(2023, 9, 1)
        )


def test_the_inspected_agency_responds_others_cannot(world) -> None:
    visit = make_visit(world, make_inspection(world))
    finding = services.record_finding(
        world.coordinator, visit, verdict=Verdict.SHORTCOMING, description="Thiếu biên bản"
    )
    services.respond_to_finding(world.officer_nt, finding, response="Đã bổ sung biên bản.")
    finding.refresh_from_db()
    assert finding.response == "Đã bổ sung biên bản." and finding.responded_by == world.officer_nt
    for user in (world.officer_cr, world.leadership, world.supervisor):
        with pytest.raises(PermissionDenied):
            services.respond_to_finding(user, finding, response="x")


def test_only_coordinators_and_the_front_for_its_supervision(world) -> None:
    for user in (world.officer_nt, world.leadership):
        with pytest.raises(PermissionDenied):
            make_inspection(world, user=user)
    with pytest.raises(PermissionDenied):  # the Front records supervision, not SNV inspections
        make_inspection(world, user=world.supervisor)
    supervision = make_inspection(
        world,
        user=world.supervisor,
        kind=InspectionKind.FRONT_SUPERVISION,
        lead_agency=world.front,
        title="Giám sát thực hiện dân chủ ở cơ sở",
    )
    visit = services.add_visit(
        world.supervisor,
        supervision,
        agency=world.camranh,
        visited_on=dt.date(2023, 8, 10),
        place="UBND thành phố Cam Ranh",
        members="Lê Văn C",
    )
    finding = services.record_finding(
        world.supervisor,
        visit,
        verdict=Verdict.SHORTCOMING,
        description="Ban Thanh tra nhân dân hoạt động chưa đều",
    )
    # The Front's recommendation waits for Sở Nội vụ to turn it into a task.
    rec = services.add_recommendation(
        world.supervisor, finding, text="Kiện toàn Ban TTND", deadline=dt.date(2023, 10, 15)
    )
    assert rec.follow_up_task is None
    with pytest.raises(PermissionDenied):
        services.assign_follow_up(world.supervisor, rec)
    task = services.assign_follow_up(world.coordinator, rec)
    assert task.assignments.get().agency == world.camranh
    with pytest.raises(ActivityError):
        services.assign_follow_up(world.coordinator, rec)


def test_closing_needs_a_reason_until_the_follow_up_is_done(world) -> None:
    visit = make_visit(world, make_inspection(world))
    finding = services.record_finding(
        world.coordinator, visit, verdict=Verdict.VIOLATION, description="Không công khai"
    )
    rec = services.add_recommendation(
        world.coordinator, finding, text="Công khai ngay", deadline=dt.date(2023, 9, 1)
    )
    with pytest.raises(ActivityError) as error:
        services.close_recommendation(world.coordinator, rec, note="", version=rec.version)
    assert error.value.field == "note"
    assignment = rec.follow_up_assignment()
    assignment.completed_on = dt.date(2023, 8, 20)
    assignment.save()
    rec.refresh_from_db()
    closed = services.close_recommendation(world.coordinator, rec, note="", version=rec.version)
    assert closed.closed_on == dt.date(2023, 8, 15)
    assert closed.follow_up_status(dt.date(2023, 8, 15))[0] == "closed"
    with pytest.raises(PermissionDenied):
        services.close_recommendation(world.officer_nt, closed, note="x", version=None)


def test_stale_version_is_refused(world) -> None:
    visit = make_visit(world, make_inspection(world))
    services.conclude_visit(world.coordinator, visit, conclusion="Cơ bản đạt", version=1)
    with pytest.raises(StaleVersion):
        services.conclude_visit(world.coordinator, visit, conclusion="Khác", version=1)


def test_other_province_cannot_touch_it(world, outsider) -> None:
    with pytest.raises(PermissionDenied):
        make_inspection(world, user=outsider)
    inspection = make_inspection(world)
    with pytest.raises(PermissionDenied):
        services.add_visit(
            outsider,
            inspection,
            agency=world.nhatrang,
            visited_on=dt.date(2023, 8, 1),
            place="x",
            members="y",
        )
