"""`chiso load_demo --after-2025`: the demo replays the 2025 restructuring on top of the 2023
demo, through the restructuring services (chiso.restructuring), as a coordinator would:

1. Ninh Thuận joins the deployment with a small organisation ([Minh họa]: its People's
   Committee, Sở Nội vụ, the city of Phan Rang - Tháp Chàm and one officer) and is merged into
   Khánh Hòa from 01/07/2025 (Resolution 202/2025/QH15);
2. district level is abolished: every district committee of the merged province hands its
   open work to UBND tỉnh Khánh Hòa (the parts two cities both reported on fold into one,
   reports kept), and Ninh Thuận's committee and Sở Nội vụ to their Khánh Hòa counterparts;
3. the demo's communes and wards of Nha Trang and Cam Ranh are merged into the 2025 wards and
   communes (names from the `vietnam-provinces` list: Bắc, Nam, Tây Nha Trang, Nha Trang, Bắc
   Cam Ranh, Cam Ranh, Nam Cam Ranh); which old commune went into which is illustrative.

The dissolved agencies' accounts move with their work; the heads of Nha Trang and Cam Ranh
(`ldnhatrang`, `ldcamranh`) arrive at UBND tỉnh as officers (abolition.move_users), not as
heads of the province's committee.

Idempotent: skipped once the merger is recorded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from chiso.accounts.models import Agency, AgencyKind, Province, Role
from chiso.demo.organisations import (
    COMMITTEE,
    HOME_AFFAIRS,
    agency,
    ensure_agency,
    ensure_user,
    khanh_hoa,
)
from chiso.demo.places2023 import CAM_RANH, COMMUNES, NHA_TRANG
from chiso.restructuring import abolition, merger
from chiso.restructuring.models import Kind, Restructuring

Say = Callable[[str], None]
JULY_1 = dt.date(2025, 7, 1)
NT_COMMITTEE = "UBND tỉnh Ninh Thuận"
NT_CITY = "UBND thành phố Phan Rang - Tháp Chàm"

# New ward or commune (2025) → the demo's old communes merged into it ([Minh họa]); the old
# communes of each city not named go into its last entry.
NEW_COMMUNES: dict[str, dict[str, tuple[str, ...]]] = {
    NHA_TRANG: {
        "UBND phường Bắc Nha Trang": ("Vĩnh Hải", "Vĩnh Phước", "Vĩnh Thọ", "Vĩnh Lương"),
        "UBND phường Nam Nha Trang": ("Phước Đồng", "Vĩnh Nguyên", "Vĩnh Trường", "Phước Long"),
        "UBND phường Tây Nha Trang": ("Ngọc Hiệp", "Vĩnh Hiệp", "Vĩnh Ngọc", "Vĩnh Thạnh"),
        "UBND phường Nha Trang": (),
    },
    CAM_RANH: {
        "UBND phường Bắc Cam Ranh": ("Cam Nghĩa", "Cam Phúc Bắc", "Cam Phúc Nam"),
        "UBND xã Nam Cam Ranh": ("Cam Thành Nam", "Cam Lập", "Cam Bình", "Cam Phước Đông"),
        "UBND phường Cam Ranh": (),
    },
}


def _ninh_thuan() -> Province:
    province, _ = Province.objects.get_or_create(
        code="58", defaults={"name": "Ninh Thuận", "slug": "ninh-thuan"}
    )
    committee = ensure_agency(province, NT_COMMITTEE, AgencyKind.PEOPLES_COMMITTEE)
    home_affairs = ensure_agency(province, HOME_AFFAIRS, AgencyKind.DEPARTMENT, committee)
    ensure_agency(province, NT_CITY, AgencyKind.DISTRICT_COMMITTEE, committee)
    ensure_user("snvninhthuan", "Sở Nội vụ Ninh Thuận", Role.COORDINATOR, province, home_affairs)
    return province


def _commune_successors(province: Province, committee: Agency) -> dict[int, int]:
    """Old commune id → new ward or commune id, creating the new ones."""
    mapping: dict[int, int] = {}
    for city, news in NEW_COMMUNES.items():
        wards, communes = COMMUNES[city]
        rest = {*wards, *communes}
        for new_name, olds in news.items():
            new = ensure_agency(province, new_name, AgencyKind.COMMUNE_COMMITTEE, committee)
            for old in olds or tuple(sorted(rest)):
                rest.discard(old)
                found = Agency.objects.filter(
                    province=province, kind=AgencyKind.COMMUNE_COMMITTEE, active=True
                ).filter(name__in=[f"UBND phường {old}", f"UBND xã {old}"])
                mapping.update({a.pk: new.pk for a in found})
    return mapping


def load(say: Say) -> None:
    province = khanh_hoa()
    if Restructuring.objects.filter(province=province, kind=Kind.MERGE).exists():
        say("  (2025: đã sắp xếp, bỏ qua)")
        return
    absorbed = _ninh_thuan()
    merger.merge(None, absorbed, province, JULY_1)
    committee = agency(province, COMMITTEE)
    districts = {
        a.pk: committee.pk
        for a in Agency.objects.filter(
            province=province, kind=AgencyKind.DISTRICT_COMMITTEE, active=True
        )
    }
    districts[agency(province, NT_COMMITTEE).pk] = committee.pk
    districts[agency(province, f"{HOME_AFFAIRS} (Ninh Thuận)").pk] = agency(
        province, HOME_AFFAIRS
    ).pk
    abolition.abolish(None, province, districts, JULY_1)
    abolition.abolish(None, province, _commune_successors(province, committee), JULY_1)
    say(f"  2025: {absorbed.name} → {province.name}; {len(districts)} cơ quan cấp huyện, tỉnh")
