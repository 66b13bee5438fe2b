"""A cascade under Nha Trang for the cascade tests: two wards under the city and one unit under
the first ward (three levels of agencies), their officers, and a task assigned to the city."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from chiso.accounts.models import Agency, AgencyKind, Role

DEADLINE = dt.date(2023, 10, 31)


@dataclass
class Cascade:
    task: Any
    city: Any  # Nha Trang's assignment (level 1)
    ward_a: Any  # agencies
    ward_b: Any
    unit_a1: Any
    officer_a: Any
    officer_b: Any
    officer_a1: Any


def build(world: Any, make_user: Any) -> Cascade:
    from chiso.plans.services import create_task

    province = world.province
    ward_a = Agency.objects.create(
        province=province,
        name="UBND phường Vĩnh Hải",
        kind=AgencyKind.COMMUNE_COMMITTEE,
        parent=world.nha_trang,
    )
    ward_b = Agency.objects.create(
        province=province,
        name="UBND xã Vĩnh Lương",
        kind=AgencyKind.COMMUNE_COMMITTEE,
        parent=world.nha_trang,
    )
    unit_a1 = Agency.objects.create(
        province=province, name="Công an phường Vĩnh Hải", kind=AgencyKind.POLICE, parent=ward_a
    )
    task = create_task(
        world.coordinator,
        world.plan,
        title="Niêm yết công khai thủ tục hành chính",
        section=world.section,
        lead_agencies=[world.nha_trang],
        deadline=DEADLINE,
        unit_codes=["2.4"],
        code="2",
    )
    return Cascade(
        task=task,
        city=task.assignments.get(agency=world.nha_trang),
        ward_a=ward_a,
        ward_b=ward_b,
        unit_a1=unit_a1,
        officer_a=make_user("vinhhai", Role.AGENCY_OFFICER, province, ward_a),
        officer_b=make_user("vinhluong", Role.AGENCY_OFFICER, province, ward_b),
        officer_a1=make_user("congan", Role.AGENCY_OFFICER, province, unit_a1),
    )
