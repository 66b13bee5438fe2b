"""A published plan with private data around it, for the no-leak tests (unit and browser)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

# Text that must never appear on a public page.
SECRET_TASK = "Nhiệm vụ nội bộ chưa công khai XYZ"
SECRET_NARRATIVE = "Báo cáo mật: đã gặp khó khăn về kinh phí QWE"
SECRET_FILE = "bien-ban-hop-noi-bo-KLM.pdf"
SECRET_COMMENT = "Ý kiến thẩm định nội bộ RTY"
OFFICER_FIRST, OFFICER_LAST = "Thị Bích", "Trần Nguyễn"
PUBLIC_TASK = "Niêm yết công khai thủ tục hành chính tại bộ phận một cửa"
COMMUNE_TASK = "Tổ chức đối thoại với Nhân dân về thủ tục hành chính"


@dataclass
class PlanData:
    plan: Any
    hidden_plan: Any
    commune: Any
    department: Any
    officer: Any


def make_plan(province: Any, make_agency: Any, make_user: Any) -> PlanData:
    from chiso.accounts.models import AgencyKind, Role
    from chiso.plans.models import (
        Assignment,
        Evidence,
        Objective,
        Plan,
        ProgressReport,
        ReportState,
        Section,
        Task,
        TaskUnit,
    )

    ubnd = make_agency(province, "Ủy ban nhân dân tỉnh Khánh Hòa", AgencyKind.PEOPLES_COMMITTEE)
    department = make_agency(province, "Sở Nội vụ", AgencyKind.DEPARTMENT)
    commune = make_agency(province, "UBND phường Vĩnh Hải", AgencyKind.COMMUNE_COMMITTEE)
    officer = make_user("chuyenvien", Role.AGENCY_OFFICER, province, department)
    officer.first_name, officer.last_name = OFFICER_FIRST, OFFICER_LAST
    officer.save()
    plan = Plan.objects.create(
        province=province,
        number="142/KH-UBND",
        title="Kế hoạch cải thiện Chỉ số PAPI năm 2023",
        issued_on=dt.date(2023, 4, 12),
        issuer=ubnd,
        signer=f"{OFFICER_LAST} {OFFICER_FIRST}",
        year=2023,
        baseline_year=2022,
        is_public=True,
    )
    hidden_plan = Plan.objects.create(
        province=province,
        number="1/KH-NOIBO",
        title="Kế hoạch nội bộ chưa công khai",
        year=2023,
        baseline_year=2022,
        is_public=False,
    )
    Objective.objects.create(
        plan=plan,
        code="1",
        text="Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên",
        kind="aggregate_score_min",
        value=45,
        order=1,
    )
    Objective.objects.create(
        plan=plan,
        code="2",
        text="Chỉ số tổng hợp thuộc nhóm Cao",
        kind="aggregate_tier_min",
        tier="high",
        order=2,
    )
    section = Section.objects.create(
        plan=plan, code="II.5", title="Thủ tục hành chính công", order=1
    )
    public = Task.objects.create(
        province=province,
        plan=plan,
        section=section,
        code="1",
        title=PUBLIC_TASK,
        deadline=dt.date(2023, 6, 30),
        created_by=officer,
    )
    TaskUnit.objects.create(task=public, unit_code="5.1")
    commune_task = Task.objects.create(
        province=province,
        plan=plan,
        section=section,
        code="2",
        title=COMMUNE_TASK,
        deadline=dt.date(2023, 12, 31),
    )
    hidden = Task.objects.create(
        province=province, plan=plan, section=section, code="3", title=SECRET_TASK, is_public=False
    )
    done = Assignment.objects.create(
        province=province,
        task=public,
        agency=department,
        deadline=dt.date(2023, 6, 30),
        progress=100,
        completed_on=dt.date(2023, 6, 20),
        last_report_at=timezone.now(),
    )
    Assignment.objects.create(
        province=province,
        task=commune_task,
        agency=commune,
        deadline=dt.date(2023, 12, 31),
        progress=40,
        last_report_at=timezone.now(),
    )
    Assignment.objects.create(
        province=province, task=hidden, agency=commune, deadline=dt.date(2023, 5, 1)
    )
    report = ProgressReport.objects.create(
        province=province,
        assignment=done,
        author=officer,
        narrative=SECRET_NARRATIVE,
        progress=100,
        is_final=True,
        state=ReportState.ACCEPTED,
        review_comment=SECRET_COMMENT,
    )
    Evidence.objects.create(
        province=province,
        report=report,
        file="evidence/x/abc",
        original_name=SECRET_FILE,
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        uploaded_by=officer,
    )
    return PlanData(plan, hidden_plan, commune, department, officer)


def assert_no_private_data(html: str) -> None:
    for secret in (
        SECRET_TASK,
        SECRET_NARRATIVE,
        SECRET_FILE,
        SECRET_COMMENT,
        OFFICER_FIRST,
        OFFICER_LAST,
        "chuyenvien",
    ):
        assert secret not in html, secret
