"""Demo: Nha Trang hands two of its tasks down to four of its wards and communes, which report
to it (accepted, one returned, one waiting in Nha Trang's inbox); the province's conference,
recorded once as an activity, counts for II.2.a (see loop2023).

The four communes are the 2023 units of Nha Trang (the places step names all 27); their officers
(`vinhhai`, `loctho`, `vinhluong`, `phuocdong`, password `chiso-demo`) are illustrative.
Idempotent: nothing is done again once Nha Trang's II.2.b.1 has sub-assignments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from chiso.accounts.models import Agency, AgencyKind, Role, User
from chiso.demo import organisations as org
from chiso.demo import plan2023
from chiso.demo.plan2023 import dated, find_assignment, replay_review, replay_submit, when
from chiso.plans.models import Assignment, Plan
from chiso.plans.services import split_assignment

Say = Callable[[str], None]

NHA_TRANG = "UBND thành phố Nha Trang"
# commune committee → its demo officer (username, full name; illustrative)
COMMUNES = (
    ("UBND phường Vĩnh Hải", "vinhhai", "Phan Thị Hạnh"),
    ("UBND phường Lộc Thọ", "loctho", "Trần Minh Quang"),
    ("UBND xã Vĩnh Lương", "vinhluong", "Nguyễn Văn Lương"),
    ("UBND xã Phước Đồng", "phuocdong", "Lê Thị Đông"),
)


def load(say: Say) -> None:
    province = org.khanh_hoa()
    plan = Plan.objects.filter(province=province, number=plan2023.NUMBER).first()
    if plan is None:
        say("  chưa có kế hoạch 2023 — bỏ qua phần giao cho cấp xã")
        return
    nha_trang = org.agency(province, NHA_TRANG)
    communes = [
        org.ensure_agency(province, name, AgencyKind.COMMUNE_COMMITTEE, parent=nha_trang)
        for name, _username, _full in COMMUNES
    ]
    for commune, (_name, username, full_name) in zip(communes, COMMUNES, strict=True):
        org.ensure_user(username, full_name, Role.AGENCY_OFFICER, province, commune)
    b1 = find_assignment(plan, "II.2", "b.1", NHA_TRANG)
    if not Assignment.objects.filter(parent=b1).exists():
        _split_and_report(plan, communes)
    say(
        "  cấp xã: Nha Trang giao việc II.2.b.1 và II.1.c.4 cho 4 phường, xã "
        "(vinhhai, loctho, vinhluong, phuocdong báo cáo; nhatrang duyệt)"
    )


def _split_and_report(plan: Plan, communes: list[Agency]) -> None:
    officer = User.objects.get(username="nhatrang")
    with dated(when("2023-07-03")):
        b1 = split_assignment(
            officer,
            find_assignment(plan, "II.2", "b.1", NHA_TRANG),
            agencies=communes,
            deadline=dt.date(2023, 9, 15),
        )
        c4 = split_assignment(
            officer,
            find_assignment(plan, "II.1", "c.4", NHA_TRANG),
            agencies=communes,
            deadline=dt.date(2023, 9, 30),
        )
    vinh_hai, loc_tho, vinh_luong, phuoc_dong = b1
    # II.2.b.1: results of PAPI told to the villages — one done, one accepted in progress, one
    # returned, one waiting for Nha Trang.
    r = replay_submit(
        "vinhluong",
        vinh_luong,
        "2023-07-25",
        "Đã thông tin kết quả PAPI 2022 tại 3/3 thôn qua họp thôn và loa truyền thanh.",
        100,
        final=True,
        figures="3/3 thôn",
        evidence="bien-ban-hop-thon-vinh-luong.pdf",
    )
    replay_review(r, "2023-07-27", True, "Đạt yêu cầu.", reviewer="nhatrang")
    r = replay_submit(
        "loctho",
        loc_tho,
        "2023-08-02",
        "Đã thông tin tại 2/3 tổ dân phố; tổ còn lại trong tháng 8.",
        60,
        figures="2/3 tổ dân phố",
    )
    replay_review(r, "2023-08-04", True, reviewer="nhatrang")
    r = replay_submit(
        "phuocdong",
        phuoc_dong,
        "2023-08-03",
        "Đã tuyên truyền kết quả PAPI trên loa truyền thanh xã.",
        50,
    )
    replay_review(
        r,
        "2023-08-05",
        False,
        "Chưa nêu các thôn đã được thông tin; đề nghị bổ sung danh sách thôn và biên bản.",
        reviewer="nhatrang",
    )
    replay_submit(
        "vinhhai",
        vinh_hai,
        "2023-08-11",
        "Đã thông tin kết quả PAPI tại 4/10 tổ dân phố.",
        40,
        figures="4/10 tổ dân phố",
    )
    # II.1.c.4: budget and poor-household lists made public at the commune offices.
    r = replay_submit(
        "vinhhai",
        c4[0],
        "2023-07-20",
        "Quý III: đã công khai thu, chi ngân sách phường; đang cập nhật danh sách hộ nghèo.",
        50,
    )
    replay_review(r, "2023-07-22", True, reviewer="nhatrang")
    r = replay_submit(
        "loctho",
        c4[1],
        "2023-07-28",
        "Đã công khai thu, chi ngân sách, danh sách hộ nghèo và kế hoạch sử dụng đất.",
        100,
        final=True,
        evidence="cong-khai-loc-tho.pdf",
    )
    replay_review(r, "2023-07-31", True, reviewer="nhatrang")
