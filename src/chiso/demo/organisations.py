"""Khánh Hòa as of 2023 and the demo accounts (created only here, never by migrations)."""

from __future__ import annotations

from collections.abc import Callable

from chiso.accounts.models import Agency, AgencyKind, Province, Role, User
from chiso.demo.steps import DEMO_PASSWORD

Say = Callable[[str], None]


def khanh_hoa() -> Province:
    province, _ = Province.objects.get_or_create(
        code="56", defaults={"name": "Khánh Hòa", "slug": "khanh-hoa"}
    )
    return province


def ensure_agency(
    province: Province, name: str, kind: str, parent: Agency | None = None, short_name: str = ""
) -> Agency:
    from chiso.accounts.names import agency_key

    agency = Agency.objects.filter(province=province, name_key=agency_key(name)).first()
    if agency is None:
        agency = Agency.objects.create(
            province=province, name=name, kind=kind, parent=parent, short_name=short_name
        )
    return agency


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


def load(say: Say) -> None:
    province = khanh_hoa()
    committee = ensure_agency(province, "UBND tỉnh Khánh Hòa", AgencyKind.PEOPLES_COMMITTEE)
    home_affairs = ensure_agency(
        province, "Sở Nội vụ", AgencyKind.DEPARTMENT, committee, short_name="SNV"
    )
    ensure_user("admin", "Quản trị hệ thống", Role.ADMIN, province, None, superuser=True)
    ensure_user("sonoivu", "Nguyễn Thị Điều Phối", Role.COORDINATOR, province, home_affairs)
    say("  tỉnh Khánh Hòa, UBND tỉnh, Sở Nội vụ; tài khoản admin, sonoivu")
