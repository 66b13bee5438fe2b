"""Inspection plans, visits, findings, recommendations and their follow-up tasks.

Each function is one transaction: it checks permissions and rules, writes the audit log and
raises PermissionDenied or a translated ActivityError.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.activities import access, units
from chiso.activities.attachments import attach, check_files, check_links
from chiso.activities.checklist import build_checklist
from chiso.activities.errors import ActivityError
from chiso.activities.models import (
    ChecklistItem,
    Finding,
    InspectionKind,
    InspectionPlan,
    InspectionVisit,
    Recommendation,
    Verdict,
    VisitState,
)
from chiso.audit.services import diff, record, snapshot
from chiso.plans.models import Plan, Section, Task
from chiso.plans.services import create_task
from chiso.site import clock
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

# The plan's inspection section: follow-up tasks are filed under it when it exists.
INSPECTION_SECTION_PREFIX = "II.3"


def _units(codes: Iterable[str], year: int) -> list[str]:
    try:
        return units.clean_unit_codes(codes, year)
    except ValueError as exc:
        raise ActivityError(str(exc), "unit_codes") from exc


def _same_province(plan: Plan, agencies: Iterable[Agency], field: str) -> None:
    for agency in agencies:
        if agency.province_id != plan.province_id:
            raise ActivityError(
                _("Cơ quan “%(name)s” không thuộc tỉnh của kế hoạch.") % {"name": agency.name},
                field,
            )


@transaction.atomic
def create_inspection_plan(
    user: User,
    plan: Plan,
    *,
    title: str,
    kind: str,
    lead_agency: Agency,
    targets: Iterable[Agency],
    starts_on: dt.date,
    ends_on: dt.date,
    unit_codes: Iterable[str] = (),
    tasks: Iterable[Task] = (),
    notes: str = "",
) -> InspectionPlan:
    if user.province_id != plan.province_id or not access.can_create_inspection_plan(
        user, kind, lead_agency
    ):
        raise PermissionDenied(_("Anh/chị không được lập kế hoạch kiểm tra này."))
    targets, tasks = list(targets), list(tasks)
    if not title.strip():
        raise ActivityError(_("Cần nhập tên kế hoạch kiểm tra."), "title")
    if kind not in InspectionKind.values:
        raise ActivityError(_("Hình thức kiểm tra không hợp lệ."), "kind")
    if ends_on < starts_on:
        raise ActivityError(_("Ngày kết thúc phải sau ngày bắt đầu."), "ends_on")
    if not targets:
        raise ActivityError(_("Cần chọn ít nhất một cơ quan, đơn vị được kiểm tra."), "targets")
    _same_province(plan, [lead_agency, *targets], "targets")
    if kind == InspectionKind.DISTRICT:
        area = set(access.area_agencies(lead_agency).values_list("pk", flat=True))
        outside = [a.name for a in targets if a.pk not in area]
        if outside:
            raise ActivityError(
                _("Chỉ kiểm tra được các đơn vị trên địa bàn của %(lead)s: %(names)s.")
                % {"lead": lead_agency.name, "names": ", ".join(outside)},
                "targets",
            )
    if any(task.plan_id != plan.pk for task in tasks):
        raise ActivityError(_("Nhiệm vụ đã chọn không thuộc kế hoạch này."), "tasks")
    inspection = InspectionPlan.objects.create(
        province_id=plan.province_id,
        plan=plan,
        year=plan.year,
        title=title.strip(),
        kind=kind,
        lead_agency=lead_agency,
        starts_on=starts_on,
        ends_on=ends_on,
        unit_codes=_units(unit_codes, plan.year),
        notes=notes.strip(),
        created_by=user,
    )
    inspection.targets.set(targets)
    inspection.tasks.set(tasks)
    changes = diff(
        {},
        snapshot(
            inspection, ("title", "kind", "lead_agency", "starts_on", "ends_on", "unit_codes")
        ),
    )
    changes["targets"] = [None, sorted(a.name for a in targets)]
    record(user, inspection, "inspection_plan.create", changes)
    return inspection


@transaction.atomic
def add_visit(
    user: User,
    inspection: InspectionPlan,
    *,
    agency: Agency,
    visited_on: dt.date,
    place: str,
    members: str,
) -> InspectionVisit:
    """A visit to one of the plan's targets, with its checklist generated at once."""
    if not access.can_manage_inspection(user, inspection):
        raise PermissionDenied(_("Anh/chị không được ghi nhận đợt kiểm tra của kế hoạch này."))
    if not inspection.targets.filter(pk=agency.pk).exists():
        raise ActivityError(
            _("“%(name)s” không có trong danh sách đối tượng của kế hoạch kiểm tra.")
            % {"name": agency.name},
            "agency",
        )
    if not place.strip():
        raise ActivityError(_("Cần nhập địa điểm kiểm tra."), "place")
    if not [line for line in members.splitlines() if line.strip()]:
        raise ActivityError(_("Cần nhập thành phần đoàn (mỗi người một dòng)."), "members")
    visit = InspectionVisit.objects.create(
        province_id=inspection.province_id,
        inspection_plan=inspection,
        agency=agency,
        visited_on=visited_on,
        place=place.strip(),
        members=members.strip(),
        created_by=user,
        state=VisitState.DONE if visited_on <= clock.today() else VisitState.PLANNED,
    )
    ChecklistItem.objects.bulk_create(build_checklist(visit))
    record(
        user,
        visit,
        "visit.create",
        diff({}, snapshot(visit, ("agency", "visited_on", "place", "members", "state"))),
    )
    return visit


@transaction.atomic
def conclude_visit(
    user: User, visit: InspectionVisit, *, conclusion: str, version: int | None
) -> InspectionVisit:
    if not access.can_manage_inspection(user, visit.inspection_plan):
        raise PermissionDenied(_("Anh/chị không được sửa đợt kiểm tra này."))
    if not conclusion.strip():
        raise ActivityError(_("Cần nhập kết luận chung."), "conclusion")
    visit = lock_current(visit, version)
    before = snapshot(visit, ("state", "conclusion"))
    visit.conclusion, visit.state = conclusion.strip(), VisitState.DONE
    bump(visit)
    visit.save()
    record(user, visit, "visit.conclude", diff(before, snapshot(visit, ("state", "conclusion"))))
    return visit


@transaction.atomic
def record_finding(
    user: User,
    visit: InspectionVisit,
    *,
    verdict: str,
    description: str,
    checklist_item: ChecklistItem | None = None,
    files: Iterable[Any] = (),
    links: Iterable[str] = (),
) -> Finding:
    if not access.can_manage_inspection(user, visit.inspection_plan):
        raise PermissionDenied(_("Anh/chị không được ghi kết quả cho đợt kiểm tra này."))
    if verdict not in Verdict.values:
        raise ActivityError(_("Kết quả kiểm tra không hợp lệ."), "verdict")
    if not description.strip():
        raise ActivityError(_("Cần nhập nhận xét."), "description")
    if checklist_item is not None and checklist_item.visit_id != visit.pk:
        raise ActivityError(_("Nội dung kiểm tra không thuộc đợt kiểm tra này."), "checklist_item")
    if visit.visited_on > clock.today():
        raise ActivityError(_("Chưa đến ngày kiểm tra, chưa thể ghi kết quả."), "verdict")
    checked, links = check_files(files), check_links(links)
    finding = Finding.objects.create(
        province_id=visit.province_id,
        visit=visit,
        checklist_item=checklist_item,
        verdict=verdict,
        description=description.strip(),
        recorded_by=user,
    )
    if visit.state != VisitState.DONE:
        visit.state = VisitState.DONE
        visit.save(update_fields=["state"])
    record(
        user,
        finding,
        "finding.create",
        diff({}, snapshot(finding, ("visit", "checklist_item", "verdict", "description"))),
    )
    attach(user, finding, checked, links)
    return finding


@transaction.atomic
def respond_to_finding(user: User, finding: Finding, *, response: str) -> Finding:
    if not access.can_respond(user, finding):
        raise PermissionDenied(_("Chỉ đơn vị được kiểm tra mới giải trình kết quả này."))
    if not response.strip():
        raise ActivityError(_("Cần nhập nội dung giải trình."), "response")
    finding = Finding.objects.select_for_update().get(pk=finding.pk)
    before = snapshot(finding, ("response",))
    finding.response, finding.responded_by = response.strip(), user
    finding.responded_at = clock.now()
    finding.save(update_fields=["response", "responded_by", "responded_at"])
    record(user, finding, "finding.respond", diff(before, snapshot(finding, ("response",))))
    return finding


@transaction.atomic
def add_recommendation(
    user: User, finding: Finding, *, text: str, deadline: dt.date, assign: bool = True
) -> Recommendation:
    """A recommendation of a finding; a coordinator's becomes a follow-up task at once
    (unless `assign` is False), a Front supervisor's waits for the coordinator."""
    if not access.can_manage_inspection(user, finding.visit.inspection_plan):
        raise PermissionDenied(_("Anh/chị không được ghi kiến nghị cho đợt kiểm tra này."))
    if finding.verdict == Verdict.COMPLIANT:
        raise ActivityError(_("Kết quả “Đạt yêu cầu” không cần kiến nghị khắc phục."), "text")
    if not text.strip():
        raise ActivityError(_("Cần nhập nội dung kiến nghị."), "text")
    if deadline <= finding.visit.visited_on:
        raise ActivityError(_("Thời hạn khắc phục phải sau ngày kiểm tra."), "deadline")
    recommendation = Recommendation.objects.create(
        province_id=finding.province_id,
        finding=finding,
        text=text.strip(),
        deadline=deadline,
        created_by=user,
    )
    record(
        user,
        recommendation,
        "recommendation.create",
        diff({}, snapshot(recommendation, ("text", "deadline"))),
    )
    if assign and access.can_assign_follow_up(user, recommendation):
        assign_follow_up(user, recommendation)
        recommendation.refresh_from_db()
    return recommendation


def _inspection_section(plan: Plan) -> Section | None:
    sections = plan.sections.filter(code__startswith=INSPECTION_SECTION_PREFIX).order_by("code")
    return sections.first()


@transaction.atomic
def assign_follow_up(user: User, recommendation: Recommendation) -> Task:
    """Turn the recommendation into a plan task led by the inspected agency (workspace service),
    so it shows in that agency's assignments and on the dashboards."""
    if not access.can_assign_follow_up(user, recommendation):
        raise PermissionDenied(_("Chỉ Sở Nội vụ giao nhiệm vụ khắc phục sau kiểm tra."))
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.follow_up_task_id is not None:
        raise ActivityError(_("Kiến nghị này đã được giao thành nhiệm vụ."), "text")
    visit = recommendation.finding.visit
    inspection = visit.inspection_plan
    task = create_task(
        user,
        inspection.plan,
        title=_("Khắc phục sau kiểm tra: %(text)s") % {"text": recommendation.text[:400]},
        section=_inspection_section(inspection.plan),
        lead_agencies=[visit.agency],
        deadline=recommendation.deadline,
        unit_codes=_follow_up_units(recommendation),
        description=_("Kiến nghị của %(inspection)s, đợt kiểm tra ngày %(date)s: %(text)s")
        % {
            "inspection": inspection.title,
            "date": visit.visited_on.strftime("%d/%m/%Y"),
            "text": recommendation.text,
        },
        expected_output=_("Báo cáo kết quả khắc phục"),
        follow_up=True,
        code=f"KT{recommendation.pk}",
        is_public=False,
    )
    recommendation.follow_up_task = task
    bump(recommendation)
    recommendation.save(update_fields=["follow_up_task", "version"])
    record(user, recommendation, "recommendation.assign", {"follow_up_task": [None, str(task)]})
    return task


def _follow_up_units(recommendation: Recommendation) -> list[str]:
    item = recommendation.finding.checklist_item
    codes = item.unit_codes if item is not None else []
    return codes or list(recommendation.finding.visit.inspection_plan.unit_codes)


@transaction.atomic
def close_recommendation(
    user: User, recommendation: Recommendation, *, note: str, version: int | None
) -> Recommendation:
    """Close a recommendation. Closing before the follow-up is reported done needs a reason."""
    if not access.can_assign_follow_up(user, recommendation):
        raise PermissionDenied(_("Chỉ Sở Nội vụ đóng kiến nghị sau kiểm tra."))
    recommendation = lock_current(recommendation, version)
    if recommendation.closed_on is not None:
        raise ActivityError(_("Kiến nghị này đã được đóng."), "note")
    assignment = recommendation.follow_up_assignment()
    if (assignment is None or assignment.completed_on is None) and not note.strip():
        raise ActivityError(
            _("Nhiệm vụ khắc phục chưa hoàn thành: cần ghi rõ lý do đóng kiến nghị."), "note"
        )
    before = snapshot(recommendation, ("closed_on", "closing_note"))
    recommendation.closed_on, recommendation.closed_by = clock.today(), user
    recommendation.closing_note = note.strip()
    bump(recommendation)
    recommendation.save()
    record(
        user,
        recommendation,
        "recommendation.close",
        diff(before, snapshot(recommendation, ("closed_on", "closing_note"))),
    )
    return recommendation
