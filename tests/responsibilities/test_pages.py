"""The map page, an agency's areas (scores, tiers, linked tasks), the edit form and the home
panel."""

from __future__ import annotations

import re

import pytest

from chiso.accounts.models import AgencyKind, Role
from chiso.audit.models import AuditEntry
from chiso.responsibilities.models import Responsibility
from chiso.responsibilities.services import set_agency_units
from tests.reviews.plan_data import make_reviewed_plan

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def world(province, make_agency, make_user, settings):
    settings.CHISO_TODAY = "2024-08-15"
    plan = make_reviewed_plan(province, make_agency)  # tasks on 1.2 (Họp dân), 2.4 (Niêm yết)
    plan.year = 2024
    plan.save()
    snv = plan.province.agencies.get(name="Sở Nội vụ")
    nt = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    coordinator = make_user("c", Role.COORDINATOR, province, snv)
    set_agency_units(coordinator, snv, guides=["1", "2.4"], illustrative=True)
    return dict(plan=plan, snv=snv, nt=nt, coordinator=coordinator, make_user=make_user)


def test_agency_page_shows_latest_score_tier_and_linked_tasks(client, world, papi) -> None:
    officer = world["make_user"]("o", Role.AGENCY_OFFICER, world["snv"].province, world["nt"])
    client.force_login(officer)
    text = text_of(client.get(f"/linh-vuc/co-quan/{world['snv'].pk}/"))
    assert "Lĩnh vực của Sở Nội vụ" in text
    latest = max(papi.years)  # the patched store gives every year
    dim1 = next(r for r in papi.profile("56", latest).dimensions if r.unit == "1")
    score = f"{dim1.score:.2f}".replace(".", ",")
    assert f"Hướng dẫn, kiểm tra {score} {dim1.tier_label.vi} {dim1.rank}/{dim1.of}" in text
    # Dimension 1 counts the task on 1.2 beneath it: 1 of its 2 assignments completed.
    assert "Họp dân 2/2 phân công hoàn thành" in text
    assert "Niêm yết 0/1 phân công hoàn thành, 1 quá hạn" in text
    assert "minh họa" in text


def test_agency_page_in_english_shows_the_tier_in_english(client, world, papi) -> None:
    # The core's tier label carries both languages; the page picks its own (it showed the
    # Vietnamese label on English pages before).
    officer = world["make_user"]("o", Role.AGENCY_OFFICER, world["snv"].province, world["nt"])
    client.force_login(officer)
    client.cookies["django_language"] = "en"
    latest = max(papi.years)
    dim1 = next(r for r in papi.profile("56", latest).dimensions if r.unit == "1")
    assert dim1.tier_label is not None and dim1.tier_label.en != dim1.tier_label.vi
    text = text_of(client.get(f"/linh-vuc/co-quan/{world['snv'].pk}/"))
    assert f"{dim1.tier_label.en} {dim1.rank}/{dim1.of}" in text
    assert f"{dim1.tier_label.vi} {dim1.rank}/{dim1.of}" not in text


def test_map_page_names_the_guides(client, world) -> None:
    client.force_login(world["coordinator"])
    text = text_of(client.get("/linh-vuc/"))
    assert "2.4 Công khai quy hoạch, kế hoạch sử dụng đất, khung giá đền bù Sở Nội vụ" in text


def test_edit_form_saves_through_the_service(client, world) -> None:
    client.force_login(world["coordinator"])
    url = f"/linh-vuc/co-quan/{world['nt'].pk}/sua/"
    response = client.post(url, {"guides": [], "answers": ["2.2", "5.4"]})
    assert response.status_code == 302
    assert sorted(
        Responsibility.objects.filter(agency=world["nt"]).values_list("unit_code", flat=True)
    ) == ["2.2", "5.4"]
    assert AuditEntry.objects.filter(action="responsibility.set").count() == 2
    both = client.post(url, {"guides": ["2.2"], "answers": ["2.2"]})
    assert both.status_code == 200 and "chỉ chọn một trách nhiệm" in text_of(both)


def test_home_panel_for_the_agencys_staff(client, world, papi) -> None:
    officer = world["make_user"]("o", Role.AGENCY_OFFICER, world["snv"].province, world["snv"])
    client.force_login(officer)
    assert "Lĩnh vực của cơ quan" in text_of(client.get("/"))
    other = world["make_user"]("p", Role.AGENCY_OFFICER, world["snv"].province, world["nt"])
    client.force_login(other)
    assert "Lĩnh vực của cơ quan" not in text_of(client.get("/"))


def test_dashboard_filtered_by_responsible_agency(client, world, papi) -> None:
    client.force_login(world["coordinator"])
    url = f"/bang-dieu-khien/{world['plan'].pk}/"
    units = lambda response: re.findall(r'data-unit="([\d.]+)"', response.content.decode())  # noqa: E731
    everything = units(client.get(url))
    assert {"1", "1.1", "2", "2.4", "3", "8.3"} <= set(everything)
    filtered = client.get(url, {"phu-trach": world["snv"].pk})
    # Sở Nội vụ guides dimension 1 (all of it) and sub-dimension 2.4 (under its dimension).
    assert units(filtered) == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.4"]
    assert "Lĩnh vực của Sở Nội vụ" in text_of(filtered)
    # An agency of no other province and no number: the whole table.
    assert units(client.get(url, {"phu-trach": "abc"})) == everything
