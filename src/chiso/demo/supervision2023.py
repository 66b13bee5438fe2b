"""The supervision loop of the 2023 plan as of 15/08/2023 (issue 20), and the radio-TV station's
monthly broadcast segment (II.2.c) as a duty with monthly report periods.

All of it is illustrative (the seed names no difficulty, direction or citizen's remark): every
text says "(minh họa)" and the document numbers are invented. As of 15/08/2023: a difficulty
answered and resolved, one overdue, one escalated and directed by a direction done late (so it
is resolved), one escalated and directed by a direction in progress; two Front recommendations
(one answered); four citizens' posts (published, waiting for an answer, waiting for moderation,
refused as spam).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.test import override_settings

from chiso.accounts.models import User
from chiso.demo import organisations as org
from chiso.demo import plan2023
from chiso.plans import services as plan_services
from chiso.plans.models import Plan, ReportSchedule, Task
from chiso.supervision import services
from chiso.supervision.models import Difficulty, Feedback

Say = Callable[[str], None]
NHA_TRANG = "UBND thành phố Nha Trang"
CAM_RANH = "UBND thành phố Cam Ranh"
LAND = "Sở Tài nguyên và Môi trường"
EXAMPLE = " (minh họa)"


@contextmanager
def on(day: str) -> Iterator[None]:
    """Services see `day` as today; the audit entries written are dated that day."""
    with override_settings(CHISO_TODAY=day), plan2023.dated(plan2023.when(day)):
        yield


def user(name: str) -> User:
    return User.objects.get(username=name)


def load(say: Say) -> None:
    plan = Plan.objects.filter(province=org.khanh_hoa(), number=plan2023.NUMBER).first()
    if plan is None or Difficulty.objects.filter(plan=plan).exists():
        say("  khó khăn, chỉ đạo, góp ý: đã có — bỏ qua")
        return
    _broadcast_schedule(plan)
    _difficulties(plan)
    _recommendations(plan)
    _feedback(plan)
    say(
        "  khó khăn, vướng mắc (4), chỉ đạo của UBND tỉnh (2: một hoàn thành trễ hạn, một đang "
        "thực hiện), kiến nghị giám sát của Mặt trận (2), góp ý của người dân (4) — minh họa"
    )


def _broadcast_schedule(plan: Plan) -> None:
    """II.2.c: "Đài PT-TH Khánh Hòa định kỳ lồng ghép phát sóng chuyên mục…" — a monthly report
    from August 2023 (the start month is illustrative)."""
    segment = Task.objects.get(plan=plan, section__code="II.2", code="c.2")
    with on("2023-07-25"):
        plan_services.set_schedule(
            user("sonoivu"),
            segment,
            report_schedule=ReportSchedule.MONTHLY,
            schedule_start=dt.date(2023, 8, 1),
            version=None,
        )


def _difficulty(plan: Plan, day: str, who: str, section: str, code: str, **fields: Any) -> Any:
    officer = user(who)
    assert officer.agency is not None, who  # the demo's officers all work for an agency
    part = plan2023.find_assignment(plan, section, code, officer.agency.name)
    with on(day):
        return services.raise_difficulty(officer, plan, assignment=part, **fields)


def _difficulties(plan: Plan) -> None:
    province = plan.province
    sonoivu = user("sonoivu")
    # Answered by Sở Nội vụ, then resolved by the agency.
    form = _difficulty(
        plan,
        "2023-07-05",
        "nhatrang",
        "II.2",
        "b.1",
        title="Chưa rõ mẫu báo cáo kết quả tuyên truyền đến thôn, tổ dân phố" + EXAMPLE,
        text="Đề nghị Sở Nội vụ hướng dẫn mẫu báo cáo số liệu tuyên truyền theo thôn, tổ dân phố.",
    )
    with on("2023-07-07"):
        form = services.answer(
            sonoivu,
            form,
            text="Dùng phụ lục số liệu kèm Văn bản hướng dẫn của Sở Nội vụ.",
            version=None,
        )
    with on("2023-07-10"):
        services.resolve(user("nhatrang"), form, resolution="Đã báo cáo theo mẫu.", version=None)
    # Overdue: Sở Nội vụ has not answered by its due date.
    _difficulty(
        plan,
        "2023-07-20",
        "camranh",
        "II.1",
        "c.4",
        title="Thiếu cán bộ cập nhật thông tin công khai trên trang điện tử cấp xã" + EXAMPLE,
        text="Nhiều phường chưa có cán bộ phụ trách trang thông tin điện tử để công khai kịp thời.",
        due_on=dt.date(2023, 8, 4),
    )
    # Escalated, directed, the direction done late: resolved.
    funds = _difficulty(
        plan,
        "2023-06-20",
        "nhatrang",
        "II.2",
        "b.2",
        title="Thiếu kinh phí in, niêm yết Bộ khung nhiệm vụ tại tổ dân phố" + EXAMPLE,
        text="Ngân sách phường không bố trí được kinh phí in bảng niêm yết cho 12 tổ dân phố.",
    )
    with on("2023-06-26"):
        funds = services.escalate(
            sonoivu,
            funds,
            proposal="Đề nghị UBND tỉnh chỉ đạo UBND TP Nha Trang bố trí kinh phí.",
            version=None,
        )
    with on("2023-07-03"):
        done_late = services.record_direction(
            sonoivu,
            plan,
            number="6185/UBND-KSTT",
            issued_on=dt.date(2023, 7, 3),
            signer="Nguyễn Tân Tuân",
            signer_title="Phó Chủ tịch UBND tỉnh",
            content="UBND TP Nha Trang bố trí kinh phí niêm yết Bộ khung nhiệm vụ tại tổ dân phố."
            + EXAMPLE,
            deadline=dt.date(2023, 7, 31),
            agencies=[org.agency(province, NHA_TRANG)],
            difficulties=[funds],
        )
    assert done_late.follow_up_task is not None  # a direction always gets its follow-up task
    part = done_late.follow_up_task.assignments.get()
    report = plan2023.replay_submit(
        "ldnhatrang",
        part,
        "2023-08-04",
        "Đã bố trí kinh phí, niêm yết tại 12/12 tổ dân phố." + EXAMPLE,
        100,
        final=True,
    )
    with override_settings(CHISO_TODAY="2023-08-07"):
        plan2023.replay_review(report, "2023-08-07", True, "Đạt yêu cầu.")
    # Escalated and directed, the direction in progress.
    land = _difficulty(
        plan,
        "2023-07-25",
        "camranh",
        "II.1",
        "c.4",
        title="Chưa có hướng dẫn công khai khung giá đền bù tại xã, phường" + EXAMPLE,
        text="Đề nghị hướng dẫn hình thức, nơi công khai khung giá đền bù khi thu hồi đất.",
        handler=org.agency(province, LAND),
    )
    with on("2023-08-08"):
        land = services.escalate(
            sonoivu,
            land,
            proposal="Đề nghị UBND tỉnh giao Sở TN&MT hướng dẫn thống nhất.",
            version=None,
        )
    with on("2023-08-10"):
        services.record_direction(
            sonoivu,
            plan,
            number="7012/UBND-KSTT",
            issued_on=dt.date(2023, 8, 10),
            signer="Nguyễn Tân Tuân",
            signer_title="Phó Chủ tịch UBND tỉnh",
            content="Sở TN&MT hướng dẫn UBND cấp xã công khai khung giá đền bù." + EXAMPLE,
            deadline=dt.date(2023, 9, 15),
            agencies=[org.agency(province, LAND)],
            difficulties=[land],
        )


def _recommendations(plan: Plan) -> None:
    province, mttq = plan.province, user("mttq")
    postings = Task.objects.get(plan=plan, section__code="II.2", code="b.2")
    with on("2023-07-28"):
        posted = services.add_recommendation(
            mttq,
            plan,
            agency=org.agency(province, CAM_RANH),
            task=postings,
            title="Niêm yết Bộ khung nhiệm vụ cả tại nhà văn hóa tổ dân phố" + EXAMPLE,
            text="Qua giám sát, nhiều tổ dân phố chỉ niêm yết tại trụ sở UBND phường.",
            due_on=dt.date(2023, 8, 31),
        )
    with on("2023-08-08"):
        services.answer(
            user("camranh"),
            posted,
            text="Tiếp thu; sẽ niêm yết bổ sung trong tháng 8.",
            version=None,
        )
    with on("2023-08-10"):
        services.add_recommendation(
            mttq,
            plan,
            agency=org.agency(province, NHA_TRANG),
            title="Nâng cao chất lượng hoạt động Ban Thanh tra nhân dân phường" + EXAMPLE,
            text="Đề nghị bố trí kinh phí và tập huấn cho Ban Thanh tra nhân dân các phường.",
            due_on=dt.date(2023, 9, 15),
        )


def _feedback(plan: Plan) -> None:
    province = plan.province
    postings = Task.objects.get(plan=plan, section__code="II.2", code="b.2")
    land = Task.objects.get(plan=plan, section__code="II.1", code="c.4")
    posts = [
        (
            "2023-07-12",
            postings,
            "UBND phường Vĩnh Hòa",
            "Chưa thấy niêm yết Bộ khung nhiệm vụ ở tổ dân phố 5.",
        ),
        (
            "2023-08-02",
            None,
            "UBND phường Cam Nghĩa",
            "Đề nghị công khai danh sách hộ nghèo tại tổ dân phố.",
        ),
        ("2023-08-14", land, None, "Bảng giá đất niêm yết tại trụ sở xã đã cũ."),
        ("2023-08-14", None, "UBND xã Vĩnh Lương", "Mua bán đất nền giá rẻ, liên hệ ngay!"),
    ]
    created = []
    for day, task, commune, text in posts:
        item = services.post_feedback(
            plan,
            text=text + EXAMPLE,
            task=task,
            commune=org.agency(province, commune) if commune else None,
            address_key="demo",
        )
        Feedback.objects.filter(pk=item.pk).update(received_at=plan2023.when(day, 20))
        created.append(item)
    sonoivu = user("sonoivu")
    with on("2023-07-13"):
        answered = services.moderate(sonoivu, created[0], accept=True, version=None)
    with on("2023-07-18"):
        services.answer_feedback(
            user("nhatrang"),
            answered,
            answer="Ngày 17/7/2023 phường đã niêm yết bổ sung tại 12 tổ dân phố." + EXAMPLE,
            publish=True,
            version=None,
        )
    with on("2023-08-03"):
        services.moderate(sonoivu, created[1], accept=True, version=None)
    with on("2023-08-15"):
        services.moderate(sonoivu, created[3], accept=False, version=None)
