"""Guiding departments inspect their sector and district committees the agencies of their area,
like Sở Nội vụ and the Front: plan, visit, findings; follow-up tasks stay Sở Nội vụ's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from chiso.accounts.models import AgencyKind, Role
from chiso.activities import access, services
from chiso.activities.errors import ActivityError
from chiso.activities.models import InspectionKind, Verdict

pytestmark = pytest.mark.django_db


def _plan(world: Any, user: Any, **extra: Any) -> Any:
    fields = dict(
        title="Kiểm tra công khai, minh bạch cấp xã",
        kind=InspectionKind.DISTRICT,
        lead_agency=world.nhatrang,
        targets=[world.vinh_hai],
        starts_on=dt.date(2023, 8, 1),
        ends_on=dt.date(2023, 9, 30),
    )
    fields.update(extra)
    return services.create_inspection_plan(user, world.plan, **fields)


def test_a_district_inspects_its_communes(world: Any) -> None:
    inspection = _plan(world, world.officer_nt)
    visit = services.add_visit(
        world.officer_nt,
        inspection,
        agency=world.vinh_hai,
        visited_on=dt.date(2023, 8, 10),
        place="UBND phường Vĩnh Hải",
        members="Nguyễn Văn A",
    )
    finding = services.record_finding(
        world.officer_nt, visit, verdict=Verdict.SHORTCOMING, description="Chưa niêm yết ở thôn"
    )
    rec = services.add_recommendation(
        world.officer_nt, finding, text="Niêm yết bổ sung", deadline=dt.date(2023, 9, 15)
    )
    with pytest.raises(PermissionDenied):  # follow-up tasks are plan tasks: Sở Nội vụ's
        services.assign_follow_up(world.officer_nt, rec)
    task = services.assign_follow_up(world.coordinator, rec)
    assert task.assignments.get().agency == world.vinh_hai
    with pytest.raises(ActivityError) as outside:  # Cam Nghĩa is Cam Ranh's
        _plan(world, world.officer_nt, targets=[world.cam_nghia])
    assert "UBND phường Cam Nghĩa" in str(outside.value)
    with pytest.raises(PermissionDenied):  # not its own kind, nor another agency's lead
        _plan(world, world.officer_nt, kind=InspectionKind.HOME_AFFAIRS)
    with pytest.raises(PermissionDenied):
        _plan(world, world.officer_cr)
    assert not access.can_manage_inspection(world.officer_cr, inspection)


def test_a_guiding_department_inspects_its_sector(
    world: Any, make_agency: Any, make_user: Any
) -> None:
    justice = make_agency(world.province, "Sở Tư pháp", AgencyKind.DEPARTMENT)
    officer = make_user("sotuphap", Role.AGENCY_OFFICER, world.province, justice)
    assert access.own_inspection_kind(officer) == InspectionKind.SECTOR
    inspection = _plan(
        world, officer, kind=InspectionKind.SECTOR, lead_agency=justice, targets=[world.nhatrang]
    )
    assert access.can_manage_inspection(officer, inspection)
    assert access.own_inspection_kind(world.leadership) is None


def test_the_form_offers_a_district_its_own_kind_and_area(client: Any, world: Any) -> None:
    client.force_login(world.officer_nt)
    page = client.get(reverse("activities:inspection-create")).content.decode()
    assert "Kiểm tra của UBND cấp huyện" in page and "Đoàn kiểm tra của Sở Nội vụ" not in page
    assert "UBND phường Vĩnh Hải" in page and "UBND phường Cam Nghĩa" not in page
