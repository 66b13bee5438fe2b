"""A small but complete workspace for API and permission tests: two provinces, agencies A and B,
one user per role, a plan with a task assigned to A, B and the Fatherland Front, a report with an
evidence file on A's and on B's assignment, and the same again in the other province."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.core.files.base import ContentFile

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind, Province, Role, User
from chiso.plans.models import (
    Assignment,
    Evidence,
    Objective,
    ObjectiveKind,
    Plan,
    ProgressReport,
    Relation,
    ReportState,
    Section,
    Task,
    TaskUnit,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
ROLES = (
    "anonymous",
    "admin",
    "coordinator",
    "agency_head",
    "officer_a",
    "officer_b",
    "leadership",
    "supervisor",
    "national_viewer",
    "other_province",
)


@dataclass
class ProvinceWork:
    province: Province
    plan: Plan
    section: Section
    task: Task
    assignment_a: Assignment
    assignment_b: Assignment | None = None
    assignment_front: Assignment | None = None
    report_a: ProgressReport | None = None
    report_b: ProgressReport | None = None
    evidence_a: Evidence | None = None
    evidence_b: Evidence | None = None
    objective: Objective | None = None


@dataclass
class World:
    home: ProvinceWork
    away: ProvinceWork
    agency_a: Agency
    agency_b: Agency
    front: Agency
    group: AgencyGroup
    users: dict[str, User | None] = field(default_factory=dict)
    # Objects other apps' permission rows add (see tests/test_permission_matrix.py).
    extra: dict[str, Any] = field(default_factory=dict)


def _user(username: str, role: str, province: Province | None, agency: Agency | None) -> User:
    # No password: tests log in with force_login, and hashing would dominate the run time.
    return User.objects.create(username=username, role=role, province=province, agency=agency)


def _report(
    assignment: Assignment, author: User, state: str = ReportState.SUBMITTED
) -> ProgressReport:
    report = ProgressReport.objects.create(
        province=assignment.province,
        assignment=assignment,
        author=author,
        narrative=f"Báo cáo của {assignment.agency.name}",
        progress=40,
        state=state,
    )
    assignment.last_report_at = report.submitted_at
    assignment.progress = 40
    assignment.save(update_fields=["last_report_at", "progress"])
    return report


def _evidence(report: ProgressReport, author: User) -> Evidence:
    evidence = Evidence(
        province=report.province,
        report=report,
        original_name="bien-ban.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        sha256=hashlib.sha256(PDF_BYTES).hexdigest(),
        uploaded_by=author,
    )
    evidence.file.save("bien-ban.pdf", ContentFile(PDF_BYTES), save=False)
    evidence.save()
    return evidence


def _plan(province: Province, issuer: Agency, number: str) -> tuple[Plan, Section, Task]:
    plan = Plan.objects.create(
        province=province,
        number=number,
        title="Kế hoạch cải thiện Chỉ số PAPI năm 2023",
        issued_on=dt.date(2023, 3, 10),
        issuer=issuer,
        year=2023,
        baseline_year=2022,
        report_due=dt.date(2023, 9, 29),
    )
    section = Section.objects.create(plan=plan, code="II.1", title="Nhiệm vụ trọng tâm", order=1)
    task = Task.objects.create(
        province=province,
        plan=plan,
        section=section,
        code="1",
        title="Công khai thông tin về quy hoạch, kế hoạch sử dụng đất",
        deadline=dt.date(2023, 6, 30),
    )
    TaskUnit.objects.bulk_create(
        [TaskUnit(task=task, unit_code="2"), TaskUnit(task=task, unit_code="2.4")]
    )
    return plan, section, task


def build_world(province: Province, other: Province) -> World:
    committee = Agency.objects.create(
        province=province, name="UBND tỉnh Khánh Hòa", kind=AgencyKind.PEOPLES_COMMITTEE
    )
    home_affairs = Agency.objects.create(
        province=province, name="Sở Nội vụ", kind=AgencyKind.DEPARTMENT, parent=committee
    )
    agency_a = Agency.objects.create(
        province=province,
        name="UBND thành phố Nha Trang",
        kind=AgencyKind.DISTRICT_COMMITTEE,
        parent=committee,
    )
    agency_b = Agency.objects.create(
        province=province,
        name="UBND thành phố Cam Ranh",
        kind=AgencyKind.DISTRICT_COMMITTEE,
        parent=committee,
    )
    front = Agency.objects.create(
        province=province, name="Ủy ban MTTQ Việt Nam tỉnh", kind=AgencyKind.FATHERLAND_FRONT
    )
    group = AgencyGroup.objects.create(province=province, name="UBND các huyện, thị xã, thành phố")
    group.members.set([agency_a, agency_b])
    away_agency = Agency.objects.create(
        province=other, name="Sở Nội vụ Hà Nội", kind=AgencyKind.DEPARTMENT
    )

    users: dict[str, User | None] = {
        "anonymous": None,
        "admin": _user("admin", Role.ADMIN, province, None),
        "coordinator": _user("sonoivu", Role.COORDINATOR, province, home_affairs),
        "agency_head": _user("truongphong", Role.AGENCY_HEAD, province, agency_a),
        "officer_a": _user("nhatrang", Role.AGENCY_OFFICER, province, agency_a),
        "officer_b": _user("camranh", Role.AGENCY_OFFICER, province, agency_b),
        "leadership": _user("lanhdao", Role.LEADERSHIP, province, committee),
        "supervisor": _user("mttq", Role.SUPERVISOR, province, front),
        "national_viewer": _user("toanquoc", Role.NATIONAL_VIEWER, None, None),
        "other_province": _user("hanoi", Role.COORDINATOR, other, away_agency),
    }

    plan, section, task = _plan(province, committee, "119/KH-UBND")
    deadline = dt.date(2023, 6, 30)
    a = Assignment.objects.create(
        province=province, task=task, agency=agency_a, via_group=group, deadline=deadline
    )
    b = Assignment.objects.create(
        province=province, task=task, agency=agency_b, via_group=group, deadline=deadline
    )
    f = Assignment.objects.create(
        province=province, task=task, agency=front, relation=Relation.REQUEST, deadline=deadline
    )
    home = ProvinceWork(province, plan, section, task, a, b, f)
    home.objective = Objective.objects.create(
        plan=plan,
        code="1",
        text="Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên",
        kind=ObjectiveKind.AGGREGATE_SCORE_MIN,
        value=45,
        order=1,
    )
    home.report_a = _report(a, users["officer_a"])  # type: ignore[arg-type]
    home.evidence_a = _evidence(home.report_a, users["officer_a"])  # type: ignore[arg-type]
    home.report_b = _report(b, users["officer_b"])  # type: ignore[arg-type]
    home.evidence_b = _evidence(home.report_b, users["officer_b"])  # type: ignore[arg-type]

    away_plan, away_section, away_task = _plan(other, away_agency, "50/KH-UBND")
    away_a = Assignment.objects.create(
        province=other, task=away_task, agency=away_agency, deadline=deadline
    )
    away = ProvinceWork(other, away_plan, away_section, away_task, away_a)
    away.report_a = _report(away_a, users["other_province"])  # type: ignore[arg-type]
    away.evidence_a = _evidence(away.report_a, users["other_province"])  # type: ignore[arg-type]
    return World(home, away, agency_a, agency_b, front, group, users)
