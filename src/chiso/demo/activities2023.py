"""Demo: inspections, communication work, postings and survey support of the 2023 plan.

The seed names the work (II.2–II.4) but not its dates, people or places: everything below is an
ILLUSTRATIVE example, marked as such on the pages (titles say "minh họa"; the survey round is
flagged `illustrative`). Runs after the plan step; idempotent (looks things up before adding).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from chiso.accounts.models import Agency, AgencyKind, Province, User
from chiso.activities import services
from chiso.activities.models import (
    Activity,
    ActivityKind,
    AudienceType,
    InspectionKind,
    InspectionPlan,
    LogisticsKind,
    LogisticsState,
    PlaceType,
    Posting,
    SurveyRound,
    Verdict,
)
from chiso.demo.organisations import ensure_agency, khanh_hoa
from chiso.plans.models import Plan

Say = Callable[[str], None]
D = dt.date
INSPECTION_TITLE = "Kiểm tra việc triển khai giải pháp cải thiện Chỉ số PAPI năm 2023 (minh họa)"


def _agencies(province: Province) -> dict[str, Agency]:
    # Same names as the organisations step, so these find its agencies rather than add new ones.
    nhatrang = ensure_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    camranh = ensure_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    van_ninh = ensure_agency(province, "UBND huyện Vạn Ninh", AgencyKind.DISTRICT_COMMITTEE)
    commune = AgencyKind.COMMUNE_COMMITTEE
    return {
        "snv": ensure_agency(province, "Sở Nội vụ", AgencyKind.DEPARTMENT),
        "nhatrang": nhatrang,
        "camranh": camranh,
        "front": ensure_agency(province, "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT),
        "radio": ensure_agency(
            province, "Đài Phát thanh và Truyền hình Khánh Hòa", AgencyKind.MEDIA
        ),
        "vinh_hoa": ensure_agency(province, "UBND phường Vĩnh Hòa", commune, nhatrang),
        "vinh_luong": ensure_agency(province, "UBND xã Vĩnh Lương", commune, nhatrang),
        "cam_nghia": ensure_agency(province, "UBND phường Cam Nghĩa", commune, camranh),
        "van_gia": ensure_agency(province, "UBND thị trấn Vạn Giã", commune, van_ninh),
    }


def load(say: Say) -> None:
    province = khanh_hoa()
    plan = Plan.objects.filter(province=province, year=2023).order_by("id").first()
    coordinator = User.objects.filter(username="sonoivu").first()
    if plan is None or coordinator is None:
        say("  chưa có kế hoạch 2023 hoặc tài khoản sonoivu: bỏ qua kiểm tra, tuyên truyền")
        return
    agencies = _agencies(province)
    _inspections(plan, coordinator, agencies, say)
    _activities(plan, coordinator, agencies, say)
    _postings(plan, coordinator, agencies, say)
    _survey(province, coordinator, agencies, say)


def _inspections(plan: Plan, user: User, a: dict[str, Agency], say: Say) -> None:
    if InspectionPlan.objects.filter(plan=plan, title=INSPECTION_TITLE).exists():
        say("  kế hoạch kiểm tra đã có")
        return
    inspection = services.create_inspection_plan(
        user,
        plan,
        title=INSPECTION_TITLE,
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=a["snv"],
        targets=[a["nhatrang"], a["camranh"]],
        starts_on=D(2023, 7, 15),
        ends_on=D(2023, 10, 31),
        unit_codes=["2.2", "2.4", "3.2"],
        notes="Đoàn công tác theo mục II.3.a của Kế hoạch; thành phần và lịch là ví dụ minh họa.",
    )
    first = services.add_visit(
        user,
        inspection,
        agency=a["nhatrang"],
        visited_on=D(2023, 7, 25),
        place="Trụ sở UBND thành phố Nha Trang",
        members="Trần Văn Minh — Phó Giám đốc Sở Nội vụ, Trưởng đoàn\n"
        "Lê Thị Hạnh — chuyên viên Sở Nội vụ\nPhạm Quốc Bảo — Sở Tài nguyên và Môi trường",
    )
    items = list(first.checklist.all())
    land_item = next((i for i in items if "2.4" in i.unit_codes), items[0] if items else None)
    shortcoming = services.record_finding(
        user,
        first,
        verdict=Verdict.SHORTCOMING,
        checklist_item=land_item,
        # Agrees with Nha Trang's report of 05/07 on II.1.c.4 ("27/27; 18/27").
        description="Quy hoạch, kế hoạch sử dụng đất năm 2023 mới niêm yết tại 18/27 phường, xã; "
        "chưa niêm yết tại nhà văn hóa các thôn, tổ dân phố.",
    )
    services.add_recommendation(
        user,
        shortcoming,
        deadline=D(2023, 9, 15),
        text="Chỉ đạo UBND các phường, xã còn lại niêm yết quy hoạch, kế hoạch sử dụng đất "
        "và báo cáo kết quả về Sở Nội vụ.",
    )
    services.record_finding(
        user,
        first,
        verdict=Verdict.COMPLIANT,
        description="Công khai danh sách hộ nghèo năm 2023 đúng quy trình tại các phường, xã.",
    )
    officer = User.objects.filter(username="nhatrang").first()
    if officer is not None:
        services.respond_to_finding(
            officer,
            shortcoming,
            response="UBND thành phố đã có văn bản chỉ đạo ngày 02/8/2023; dự kiến hoàn thành "
            "niêm yết trước 31/8/2023.",
        )
    second = services.add_visit(
        user,
        inspection,
        agency=a["camranh"],
        visited_on=D(2023, 8, 8),
        place="Trụ sở UBND thành phố Cam Ranh",
        members="Trần Văn Minh — Phó Giám đốc Sở Nội vụ, Trưởng đoàn\nLê Thị Hạnh — chuyên viên",
    )
    services.record_finding(
        user,
        second,
        verdict=Verdict.COMPLIANT,
        description="Đã ban hành kế hoạch cải thiện PAPI cấp thành phố và chỉ đạo cấp xã niêm yết "
        "Bộ khung nhiệm vụ.",
    )
    services.conclude_visit(
        user, second, version=None, conclusion="Thành phố triển khai đầy đủ các nhiệm vụ được giao."
    )
    say("  kế hoạch kiểm tra (minh họa): 2 đợt, 1 kiến nghị thành nhiệm vụ khắc phục")


ACTIVITIES: list[dict[str, Any]] = [
    dict(
        kind=ActivityKind.CONFERENCE,
        organiser="snv",
        held_on=D(2023, 6, 16),
        title="Hội nghị triển khai giải pháp cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa "
        "năm 2023 (minh họa)",
        place="Hội trường UBND tỉnh, trực tuyến đến các huyện",
        audience_type=AudienceType.OFFICIALS,
        audience_count=320,
        unit_codes=["1", "2", "3", "4", "5", "6", "7", "8"],
        description="Thông tin kết quả PAPI 2022; quán triệt giải pháp năm 2023 (mục II.2.a).",
    ),
    dict(
        kind=ActivityKind.RADIO_TV,
        organiser="radio",
        held_on=D(2023, 7, 14),
        title="Chuyên mục Cải cách hành chính: Chỉ số PAPI và quyền giám sát của người dân "
        "(minh họa)",
        place="Kênh KTV, phát lại trên sóng phát thanh",
        audience_type=AudienceType.PUBLIC,
        audience_count=None,
        unit_codes=["1", "2", "3"],
        description="Lồng ghép nội dung PAPI với chuyên mục cải cách hành chính (mục II.2.c).",
    ),
    dict(
        kind=ActivityKind.TRAINING,
        organiser="nhatrang",
        held_on=D(2023, 7, 20),
        title="Tập huấn về Chỉ số PAPI cho cán bộ phường, xã thành phố Nha Trang (minh họa)",
        place="UBND thành phố Nha Trang",
        audience_type=AudienceType.GRASSROOTS_OFFICIALS,
        audience_count=85,
        unit_codes=["2.2", "2.3", "2.4", "5.4"],
    ),
]


def _activities(plan: Plan, user: User, a: dict[str, Agency], say: Say) -> None:
    added = 0
    for spec in ACTIVITIES:
        if Activity.objects.filter(plan=plan, title=spec["title"]).exists():
            continue
        fields = {**spec, "organiser": a[spec["organiser"]]}
        services.record_activity(user, plan, **fields)
        added += 1
    say(f"  hoạt động tập huấn, tuyên truyền (minh họa): thêm {added}")


POSTINGS = [  # commune, place type, place, posted, checked, still posted
    (
        "vinh_hoa",
        PlaceType.COMMUNE_OFFICE,
        "Trụ sở UBND phường Vĩnh Hòa",
        D(2023, 7, 3),
        None,
        None,
    ),
    (
        "vinh_hoa",
        PlaceType.VILLAGE_HALL,
        "Nhà văn hóa tổ dân phố Hòn Xện",
        D(2023, 7, 6),
        None,
        None,
    ),
    (
        "van_gia",
        PlaceType.COMMUNE_OFFICE,
        "Trụ sở UBND thị trấn Vạn Giã",
        D(2023, 7, 5),
        D(2023, 8, 1),
        True,
    ),
    (
        "cam_nghia",
        PlaceType.COMMUNE_OFFICE,
        "Trụ sở UBND phường Cam Nghĩa",
        D(2023, 7, 10),
        D(2023, 8, 5),
        False,
    ),
]


def _postings(plan: Plan, user: User, a: dict[str, Agency], say: Say) -> None:
    added = 0
    for key, place_type, place, posted, checked, still in POSTINGS:
        if Posting.objects.filter(plan=plan, commune=a[key], place=place).exists():
            continue
        posting = services.record_posting(
            user, plan, commune=a[key], place_type=place_type, place=place, posted_on=posted
        )
        if checked is not None:
            services.check_posting(
                user, posting, checked_on=checked, still_posted=bool(still), version=None
            )
        added += 1
    say(f"  niêm yết Bộ khung nhiệm vụ (minh họa): thêm {added}; các xã còn lại chưa niêm yết")


def _survey(province: Province, user: User, a: dict[str, Agency], say: Say) -> None:
    if SurveyRound.objects.filter(province=province, index="PAPI", year=2023).exists():
        say("  đợt khảo sát PAPI 2023 đã có")
        return
    survey = services.create_survey_round(
        user,
        province,
        year=2023,
        notified_on=D(2023, 8, 1),
        fieldwork_from=D(2023, 9, 11),
        fieldwork_to=D(2023, 9, 22),
        illustrative=True,
        notes="Địa bàn, đầu mối và lịch dưới đây là ví dụ minh họa cho bản chạy thử.",
    )
    for district, commune, village in (
        ("nhatrang", "Phường Vĩnh Hòa", "Tổ dân phố Hòn Xện"),
        ("nhatrang", "Xã Vĩnh Lương", "Thôn Đông Bắc"),
        ("camranh", "Phường Cam Nghĩa", "Tổ dân phố Nghĩa Cam"),
    ):
        services.add_location(
            user, survey, district=a[district], commune_name=commune, village_name=village
        )
    services.add_contact(
        user,
        survey,
        agency=a["nhatrang"],
        name="Nguyễn Văn Hùng",
        position="Chánh Văn phòng HĐND và UBND thành phố",
        phone="0258 3 000 001",
    )
    services.add_contact(
        user,
        survey,
        agency=a["front"],
        name="Lê Thị Thu",
        position="Trưởng ban Dân chủ - Pháp luật",
        phone="0258 3 000 002",
    )
    venue = services.add_logistics_task(
        user,
        survey,
        kind=LogisticsKind.VENUE,
        agency=a["nhatrang"],
        due_on=D(2023, 9, 5),
        title="Bố trí địa điểm phỏng vấn tại nhà văn hóa tổ dân phố Hòn Xện",
    )
    services.update_logistics_state(user, venue, state=LogisticsState.IN_PROGRESS, version=None)
    services.add_logistics_task(
        user,
        survey,
        kind=LogisticsKind.SCHEDULE,
        agency=a["front"],
        due_on=D(2023, 9, 1),
        title="Thống nhất lịch làm việc với đoàn khảo sát",
    )
    services.add_logistics_task(
        user,
        survey,
        kind=LogisticsKind.GUIDE,
        agency=a["camranh"],
        due_on=D(2023, 9, 8),
        title="Cử người dẫn đường tại phường Cam Nghĩa",
    )
    say("  đợt khảo sát PAPI 2023 (địa bàn minh họa): 3 địa bàn, 2 đầu mối, 3 việc hậu cần")
