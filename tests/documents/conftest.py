"""A Khánh Hòa 2023 plan as the seed describes it, with progress as of 15/08/2023: one
assignment done, one done late, one overdue, one in progress, one not started (a request to
the Fatherland Front) and a report returned by Sở Nội vụ."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from chiso.accounts.models import AgencyKind, Role
from chiso.plans.models import (
    Assignment,
    Objective,
    Plan,
    ProgressReport,
    ReportState,
    Section,
    Task,
    TaskUnit,
)

TODAY = dt.date(2023, 8, 15)
PLAN_TITLE = (
    "Cải thiện và nâng cao Chỉ số Hiệu quả Quản trị và Hành chính công tỉnh Khánh Hòa năm 2023"
)


def need_tool(name: str) -> str:
    """A command-line tool the test needs: fails in CI when missing, skips elsewhere."""
    found = shutil.which(name)
    if found is None:
        message = f"{name} not installed (apt-get install libreoffice-writer-nogui poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(autouse=True)
def _pinned_day(settings: Any, tmp_path: Path) -> None:
    settings.CHISO_TODAY = TODAY.isoformat()
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def agencies(province: Any, make_agency: Any) -> dict[str, Any]:
    committee = make_agency(province, "UBND tỉnh Khánh Hòa", AgencyKind.PEOPLES_COMMITTEE)
    return {
        "committee": committee,
        "home": make_agency(province, "Sở Nội vụ", short_name="SNV", parent=committee),
        "justice": make_agency(province, "Sở Tư pháp"),
        "nha_trang": make_agency(
            province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE
        ),
        "front": make_agency(province, "Ủy ban MTTQ Việt Nam tỉnh", AgencyKind.FATHERLAND_FRONT),
    }


def _objectives(plan: Plan) -> None:
    rows = [
        (
            "1",
            "Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên",
            "aggregate_score_min",
            {"value": Decimal("45")},
        ),
        (
            "2",
            "Tăng từ 1,56 điểm trở lên so với năm 2022",
            "aggregate_increase_min",
            {"value": Decimal("1.56")},
        ),
        ("3", "Tiếp tục nằm trong nhóm đạt điểm “Cao”", "aggregate_tier_min", {"tier": "high"}),
        (
            "4",
            "08 chỉ số nội dung thuộc nhóm “Trung bình cao” trở lên",
            "dimensions_tier_min_all",
            {"tier": "high_average"},
        ),
        (
            "5",
            "Ít nhất 03 chỉ số nội dung thuộc nhóm “Cao”",
            "dimensions_tier_min_count",
            {"tier": "high", "count": 3},
        ),
    ]
    for order, (code, text, kind, extra) in enumerate(rows):
        Objective.objects.create(plan=plan, code=code, text=text, kind=kind, order=order, **extra)


@pytest.fixture
def plan(province: Any, agencies: dict[str, Any], make_user: Any) -> Plan:
    plan = Plan.objects.create(
        province=province,
        number="1234/KH-UBND",
        title=PLAN_TITLE,
        year=2023,
        baseline_year=2022,
        issued_on=dt.date(2023, 5, 20),
        issuer=agencies["committee"],
        signer="Nguyễn Tân Tuân",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        report_due=dt.date(2023, 9, 29),
    )
    _objectives(plan)
    s1 = Section.objects.create(
        plan=plan, code="II.1", title="Quán triệt, chỉ đạo triển khai", order=1
    )
    s2 = Section.objects.create(
        plan=plan, code="II.2", title="Tập huấn, thông tin, tuyên truyền", order=2
    )
    t1 = Task.objects.create(
        province=province,
        plan=plan,
        section=s1,
        code="1",
        title="Hướng dẫn chuyên môn triển khai các giải pháp PAPI",
        deadline=dt.date(2023, 6, 30),
        order=1,
    )
    t2 = Task.objects.create(
        province=province,
        plan=plan,
        section=s1,
        code="2",
        title="Công khai thu, chi ngân sách cấp xã",
        recurring=True,
        order=2,
    )
    t3 = Task.objects.create(
        province=province,
        plan=plan,
        section=s2,
        code="3",
        title="Tuyên truyền kết quả Chỉ số PAPI đến thôn, tổ dân phố",
        deadline=dt.date(2023, 12, 31),
        order=3,
    )
    TaskUnit.objects.create(task=t2, unit_code="2.3")
    TaskUnit.objects.create(task=t3, unit_code="1.4")
    Assignment.objects.create(
        province=province,
        task=t1,
        agency=agencies["justice"],
        deadline=dt.date(2023, 6, 30),
        progress=40,
    )  # overdue
    Assignment.objects.create(
        province=province,
        task=t1,
        agency=agencies["home"],
        deadline=dt.date(2023, 6, 30),
        progress=100,
        completed_on=dt.date(2023, 6, 20),
    )  # done
    late = Assignment.objects.create(
        province=province,
        task=t2,
        agency=agencies["nha_trang"],
        deadline=dt.date(2023, 7, 31),
        progress=100,
        completed_on=dt.date(2023, 8, 5),
    )  # done late
    Assignment.objects.create(
        province=province,
        task=t3,
        agency=agencies["nha_trang"],
        deadline=dt.date(2023, 12, 31),
        progress=50,
    )  # in progress
    Assignment.objects.create(
        province=province,
        task=t3,
        agency=agencies["front"],
        relation="request",
        deadline=dt.date(2023, 12, 31),
    )  # not started
    author = make_user("nhatrang", Role.AGENCY_OFFICER, province, agencies["nha_trang"])
    ProgressReport.objects.create(
        province=province,
        assignment=late,
        author=author,
        narrative="Đã niêm yết.",
        progress=100,
        is_final=True,
        state=ReportState.RETURNED,
        reviewed_at=timezone.make_aware(dt.datetime(2023, 8, 10, 9, 0)),
        review_comment="Thiếu ảnh niêm yết tại trụ sở thôn.",
    )
    return plan


@pytest.fixture
def inline_jobs(immediate_jobs: None) -> None:
    """Document jobs run as they are enqueued."""
