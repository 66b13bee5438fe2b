"""Demo: the communes and wards of Nha Trang and Cam Ranh (as of 2023) and a few of their
villages and residential groups.

The 27 wards and communes of Nha Trang (19 phường, 8 xã) and the 15 of Cam Ranh (9 phường, 6 xã)
are the units of those cities before the 1/7/2025 reform. The villages and residential groups
below are ILLUSTRATIVE (stored with `illustrative=True`): a few per commune, to show postings and
survey locations at village level, not the cities' full lists. Idempotent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from chiso.accounts.models import AgencyKind, Province, User
from chiso.demo.organisations import agency, ensure_agency, khanh_hoa
from chiso.places.models import Village, VillageKind

if TYPE_CHECKING:
    from chiso.plans.models import Plan

Say = Callable[[str], None]

NHA_TRANG = "UBND thành phố Nha Trang"
CAM_RANH = "UBND thành phố Cam Ranh"

# district → (wards, communes), as in 2023.
COMMUNES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    NHA_TRANG: (
        (
            "Lộc Thọ",
            "Ngọc Hiệp",
            "Phước Hải",
            "Phước Hòa",
            "Phước Long",
            "Phước Tân",
            "Phước Tiến",
            "Phương Sài",
            "Phương Sơn",
            "Tân Lập",
            "Vạn Thắng",
            "Vạn Thạnh",
            "Vĩnh Hải",
            "Vĩnh Hòa",
            "Vĩnh Nguyên",
            "Vĩnh Phước",
            "Vĩnh Thọ",
            "Vĩnh Trường",
            "Xương Huân",
        ),
        (
            "Phước Đồng",
            "Vĩnh Hiệp",
            "Vĩnh Lương",
            "Vĩnh Ngọc",
            "Vĩnh Phương",
            "Vĩnh Thái",
            "Vĩnh Thạnh",
            "Vĩnh Trung",
        ),
    ),
    CAM_RANH: (
        (
            "Ba Ngòi",
            "Cam Linh",
            "Cam Lộc",
            "Cam Lợi",
            "Cam Nghĩa",
            "Cam Phú",
            "Cam Phúc Bắc",
            "Cam Phúc Nam",
            "Cam Thuận",
        ),
        (
            "Cam Bình",
            "Cam Lập",
            "Cam Phước Đông",
            "Cam Thành Nam",
            "Cam Thịnh Đông",
            "Cam Thịnh Tây",
        ),
    ),
}

T, TDP = VillageKind.THON, VillageKind.TO_DAN_PHO
# ILLUSTRATIVE villages and residential groups: commune committee → (kind, name).
VILLAGES: dict[str, tuple[tuple[str, str], ...]] = {
    "UBND phường Vĩnh Hòa": ((TDP, "Hòn Xện"), (TDP, "Cát Lợi"), (TDP, "Tây Sơn")),
    "UBND phường Lộc Thọ": ((TDP, "Lộc Thọ 1"), (TDP, "Lộc Thọ 2")),
    "UBND xã Vĩnh Lương": ((T, "Đông Bắc"), (T, "Tây Bắc"), (T, "Văn Đăng")),
    "UBND xã Phước Đồng": ((T, "Phước Lộc"), (T, "Phước Thượng"), (T, "Phước Hạ")),
    "UBND phường Cam Nghĩa": ((TDP, "Nghĩa Cam"), (TDP, "Nghĩa Phú"), (TDP, "Nghĩa Quý")),
    "UBND phường Ba Ngòi": ((TDP, "Ba Ngòi 1"), (TDP, "Ba Ngòi 2")),
    "UBND xã Cam Thành Nam": ((T, "Mỹ Thanh"), (T, "Mỹ Ca")),
    "UBND xã Cam Lập": ((T, "Bình Lập"), (T, "Bình Ba")),
}


def commune_names(district: str) -> list[str]:
    wards, communes = COMMUNES[district]
    return [f"UBND phường {n}" for n in wards] + [f"UBND xã {n}" for n in communes]


def ensure_communes(province: Province) -> int:
    before = province.agencies.count()
    for district_name in COMMUNES:
        district = agency(province, district_name)
        for name in commune_names(district_name):
            ensure_agency(province, name, AgencyKind.COMMUNE_COMMITTEE, district)
    return province.agencies.count() - before


def ensure_villages(province: Province) -> int:
    added = 0
    for commune_name, villages in VILLAGES.items():
        commune = agency(province, commune_name)
        for kind, name in villages:
            _, created = Village.objects.get_or_create(
                commune=commune,
                kind=kind,
                name=name,
                defaults={"province": province, "illustrative": True},
            )
            added += created
    return added


def load(say: Say) -> None:
    province = khanh_hoa()
    communes = ensure_communes(province)
    villages = ensure_villages(province)
    say(
        f"  Nha Trang 27 phường, xã; Cam Ranh 15 phường, xã (thêm {communes}); "
        f"thôn, tổ dân phố minh họa: thêm {villages}"
    )


def load_postings(say: Say) -> None:
    """The 2023 plan's postings in every commune of Nha Trang and Cam Ranh and at each of their
    listed villages (dates ILLUSTRATIVE, before the cities' reports: Nha Trang 27/27 phường, xã
    by 20/06; Cam Ranh 15/15 by 28/06, its villages by 10/07), counted for task II.2.b.2."""
    from chiso.activities import services
    from chiso.activities.models import PlaceType, Posting
    from chiso.plans.models import Plan, Task

    province = khanh_hoa()
    plan = Plan.objects.filter(province=province, year=2023).order_by("id").first()
    user = User.objects.filter(username="sonoivu").first()
    task = Task.objects.filter(plan=plan, section__code="II.2", code="b.2").first()
    if plan is None or user is None or task is None:
        say("  chưa có kế hoạch 2023: bỏ qua niêm yết tại xã, thôn")
        return
    services.set_posting_task(user, plan, task)
    offices = villages = 0
    for district, day in ((NHA_TRANG, 5), (CAM_RANH, 20)):
        for name in commune_names(district):
            commune = agency(province, name)
            office = f"Trụ sở {name}"
            if not Posting.objects.filter(plan=plan, commune=commune, place=office).exists():
                services.record_posting(
                    user,
                    plan,
                    commune=commune,
                    place_type=PlaceType.COMMUNE_OFFICE,
                    place=office,
                    posted_on=dt.date(2023, 6, day),
                )
                offices += 1
            for village in Village.objects.filter(commune=commune):
                villages += _post_village(
                    user, plan, village, dt.date(2023, 6 if day < 10 else 7, 7)
                )
    say(
        f"  niêm yết tại xã, thôn của Nha Trang, Cam Ranh (minh họa): thêm {offices} trụ sở, "
        f"{villages} thôn, tổ dân phố; tính cho nhiệm vụ II.2.b.2"
    )


def _post_village(user: User, plan: Plan, village: Village, day: dt.date) -> int:
    from chiso.activities import services
    from chiso.activities.models import PlaceType, Posting

    if Posting.objects.filter(plan=plan, village=village).exists():
        return 0
    # The activities step's posting at Hòn Xện named the place in words: link it to the village.
    named = Posting.objects.filter(
        plan=plan, commune=village.commune, village=None, place__icontains=village.name
    ).first()
    if named is not None:
        services.update_posting(user, named, version=None, village=village)
        return 1
    services.record_posting(
        user,
        plan,
        commune=village.commune,
        village=village,
        place_type=PlaceType.VILLAGE_HALL,
        place=f"Nhà văn hóa {str(village)[:1].lower()}{str(village)[1:]}",
        posted_on=day,
    )
    return 1
