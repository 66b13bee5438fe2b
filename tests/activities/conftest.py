"""A small province for the activities tests: Sở Nội vụ, two districts with communes, the
Fatherland Front, a plan with sections II.2–II.4 and a task led by Nha Trang on 2.4."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import override_settings

from chiso.accounts.models import AgencyKind, Role
from chiso.plans.models import Assignment, Plan, Section, Task, TaskUnit

TODAY = dt.date(2023, 8, 15)


@dataclass
class World:
    province: Any
    snv: Any
    nhatrang: Any
    camranh: Any
    vinh_hai: Any
    vinh_phuoc: Any
    cam_nghia: Any
    front: Any
    radio: Any
    plan: Any
    section_inspection: Any
    task: Any
    assignment: Any
    coordinator: Any
    officer_nt: Any
    officer_cr: Any
    supervisor: Any
    leadership: Any


@pytest.fixture(autouse=True)
def pinned_today(tmp_path: Any) -> Any:
    # Uploaded evidence goes to a throw-away folder, never to var/media.
    with override_settings(
        CHISO_TODAY=TODAY.isoformat(),
        MEDIA_ROOT=tmp_path / "media",
        # Fast hashing: these tests create many users and never test passwords.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    ):
        yield


@pytest.fixture
def world(province: Any, make_agency: Any, make_user: Any) -> World:
    committee = make_agency(province, "UBND tỉnh Khánh Hòa", AgencyKind.PEOPLES_COMMITTEE)
    snv = make_agency(province, "Sở Nội vụ", AgencyKind.DEPARTMENT, parent=committee)
    nhatrang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    camranh = make_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    vinh_hai = make_agency(
        province, "UBND phường Vĩnh Hải", AgencyKind.COMMUNE_COMMITTEE, parent=nhatrang
    )
    vinh_phuoc = make_agency(
        province, "UBND phường Vĩnh Phước", AgencyKind.COMMUNE_COMMITTEE, parent=nhatrang
    )
    cam_nghia = make_agency(
        province, "UBND phường Cam Nghĩa", AgencyKind.COMMUNE_COMMITTEE, parent=camranh
    )
    front = make_agency(province, "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT)
    radio = make_agency(province, "Đài Phát thanh và Truyền hình Khánh Hòa", AgencyKind.MEDIA)
    plan = Plan.objects.create(
        province=province,
        number="99/KH-UBND",
        title="Kế hoạch PAPI 2023",
        year=2023,
        baseline_year=2022,
    )
    for order, code in enumerate(("II.2", "II.3", "II.4")):
        Section.objects.create(plan=plan, code=code, title=f"Mục {code}", order=order)
    task = Task.objects.create(
        province=province,
        plan=plan,
        code="3",
        title="Công khai quy hoạch sử dụng đất",
        deadline=dt.date(2023, 9, 29),
        order=1,
    )
    TaskUnit.objects.create(task=task, unit_code="2.4")
    assignment = Assignment.objects.create(
        province=province, task=task, agency=nhatrang, deadline=task.deadline
    )
    return World(
        province=province,
        snv=snv,
        nhatrang=nhatrang,
        camranh=camranh,
        vinh_hai=vinh_hai,
        vinh_phuoc=vinh_phuoc,
        cam_nghia=cam_nghia,
        front=front,
        radio=radio,
        plan=plan,
        section_inspection=plan.sections.get(code="II.3"),
        task=task,
        assignment=assignment,
        coordinator=make_user("sonoivu", Role.COORDINATOR, province, snv),
        officer_nt=make_user("nhatrang", Role.AGENCY_OFFICER, province, nhatrang),
        officer_cr=make_user("camranh", Role.AGENCY_OFFICER, province, camranh),
        supervisor=make_user("mttq", Role.SUPERVISOR, province, front),
        leadership=make_user("lanhdao", Role.LEADERSHIP, province, committee),
    )


@pytest.fixture
def outsider(other_province: Any, make_agency: Any, make_user: Any) -> Any:
    agency = make_agency(other_province, "Sở Nội vụ Hà Nội", AgencyKind.DEPARTMENT)
    return make_user("hanoi", Role.COORDINATOR, other_province, agency)


def pdf_upload(name: str = "bien-ban.pdf") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        name, b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )


def png_as_pdf() -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(
        "anh.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="application/pdf"
    )
