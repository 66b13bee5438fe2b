"""A small hand-built plan with known counts, as of 15/08/2023:

T1 II.1 units 1.1      deadline 30/06  Sở Nội vụ lead, done 20/06 → done
                                       Nha Trang coordinate        → overdue
T2 II.1 units 2, 2.4   deadline 29/09  Nha Trang lead, progress 50 → in_progress
                                       Cam Ranh lead               → not_started
T3 II.2 unit 5         deadline 31/07  Cam Ranh lead, done 05/08   → done_late
                                       MTTQ request, own deadline 20/08 → not_started (due soon)
T4 (no section, no unit) recurring     Sở Nội vụ lead              → not_started
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from chiso.accounts.models import AgencyGroup, AgencyKind, Role
from chiso.plans.models import Assignment, Plan, Relation, Section, Task, TaskUnit

TODAY = dt.date(2023, 8, 15)


@dataclass
class PlanData:
    plan: Any
    home_affairs: Any
    nha_trang: Any
    cam_ranh: Any
    front: Any
    group: Any
    sections: dict[str, Any]
    tasks: dict[str, Any]
    assignments: dict[str, Any]


def _task(plan: Any, section: Any, code: str, title: str, units: list[str], **extra: Any) -> Any:
    task = Task.objects.create(
        province=plan.province,
        plan=plan,
        section=section,
        code=code,
        title=title,
        order=int(code),
        **extra,
    )
    for unit in units:
        TaskUnit.objects.create(task=task, unit_code=unit)
    return task


def _assign(task: Any, agency: Any, relation: str = Relation.LEAD, **extra: Any) -> Any:
    extra.setdefault("deadline", task.deadline)
    return Assignment.objects.create(
        province=task.province, task=task, agency=agency, relation=relation, **extra
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings: Any) -> None:
    # These tests log in with force_login; Argon2 for a dozen users per test only costs time.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def plan_data(province: Any, make_agency: Any) -> PlanData:
    home_affairs = make_agency(province, "Sở Nội vụ")
    nha_trang = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    cam_ranh = make_agency(province, "UBND thành phố Cam Ranh", AgencyKind.DISTRICT_COMMITTEE)
    front = make_agency(province, "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT)
    group = AgencyGroup.objects.create(province=province, name="UBND các huyện, thị xã, thành phố")
    group.members.set([nha_trang, cam_ranh])
    plan = Plan.objects.create(
        province=province,
        number="45/KH-UBND",
        title="Kế hoạch PAPI 2023",
        year=2023,
        baseline_year=2022,
    )
    s1 = Section.objects.create(plan=plan, code="II.1", title="Tham gia của người dân", order=1)
    s2 = Section.objects.create(plan=plan, code="II.2", title="Thủ tục hành chính", order=2)
    t1 = _task(plan, s1, "1", "Tuyên truyền dân chủ cơ sở", ["1.1"], deadline=dt.date(2023, 6, 30))
    t2 = _task(plan, s1, "2", "Công khai quy hoạch", ["2", "2.4"], deadline=dt.date(2023, 9, 29))
    t3 = _task(plan, s2, "3", "Một cửa liên thông", ["5"], deadline=dt.date(2023, 7, 31))
    t4 = _task(plan, None, "4", "Theo dõi, tổng hợp", [], recurring=True)
    assignments = {
        "t1_snv": _assign(t1, home_affairs, completed_on=dt.date(2023, 6, 20), progress=100),
        "t1_nt": _assign(t1, nha_trang, Relation.COORDINATE),
        "t2_nt": _assign(
            t2,
            nha_trang,
            progress=50,
            via_group=group,
            last_report_at=dt.datetime(2023, 8, 1, 9, 0, tzinfo=dt.UTC),
        ),
        "t2_cr": _assign(t2, cam_ranh, via_group=group),
        "t3_cr": _assign(
            t3,
            cam_ranh,
            completed_on=dt.date(2023, 8, 5),
            progress=100,
            last_report_at=dt.datetime(2023, 8, 5, 9, 0, tzinfo=dt.UTC),
        ),
        "t3_mttq": _assign(t3, front, Relation.REQUEST, deadline=dt.date(2023, 8, 20)),
        "t4_snv": _assign(t4, home_affairs),
    }
    return PlanData(
        plan,
        home_affairs,
        nha_trang,
        cam_ranh,
        front,
        group,
        {"II.1": s1, "II.2": s2},
        {"1": t1, "2": t2, "3": t3, "4": t4},
        assignments,
    )


@pytest.fixture
def users(
    plan_data: PlanData, province: Any, other_province: Any, make_user: Any, make_agency: Any
) -> dict[str, Any]:
    d = plan_data
    stranger_agency = make_agency(other_province, "Sở Nội vụ Hà Nội")
    return {
        "coordinator": make_user("sonoivu", Role.COORDINATOR, province, d.home_affairs),
        "camranh": make_user("camranh", Role.AGENCY_OFFICER, province, d.cam_ranh),
        "nhatrang": make_user("nhatrang", Role.AGENCY_OFFICER, province, d.nha_trang),
        "leadership": make_user("lanhdao", Role.LEADERSHIP, province),
        "mttq": make_user("mttq", Role.SUPERVISOR, province, d.front),
        "outsider": make_user("hanoi", Role.COORDINATOR, other_province, stranger_agency),
    }


@pytest.fixture
def today_2023(settings: Any) -> dt.date:
    settings.CHISO_TODAY = TODAY.isoformat()
    return TODAY
