"""Demo: Khánh Hòa's responsibilities map — which department guides and inspects which PAPI
dimension or sub-dimension, and two district committees' own areas.

ILLUSTRATIVE (stored with `illustrative=True`, shown so on the pages): the real assignment is in
Decision 3012/QĐ-UBND (07/11/2022), which the seed document does not reproduce. It refines
`organisations.GUIDING_DEPARTMENTS` (dimensions) down to sub-dimensions where a dimension is
shared between departments. Idempotent: set through the audited service only when different.
"""

from __future__ import annotations

from collections.abc import Callable

from chiso.accounts.models import User
from chiso.demo.organisations import agency, khanh_hoa
from chiso.responsibilities.models import Duty, Responsibility
from chiso.responsibilities.services import set_agency_units

Say = Callable[[str], None]

GUIDES: dict[str, tuple[str, ...]] = {
    "Sở Nội vụ": ("1", "4.3", "5.4"),
    "Sở Tài nguyên và Môi trường": ("2.4", "5.3", "7"),
    "Sở Tài chính": ("2.3",),
    "Sở Lao động - Thương binh và Xã hội": ("2.2",),
    "Thanh tra tỉnh": ("3.2", "4.1", "4.2", "4.4"),
    "Sở Tư pháp": ("3.3", "5.1"),
    "Văn phòng UBND tỉnh": ("3.1", "5"),
    "Sở Xây dựng": ("5.2",),
    "Sở Y tế": ("6.1",),
    "Sở Giáo dục và Đào tạo": ("6.2",),
    "Sở Giao thông vận tải": ("6.3",),
    "Công an tỉnh Khánh Hòa": ("6.4",),
    "Sở Thông tin và Truyền thông": ("2.1", "8"),
}
ANSWERS: dict[str, tuple[str, ...]] = {
    "UBND thành phố Nha Trang": ("1.2", "2.2", "2.3", "2.4", "5.4"),
    "UBND thành phố Cam Ranh": ("1.2", "2.2", "2.3", "2.4", "5.4"),
}


def load(say: Say) -> None:
    province = khanh_hoa()
    coordinator = User.objects.filter(username="sonoivu").first()
    if coordinator is None:
        say("  chưa có tài khoản sonoivu: bỏ qua phân công theo chỉ số")
        return
    changed = 0
    for name in sorted(set(GUIDES) | set(ANSWERS)):
        body = agency(province, name)
        guides, answers = GUIDES.get(name, ()), ANSWERS.get(name, ())
        have = {
            d: set(
                Responsibility.objects.filter(agency=body, duty=d).values_list(
                    "unit_code", flat=True
                )
            )
            for d in Duty
        }
        if have == {Duty.GUIDES: set(guides), Duty.ANSWERS: set(answers)}:
            continue
        set_agency_units(coordinator, body, guides=guides, answers=answers, illustrative=True)
        changed += 1
    say(f"  phân công theo chỉ số PAPI (minh họa): {len(GUIDES)} sở, ngành; cập nhật {changed}")
