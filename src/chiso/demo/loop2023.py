"""The reporting loop in the demo: Sở Nội vụ coordinates the plan and reports on its own
assignments too, and the province's leadership (lanhdao) reviews those (nobody accepts their own
report). II.2.a, the conference Sở Nội vụ organised, is replayed reported and accepted this way.

Idempotent: a step already replayed is skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from chiso.accounts.models import User
from chiso.demo import organisations as org
from chiso.demo import plan2023
from chiso.plans.models import Plan, ProgressReport, ReportingSettings

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
        report = plan2023.replay_submit(
            "sonoivu",
            conference,
            "2023-06-27",
            "Đã tham mưu UBND tỉnh tổ chức hội nghị triển khai giải pháp cải thiện Chỉ số PAPI "
            "năm 2023 ngày 27/6/2023: thông tin kết quả PAPI 2022, quán triệt giải pháp năm "
            "2023 tới lãnh đạo các sở, ngành, địa phương.",
            100,
            final=True,
            figures="185 đại biểu dự",
            evidence="tai-lieu-hoi-nghi-papi-2023.pdf",
        )
        plan2023.replay_review(report, "2023-06-29", True, "Đạt yêu cầu.", reviewer="lanhdao")
    say(
        "  vòng báo cáo: Sở Nội vụ báo cáo nhiệm vụ của mình (II.2.a), "
        "lãnh đạo tỉnh (lanhdao) duyệt báo cáo của Sở Nội vụ"
    )
