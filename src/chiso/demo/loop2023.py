"""The reporting loop in the demo: Sở Nội vụ coordinates the plan and reports on its own
assignments too, and the province's leadership (lanhdao) reviews those (nobody accepts their own
report). II.2.a, the conference Sở Nội vụ organised, is replayed reported and accepted this way.

Idempotent: a step already replayed is skipped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from chiso.accounts.models import Province, User
from chiso.demo import organisations as org
from chiso.demo import plan2023
from chiso.demo.plan2023_tasks import REPORT_DUE
from chiso.plans import services
from chiso.plans.models import (
    Assignment,
    Plan,
    ProgressReport,
    ReportingSettings,
    ReportSchedule,
    Task,
)

Say = Callable[[str], None]


def load(say: Say) -> None:
    province = org.khanh_hoa()
    plan = Plan.objects.filter(province=province, number=plan2023.NUMBER).first()
    if plan is None:
        say("  chưa có kế hoạch 2023 — bỏ qua vòng báo cáo")
        return
    home_affairs = org.agency(province, org.HOME_AFFAIRS)
    ReportingSettings.objects.update_or_create(
        province=province,
        defaults={
            "coordinating_agency": home_affairs,
            "own_reports_reviewer": User.objects.get(username="lanhdao"),
        },
    )
    conference = plan2023.find_assignment(plan, "II.2", "a", org.HOME_AFFAIRS)
    if not ProgressReport.objects.filter(assignment=conference).exists():
        _conference_counts(conference)
    _schedules(plan)
    _signoff(plan, province)
    say(
        "  vòng báo cáo: Sở Nội vụ báo cáo nhiệm vụ của mình (II.2.a), "
        "lãnh đạo tỉnh (lanhdao) duyệt báo cáo của Sở Nội vụ; "
        "báo cáo chung hạn 29/9/2023 (III.1), báo cáo tổng hợp hằng quý (III.2); "
        "lãnh đạo UBND Nha Trang, Cam Ranh (ldnhatrang, ldcamranh) duyệt báo cáo trước"
    )


def _conference_counts(conference: Assignment) -> None:
    """The province's conference, recorded once as an activity, counts for II.2.a: linked to
    Sở Nội vụ's assignment and sent as its completion report (chiso.activities counting)."""
    from chiso.activities.models import Activity, ActivityKind
    from chiso.activities.services.counting import link_work, report_text

    sonoivu = User.objects.get(username="sonoivu")
    activity = Activity.objects.filter(
        province_id=conference.province_id,
        kind=ActivityKind.CONFERENCE,
        organiser_id=conference.agency_id,
    ).first()
    note = (
        "Đã tham mưu UBND tỉnh tổ chức hội nghị triển khai giải pháp cải thiện Chỉ số PAPI "
        "năm 2023: thông tin kết quả PAPI 2022, quán triệt giải pháp năm 2023 tới lãnh đạo "
        "các sở, ngành, địa phương."
    )
    link = None
    if activity is not None:
        with plan2023.dated(plan2023.when("2023-06-27")):
            link = link_work(sonoivu, conference, activity)
    report = plan2023.replay_submit(
        "sonoivu",
        conference,
        "2023-06-27",
        report_text([link], note) if link is not None else note,
        100,
        final=True,
        figures="185 đại biểu dự",
        evidence="tai-lieu-hoi-nghi-papi-2023.pdf",
    )
    if link is not None:
        type(link).objects.filter(pk=link.pk).update(report=report)
    plan2023.replay_review(report, "2023-06-29", True, "Đạt yêu cầu.", reviewer="lanhdao")


def _schedules(plan: Plan) -> None:
    """III.1: the plan-wide report due 29/9/2023 (the seed); III.2: Sở Nội vụ's quarterly
    consolidation from the second quarter, its Q2 report sent 05/07 (late) and accepted."""
    coordinator = User.objects.get(username="sonoivu")
    consolidation = Task.objects.get(plan=plan, section__code="III", code="2")
    if consolidation.report_schedule:
        return
    overall = Task.objects.get(plan=plan, section__code="III", code="1")
    services.set_schedule(
        coordinator,
        overall,
        report_schedule=ReportSchedule.DATES,
        report_dates=[REPORT_DUE],
        version=None,
    )
    services.set_schedule(
        coordinator,
        consolidation,
        report_schedule=ReportSchedule.QUARTERLY,
        schedule_start=dt.date(2023, 4, 1),
        version=None,
    )
    own = plan2023.find_assignment(plan, "III", "2", org.HOME_AFFAIRS)
    report = plan2023.replay_submit(
        "sonoivu",
        own,
        "2023-07-05",
        "Báo cáo quý II/2023: tổng hợp kết quả triển khai của 41 cơ quan, đơn vị, địa phương; "
        "9 cơ quan chưa báo cáo nhiệm vụ hướng dẫn hạn 30/6.",
        25,
        evidence="bao-cao-tong-hop-quy-II-2023.pdf",
    )
    plan2023.replay_review(report, "2023-07-07", True, reviewer="lanhdao")


def _signoff(plan: Plan, province: Province) -> None:
    """Nha Trang and Cam Ranh ask their head's approval before a report reaches Sở Nội vụ: a
    Nha Trang report approved by its head and waiting for Sở Nội vụ, a Cam Ranh report waiting
    for its head."""
    nha_trang, cam_ranh = "UBND thành phố Nha Trang", "UBND thành phố Cam Ranh"
    rules = ReportingSettings.objects.get(province=province)
    rules.signoff_agencies.add(org.agency(province, nha_trang), org.agency(province, cam_ranh))
    approved = plan2023.find_assignment(plan, "II.3", "c.1", nha_trang)
    if approved.reports.exists():
        return
    report = plan2023.replay_submit(
        "nhatrang",
        approved,
        "2023-08-09",
        "6 tháng đầu năm: kiểm tra việc thực hiện quy chế dân chủ ở cơ sở tại 9/27 phường, xã; "
        "chấn chỉnh việc niêm yết công khai tại 3 xã.",
        40,
        figures="9/27 phường, xã",
    )
    moment = plan2023.when("2023-08-11", 10)
    with plan2023.dated(moment):
        services.sign_off_report(
            User.objects.get(username="ldnhatrang"), report, approve=True, version=None
        )
        ProgressReport.objects.filter(pk=report.pk).update(head_reviewed_at=moment)
    plan2023.replay_submit(
        "camranh",
        plan2023.find_assignment(plan, "II.2", "b.1", cam_ranh),
        "2023-08-12",
        "Đã phát hành bản tin kết quả PAPI 2022 tới 15/15 phường, xã; đang tổ chức tuyên truyền "
        "tại các thôn, tổ dân phố.",
        50,
        figures="15/15 phường, xã",
        evidence="ban-tin-papi-cam-ranh.pdf",
    )
