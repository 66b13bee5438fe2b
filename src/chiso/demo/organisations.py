"""Khánh Hòa as of 2023 and the demo accounts (created only here, never by migrations).

The agencies are the bodies the 2023 PAPI plan names or implies: the specialised departments of
the provincial People's Committee, the provincial police and social insurance, the Fatherland
Front, the Party's Mass Mobilisation Commission, the radio-TV station and the newspaper, the 9
district-level units and a few communes. Group memberships follow the plan's wording; which
departments "guide and inspect" which PAPI dimension is not in the seed (it is set by Decision
3012/QĐ-UBND, not reproduced there): `GUIDING_DEPARTMENTS` is an illustrative mapping.
"""

from __future__ import annotations

from collections.abc import Callable

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind, Province, Role, User
from chiso.accounts.names import agency_key
from chiso.demo.steps import DEMO_PASSWORD

Say = Callable[[str], None]

COMMITTEE = "UBND tỉnh Khánh Hòa"
HOME_AFFAIRS = "Sở Nội vụ"

# (name, short name) — the specialised agencies of the provincial People's Committee in 2023.
DEPARTMENTS = [
    ("Văn phòng UBND tỉnh", "VP UBND"),
    ("Sở Nội vụ", "SNV"),
    ("Sở Tư pháp", "STP"),
    ("Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("Sở Tài chính", "STC"),
    ("Sở Công Thương", "SCT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "SNN&PTNT"),
    ("Sở Giao thông vận tải", "SGTVT"),
    ("Sở Xây dựng", "SXD"),
    ("Sở Tài nguyên và Môi trường", "STN&MT"),
    ("Sở Thông tin và Truyền thông", "STT&TT"),
    ("Sở Lao động - Thương binh và Xã hội", "SLĐ-TB&XH"),
    ("Sở Văn hóa và Thể thao", "SVH&TT"),
    ("Sở Du lịch", "SDL"),
    ("Sở Khoa học và Công nghệ", "SKH&CN"),
    ("Sở Giáo dục và Đào tạo", "SGD&ĐT"),
    ("Sở Y tế", "SYT"),
    ("Sở Ngoại vụ", "SNgV"),
    ("Thanh tra tỉnh", "TTT"),
    ("Ban Dân tộc", "BDT"),
]

# (name, short name, kind) — provincial bodies outside the People's Committee's departments.
OTHER_PROVINCIAL = [
    ("Công an tỉnh Khánh Hòa", "Công an tỉnh", AgencyKind.POLICE),
    ("Bảo hiểm xã hội tỉnh Khánh Hòa", "BHXH tỉnh", AgencyKind.SOCIAL_INSURANCE),
    ("Ủy ban MTTQ Việt Nam tỉnh", "UBMTTQVN tỉnh", AgencyKind.FATHERLAND_FRONT),
    ("Ban Dân vận Tỉnh ủy", "BDV Tỉnh ủy", AgencyKind.PARTY_BODY),
    ("Đài Phát thanh và Truyền hình Khánh Hòa", "Đài PT-TH", AgencyKind.MEDIA),
    ("Báo Khánh Hòa", "Báo KH", AgencyKind.MEDIA),
]

DISTRICTS = [
    ("UBND thành phố Nha Trang", "Nha Trang"),
    ("UBND thành phố Cam Ranh", "Cam Ranh"),
    ("UBND thị xã Ninh Hòa", "Ninh Hòa"),
    ("UBND huyện Vạn Ninh", "Vạn Ninh"),
    ("UBND huyện Diên Khánh", "Diên Khánh"),
    ("UBND huyện Cam Lâm", "Cam Lâm"),
    ("UBND huyện Khánh Vĩnh", "Khánh Vĩnh"),
    ("UBND huyện Khánh Sơn", "Khánh Sơn"),
    ("UBND huyện Trường Sa", "Trường Sa"),
]

# A few commune-level committees (before the 1/7/2025 reform they sit under their district).
COMMUNES = [
    ("UBND phường Vĩnh Hòa", "UBND thành phố Nha Trang"),
    ("UBND xã Vĩnh Lương", "UBND thành phố Nha Trang"),
    ("UBND phường Cam Nghĩa", "UBND thành phố Cam Ranh"),
    ("UBND xã Cam Hải Đông", "UBND huyện Cam Lâm"),
    ("UBND thị trấn Vạn Giã", "UBND huyện Vạn Ninh"),
]

# ILLUSTRATIVE: which department guides and inspects which PAPI dimension. The real assignment
# is in Decision 3012/QĐ-UBND (07/11/2022), which the seed does not reproduce.
GUIDING_DEPARTMENTS = {
    "Sở Nội vụ": ("1", "4"),
    "Sở Tài nguyên và Môi trường": ("2", "7"),
    "Sở Tài chính": ("2",),
    "Sở Lao động - Thương binh và Xã hội": ("2",),
    "Thanh tra tỉnh": ("3", "4"),
    "Sở Tư pháp": ("3", "5"),
    "Văn phòng UBND tỉnh": ("5",),
    "Sở Xây dựng": ("5",),
    "Sở Y tế": ("6",),
    "Sở Giáo dục và Đào tạo": ("6",),
    "Sở Giao thông vận tải": ("6",),
    "Công an tỉnh Khánh Hòa": ("6",),
    "Sở Thông tin và Truyền thông": ("8",),
}

GROUP_DISTRICTS = "UBND các huyện, thị xã, thành phố"
GROUP_DEPARTMENTS = "Cơ quan chuyên môn thuộc UBND tỉnh"
GROUP_GUIDING = "Cơ quan được giao hướng dẫn, kiểm tra"
GROUP_ALL = "Các cơ quan, đơn vị, địa phương thuộc tỉnh"


def khanh_hoa() -> Province:
    province, _ = Province.objects.get_or_create(
        code="56", defaults={"name": "Khánh Hòa", "slug": "khanh-hoa"}
    )
    return province


def ensure_agency(
    province: Province, name: str, kind: str, parent: Agency | None = None, short_name: str = ""
) -> Agency:
    agency = Agency.objects.filter(province=province, name_key=agency_key(name)).first()
    if agency is None:
        agency = Agency.objects.create(
            province=province, name=name, kind=kind, parent=parent, short_name=short_name
        )
    return agency


def ensure_group(province: Province, name: str, members: list[Agency]) -> AgencyGroup:
    group = AgencyGroup.objects.filter(province=province, name_key=agency_key(name)).first()
    if group is None:
        group = AgencyGroup.objects.create(province=province, name=name)
        group.members.set(members)
    return group


def ensure_user(
    username: str,
    full_name: str,
    role: str,
    province: Province | None,
    agency: Agency | None,
    *,
    superuser: bool = False,
) -> User:
    first, _, last = full_name.rpartition(" ")
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": last or first,
            "last_name": first if last else "",
            "role": role,
            "province": province,
            "agency": agency,
            "is_staff": superuser,
            "is_superuser": superuser,
            "email": f"{username}@demo.chiso.invalid",
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


def agency(province: Province, name: str) -> Agency:
    return Agency.objects.get(province=province, name_key=agency_key(name))


def _agencies(province: Province) -> tuple[list[Agency], list[Agency], list[Agency]]:
    committee = ensure_agency(province, COMMITTEE, AgencyKind.PEOPLES_COMMITTEE)
    departments = [
        ensure_agency(province, name, AgencyKind.DEPARTMENT, committee, short)
        for name, short in DEPARTMENTS
    ]
    others = [
        ensure_agency(province, name, kind, None, short) for name, short, kind in OTHER_PROVINCIAL
    ]
    districts = [
        ensure_agency(province, name, AgencyKind.DISTRICT_COMMITTEE, None, short)
        for name, short in DISTRICTS
    ]
    for name, district in COMMUNES:
        ensure_agency(province, name, AgencyKind.COMMUNE_COMMITTEE, agency(province, district))
    return departments, others, districts


def load(say: Say) -> None:
    province = khanh_hoa()
    departments, others, districts = _agencies(province)
    police, insurance = others[0], others[1]
    ensure_group(province, GROUP_DISTRICTS, districts)
    ensure_group(province, GROUP_DEPARTMENTS, departments)
    ensure_group(province, GROUP_GUIDING, [agency(province, n) for n in GUIDING_DEPARTMENTS])
    ensure_group(province, GROUP_ALL, [*departments, police, insurance, *districts])
    home_affairs = agency(province, HOME_AFFAIRS)
    ensure_user("admin", "Quản trị hệ thống", Role.ADMIN, province, None, superuser=True)
    ensure_user("sonoivu", "Nguyễn Thị Điều Phối", Role.COORDINATOR, province, home_affairs)
    ensure_user(
        "nhatrang",
        "Trần Văn Nha",
        Role.AGENCY_OFFICER,
        province,
        agency(province, "UBND thành phố Nha Trang"),
    )
    ensure_user(
        "camranh",
        "Lê Thị Cam",
        Role.AGENCY_OFFICER,
        province,
        agency(province, "UBND thành phố Cam Ranh"),
    )
    ensure_user(
        "mttq",
        "Phạm Văn Giám Sát",
        Role.SUPERVISOR,
        province,
        agency(province, "Ủy ban MTTQ Việt Nam tỉnh"),
    )
    ensure_user(
        "lanhdao", "Võ Văn Lãnh Đạo", Role.LEADERSHIP, province, agency(province, COMMITTEE)
    )
    # Heads of the two district committees whose reports they sign off (chiso.demo.loop2023).
    ensure_user(
        "ldnhatrang",
        "Hồ Văn Thủ Trưởng",
        Role.AGENCY_HEAD,
        province,
        agency(province, "UBND thành phố Nha Trang"),
    )
    ensure_user(
        "ldcamranh",
        "Đặng Thị Thủ Trưởng",
        Role.AGENCY_HEAD,
        province,
        agency(province, "UBND thành phố Cam Ranh"),
    )
    say(
        f"  tỉnh Khánh Hòa: {Agency.objects.filter(province=province).count()} cơ quan, "
        f"4 nhóm (phân công hướng dẫn theo chỉ số là minh họa); "
        "tài khoản admin, sonoivu, nhatrang, camranh, mttq, lanhdao, ldnhatrang, ldcamranh"
    )
