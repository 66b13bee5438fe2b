"""A small plan world: Khánh Hòa with Sở Nội vụ, two districts in a group, the Front, a
department; users per role; one plan with a section. Plus tiny real files for evidence."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from chiso.accounts.models import AgencyGroup, AgencyKind, Role


@dataclass
class World:
    province: Any
    home_affairs: Any
    nha_trang: Any
    cam_ranh: Any
    front: Any
    department: Any
    districts: Any
    coordinator: Any
    nhatrang: Any
    camranh: Any
    mttq: Any
    leadership: Any
    plan: Any
    section: Any


@pytest.fixture(autouse=True)
def pinned_today(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    # Argon2 is deliberately slow; these tests create several users each.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with override_settings(CHISO_TODAY="2023-08-15"):
        yield


@pytest.fixture
def world(province: Any, make_agency: Any, make_user: Any) -> World:
    from chiso.plans.models import Plan, Section

    home_affairs = make_agency(province, "Sở Nội vụ")
    nha_trang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    cam_ranh = make_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    front = make_agency(province, "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT)
    department = make_agency(province, "Sở Tư pháp")
    districts = AgencyGroup.objects.create(
        province=province, name="UBND các huyện, thị xã, thành phố"
    )
    districts.members.set([nha_trang, cam_ranh])
    plan = Plan.objects.create(
        province=province,
        number="100/KH-UBND",
        title="Kế hoạch PAPI 2023",
        year=2023,
        baseline_year=2022,
        issued_on=dt.date(2023, 5, 20),
    )
    section = Section.objects.create(plan=plan, code="II.1", title="Quán triệt", order=1)
    return World(
        province=province,
        home_affairs=home_affairs,
        nha_trang=nha_trang,
        cam_ranh=cam_ranh,
        front=front,
        department=department,
        districts=districts,
        coordinator=make_user("sonoivu", Role.COORDINATOR, province, home_affairs),
        nhatrang=make_user("nhatrang", Role.AGENCY_OFFICER, province, nha_trang),
        camranh=make_user("camranh", Role.AGENCY_OFFICER, province, cam_ranh),
        mttq=make_user("mttq", Role.SUPERVISOR, province, front),
        leadership=make_user("lanhdao", Role.LEADERSHIP, province),
        plan=plan,
        section=section,
    )


@pytest.fixture
def district_task(world: World) -> Any:
    from chiso.plans.services import create_task

    return create_task(
        world.coordinator,
        world.plan,
        title="Công khai quy hoạch sử dụng đất",
        section=world.section,
        lead_group=world.districts,
        coordinating=[world.front],
        deadline=dt.date(2023, 6, 30),
        unit_codes=["2.4"],
        code="1",
    )


@pytest.fixture
def quarterly(world: World, district_task: Any) -> Any:
    """The district task (deadline 30/06) turned into a recurring quarterly duty from 01/04 to
    the year's end (the periods and the agencies' own schedules build on it)."""
    from chiso.plans import services

    services.update_task(
        world.coordinator,
        district_task,
        version=district_task.version,
        deadline=None,
        recurring=True,
    )
    district_task.refresh_from_db()
    return services.set_schedule(
        world.coordinator,
        district_task,
        report_schedule="quarterly",
        schedule_start=dt.date(2023, 4, 1),
        version=district_task.version,
    )


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def png_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def ooxml_bytes(main: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            f'<Types><Override PartName="/x.xml" ContentType="{main}"/></Types>',
        )
    return buffer.getvalue()


DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)
