"""The demo step: what the acceptance asks for, and idempotent."""

from __future__ import annotations

import pytest

from chiso.accounts.models import Role
from chiso.activities.models import (
    Activity,
    ActivityKind,
    InspectionVisit,
    Posting,
    Recommendation,
    SurveyRound,
)
from chiso.demo import activities2023, organisations
from chiso.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_demo_step_loads_once(world_free_demo) -> None:
    lines: list[str] = []
    activities2023.load(lines.append)
    activities2023.load(lines.append)
    assert InspectionVisit.objects.count() == 2
    rec = Recommendation.objects.get()
    assert rec.follow_up_task is not None
    assert rec.follow_up_task.assignments.get().agency.name == "UBND thành phố Nha Trang"
    assert set(Activity.objects.values_list("kind", flat=True)) >= {
        ActivityKind.CONFERENCE,
        ActivityKind.RADIO_TV,
    }
    assert Posting.objects.values("commune").distinct().count() == 3
    survey = SurveyRound.objects.get()
    assert survey.illustrative and survey.locations.count() == 3
    assert "kế hoạch kiểm tra đã có" in lines[-4]


@pytest.fixture
def world_free_demo(db):
    organisations.load(lambda _line: None)
    province = organisations.khanh_hoa()
    # The workspace's plan step normally creates the plan; a bare one is enough here.
    Plan.objects.get_or_create(
        province=province,
        number="…/KH-UBND",
        defaults=dict(title="Kế hoạch PAPI 2023", year=2023, baseline_year=2022),
    )
    organisations.ensure_user(
        "nhatrang",
        "Nhà Trang",
        Role.AGENCY_OFFICER,
        province,
        organisations.ensure_agency(province, "UBND thành phố Nha Trang", "district_committee"),
    )


def test_demo_step_waits_for_the_plan(db) -> None:
    lines: list[str] = []
    activities2023.load(lines.append)
    assert "bỏ qua" in lines[0]
    assert not InspectionVisit.objects.exists()
