"""The seed's plan as demo data: Khánh Hòa's 2023 plan to improve PAPI, its objectives,
sections and tasks, and a realistic spread of reports as of 15/08/2023.

The seed gives no number or date for the plan: "…/KH-UBND" and 26/05/2023 are illustrative.
Reports are made through the real services (so the audit log and statuses are genuine) and then
dated back to 2023.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.utils import timezone

from chiso.accounts.models import AgencyGroup, User
from chiso.audit.models import AuditEntry
from chiso.demo import organisations as org
from chiso.demo.plan2023_tasks import REPORT_DUE, SECTIONS, TASKS, TaskDef
from chiso.plans import services
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportPeriod, Section, Task

Say = Callable[[str], None]

NUMBER = "…/KH-UBND"
TITLE = "Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm 2023"
ISSUED_ON = dt.date(2023, 5, 26)  # illustrative: after Văn bản 4573/UBND-KSTT of 12/5/2023
PLAN_FILE = (
    Path(__file__).resolve().parent.parent / "index" / "data" / "plans" / "khanh-hoa-2023.yaml"
)
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def load(say: Say) -> None:
    province = org.khanh_hoa()
    if Plan.objects.filter(province=province, number=NUMBER).exists():
        say("  kế hoạch PAPI 2023 đã có — bỏ qua")
        return
    coordinator = User.objects.get(username="sonoivu")
    plan = services.create_plan(
        coordinator,
        number=NUMBER,
        title=TITLE,
        year=2023,
        baseline_year=2022,
        issued_on=ISSUED_ON,
        issuer=org.agency(province, org.COMMITTEE),
        signer="Nguyễn Tân Tuân",
        report_due=REPORT_DUE,
        is_public=True,
    )
    _objectives(coordinator, plan)
    sections = {
        code: services.save_section(coordinator, plan, code=code, title=title)
        for code, title in SECTIONS
    }
    for definition in TASKS:
        _task(coordinator, plan, sections[definition.section], definition)
    _reports(plan)
    say(
        f"  kế hoạch {NUMBER} (số, ngày là minh họa): {plan.objectives.count()} mục tiêu, "
        f"{len(SECTIONS)} mục, {plan.tasks.count()} nhiệm vụ, "
        f"{Assignment.objects.filter(task__plan=plan).count()} phân công, "
        f"{ProgressReport.objects.filter(assignment__task__plan=plan).count()} báo cáo "
        "đến 15/08/2023"
    )


def _objectives(coordinator: User, plan: Plan) -> None:
    from chiso.index.plan_file import load_plan

    for spec in load_plan(PLAN_FILE).objectives:
        services.save_objective(
            coordinator,
            plan,
            code=spec.id,
            text=spec.text,
            kind=spec.kind,
            value=spec.value,
            tier=spec.tier or "",
            count=spec.count,
            unit=spec.unit or "",
        )


def _task(coordinator: User, plan: Plan, section: Section, d: TaskDef) -> Task:
    province = plan.province
    group = AgencyGroup.objects.get(province=province, name=d.group) if d.group else None
    lead = [org.agency(province, name) for name in d.lead]
    coordinating = [org.agency(province, name) for name in d.coordinating]
    if d.coordinating_group:
        members = AgencyGroup.objects.get(province=province, name=d.coordinating_group).members
        coordinating += [a for a in members.order_by("name") if a not in lead]
    return services.create_task(
        coordinator,
        plan,
        title=d.title,
        section=section,
        code=d.code,
        lead_agencies=lead,
        lead_group=group,
        coordinating=coordinating,
        deadline=d.deadline,
        recurring=d.recurring,
        reporting_period=d.period,
        expected_output=d.output,
        unit_codes=d.units,
        description=d.description,
    )


@contextmanager
def dated(moment: dt.datetime) -> Iterator[None]:
    """Audit entries written inside the block are dated `moment` (the demo replays 2023)."""
    last = AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    yield
    AuditEntry.objects.filter(id__gt=last).update(at=moment)


def when(day: str, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(dt.date.fromisoformat(day), dt.time(hour)))


def find_assignment(plan: Plan, section: str, code: str, agency_name: str) -> Assignment:
    return Assignment.objects.get(
        task__plan=plan,
        task__section__code=section,
        task__code=code,
        agency__name=agency_name,
    )


def replay_submit(
    user: str,
    assignment: Assignment,
    day: str,
    narrative: str,
    progress: int,
    *,
    final: bool = False,
    revises: ProgressReport | None = None,
    figures: str = "",
    evidence: str = "",
) -> ProgressReport:
    from django.core.files.uploadedfile import SimpleUploadedFile

    moment = when(day)
    files = [SimpleUploadedFile(evidence, MINIMAL_PDF)] if evidence else []
    with dated(moment):
        report = services.submit_report(
            User.objects.get(username=user),
            assignment,
            narrative=narrative,
            figures=figures,
            progress=progress,
            is_final=final,
            files=files,
            revises=revises,
        )
        ProgressReport.objects.filter(pk=report.pk).update(submitted_at=moment)
        Assignment.objects.filter(pk=assignment.pk).update(
            last_report_at=moment, started_on=moment.date()
        )
        if report.period_id and not revises:
            ReportPeriod.objects.filter(pk=report.period_id).update(submitted_on=moment.date())
    report.refresh_from_db()
    return report


def replay_review(
    report: ProgressReport, day: str, accept: bool, comment: str = "", reviewer: str = "sonoivu"
) -> None:
    moment = when(day, 15)
    with dated(moment):
        services.review_report(
            User.objects.get(username=reviewer),
            report,
            accept=accept,
            comment=comment,
            version=None,
        )
        ProgressReport.objects.filter(pk=report.pk).update(reviewed_at=moment)
        if accept and report.period_id:
            ReportPeriod.objects.filter(pk=report.period_id).update(accepted_on=moment.date())


def _reports(plan: Plan) -> None:
    """As of 15/08/2023: done, done late, accepted in progress, waiting, returned, overdue."""
    nha_trang, cam_ranh = "UBND thành phố Nha Trang", "UBND thành phố Cam Ranh"
    # II.2.b.2 (due 30/6): Nha Trang on time; Cam Ranh returned once, completed late.
    r = replay_submit(
        "nhatrang",
        find_assignment(plan, "II.2", "b.2", nha_trang),
        "2023-06-20",
        "Đã chỉ đạo 27/27 phường, xã niêm yết Bộ khung nhiệm vụ tại trụ sở UBND và nhà văn "
        "hóa thôn, tổ dân phố.",
        100,
        final=True,
        figures="27/27 phường, xã",
        evidence="bien-ban-niem-yet-nha-trang.pdf",
    )
    replay_review(r, "2023-06-22", True, "Đạt yêu cầu.")
    a = find_assignment(plan, "II.2", "b.2", cam_ranh)
    r = replay_submit(
        "camranh",
        a,
        "2023-06-28",
        "Đã niêm yết tại trụ sở UBND 15 phường, xã.",
        100,
        final=True,
        figures="15/15 phường, xã",
    )
    replay_review(
        r,
        "2023-07-03",
        False,
        "Chưa có minh chứng niêm yết tại thôn, tổ dân phố; đề nghị bổ sung ảnh chụp hoặc biên bản.",
    )
    r = replay_submit(
        "camranh",
        a,
        "2023-07-10",
        "Bổ sung biên bản niêm yết tại 9 thôn, tổ dân phố (danh sách thôn minh họa).",
        100,
        final=True,
        revises=r,
        figures="9/9 thôn, tổ dân phố",
        evidence="bien-ban-niem-yet-cam-ranh.pdf",
    )
    replay_review(r, "2023-07-12", True)
    # II.1.c.4 (recurring): Nha Trang accepted at 50 %; Cam Ranh returned, not yet resubmitted.
    r = replay_submit(
        "nhatrang",
        find_assignment(plan, "II.1", "c.4", nha_trang),
        "2023-07-05",
        "Quý II: 27/27 phường, xã công khai thu, chi ngân sách và danh sách hộ nghèo; "
        "đang rà soát công khai kế hoạch sử dụng đất.",
        50,
        figures="27/27; 18/27",
    )
    replay_review(r, "2023-07-07", True)
    r = replay_submit(
        "camranh",
        find_assignment(plan, "II.1", "c.4", cam_ranh),
        "2023-08-01",
        "Đã công khai thu, chi ngân sách cấp xã.",
        40,
        evidence="bang-cong-khai-ngan-sach-cam-ranh.pdf",  # carried over when resubmitted
    )
    replay_review(
        r,
        "2023-08-04",
        False,
        "Báo cáo chưa nêu việc công khai danh sách hộ nghèo và "
        "kế hoạch sử dụng đất; đề nghị bổ sung số liệu từng xã.",
    )
    # II.2.b.1 (due 29/9): Nha Trang waiting for review.
    replay_submit(
        "nhatrang",
        find_assignment(plan, "II.2", "b.1", nha_trang),
        "2023-08-10",
        "Đã phát hành tài liệu tuyên truyền kết quả PAPI 2022 tới 9/27 phường, xã.",
        30,
        figures="9/27 phường, xã",
    )
    # II.1.d (requested of the Front): accepted progress.
    r = replay_submit(
        "mttq",
        find_assignment(plan, "II.1", "d", "Ủy ban MTTQ Việt Nam tỉnh"),
        "2023-07-15",
        "Đã ban hành hướng dẫn giám sát việc thực hiện Chỉ số PAPI cho MTTQ cấp huyện; "
        "tập huấn Ban Thanh tra nhân dân tại 2 huyện.",
        40,
    )
    replay_review(r, "2023-07-18", True)
    # Everything else stays as it would on 15/08/2023: guidance due 30/06 not reported is
    # overdue (II.1.b.1, II.2.b.2 for the other districts), the rest not started.
