"""Objectives on several indices in one plan (issue 18, item 3): each is judged on its own
index's results and framework — a PCI score on 100 as VCCI published it — and an objective whose
index has no result for the year reads "Chưa có kết quả"."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from chiso.dashboards.objectives import objective_lines
from chiso.plans.errors import PlanError
from chiso.plans.forms_drafting import ObjectiveForm
from chiso.plans.models import Plan
from chiso.plans.objectives import objective_rows
from chiso.plans.services import save_objective

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture
def thanh_hoa_2023(world: Any) -> Plan:
    """A PAPI plan of Thanh Hóa for 2023 with a PCI objective; PCI 2015–2024 as published
    (../shared/data/pci: Thanh Hóa 2023 = 66,79, rank 30, the last of VCCI's top 30)."""
    if not (SHARED / "pci").is_dir():
        pytest.fail(f"PCI data not found at {SHARED / 'pci'}")
    province = world.province
    province.code, province.name, province.slug = "38", "Thanh Hóa", "thanh-hoa"
    province.save()
    call_command("import_results", str(SHARED / "pci"), "--index", "PCI", stdout=StringIO())
    plan = world.plan
    save_objective(
        world.coordinator,
        plan,
        code="1",
        text="Chỉ số PAPI đạt từ 45 điểm trở lên",
        kind="aggregate_score_min",
        value=45,
    )
    save_objective(
        world.coordinator,
        plan,
        code="2",
        text="PCI đạt từ 66 điểm trở lên",
        kind="aggregate_score_min",
        value=66,
        index="PCI",
    )
    save_objective(
        world.coordinator,
        plan,
        code="3",
        text="PCI đạt từ 68 điểm trở lên",
        kind="aggregate_score_min",
        value=68,
        index="PCI",
    )
    save_objective(
        world.coordinator,
        plan,
        code="4",
        text="SIPAS đạt từ 85% trở lên",
        kind="aggregate_score_min",
        value=85,
        index="SIPAS",
    )
    return plan


def test_a_pci_objective_is_judged_on_the_published_pci_score(thanh_hoa_2023: Plan) -> None:
    with override_settings(CHISO_TODAY="2024-06-30"):  # PCI 2023 came out in spring 2024
        rows = {r.objective.code: r for r in objective_rows(thanh_hoa_2023)}
    assert rows["2"].result is not None and rows["2"].result.status == "met"
    assert "66,79" in rows["2"].summary
    assert rows["3"].result is not None and rows["3"].result.status == "not_met"
    assert "thiếu 1,21 điểm" in rows["3"].summary
    # No PAPI and no SIPAS results are stored: those objectives are not judged.
    assert rows["1"].result is None and rows["4"].result is None
    assert rows["2"].index_name == "PCI"


def test_the_dashboard_reads_each_index_and_says_when_one_has_no_result(
    thanh_hoa_2023: Plan,
) -> None:
    with override_settings(CHISO_TODAY="2024-06-30"):
        lines = {line.code: line for line in objective_lines(thanh_hoa_2023, None)}
    assert (lines["2"].status, lines["3"].status) == ("met", "not_met")
    assert lines["2"].index == "PCI" and "66,79" in lines["2"].summary
    assert (lines["1"].label, lines["4"].label) == ("Chưa có kết quả", "Chưa có kết quả")
    assert lines["4"].index_name == "SIPAS"


def test_before_the_results_are_out_a_pci_objective_is_pending(thanh_hoa_2023: Plan) -> None:
    with override_settings(CHISO_TODAY="2023-08-15"):
        lines = {line.code: line for line in objective_lines(thanh_hoa_2023, None)}
    assert lines["2"].status == "pending" and lines["2"].label == "Chưa có kết quả"


def test_an_objective_is_checked_against_its_own_index(world: Any) -> None:
    with pytest.raises(PlanError) as caught:
        save_objective(
            world.coordinator,
            world.plan,
            code="9",
            text="x",
            kind="unit_score_min",
            value=7,
            unit="5",
            index="PCI",
        )
    assert [field for field, _message in caught.value.problems] == ["unit"]
    objective = save_objective(
        world.coordinator,
        world.plan,
        code="9",
        text="Chi phí thời gian đạt từ 7 điểm",
        kind="unit_score_min",
        value=7,
        unit="time_costs",
        index="PCI",
    )
    assert (objective.index, objective.unit) == ("PCI", "time_costs")
    with pytest.raises(PlanError):
        save_objective(
            world.coordinator,
            world.plan,
            code="8",
            text="x",
            kind="aggregate_rank_improves",
            index="XYZ",
        )


def test_the_objective_form_offers_the_chosen_index_units_and_groups(world: Any) -> None:
    form = ObjectiveForm(world.plan, initial={"index": "PCI", "kind": "unit_tier_min"})
    assert ("time_costs", "Chi phí thời gian") in form.fields["unit"].choices
    assert ("tot", "Tốt") in form.fields["tier"].choices
    papi = ObjectiveForm(world.plan)
    assert papi.chosen_index == "PAPI" and ("high", "Cao") in papi.fields["tier"].choices
    data = {"code": "5", "text": "PCI tăng hạng", "kind": "aggregate_rank_improves"}
    bound = ObjectiveForm(world.plan, {**data, "index": "PCI"})
    assert bound.is_valid(), bound.errors
    objective = save_objective(world.coordinator, world.plan, **bound.service_fields())
    assert objective.index == "PCI"
    unbound_index = ObjectiveForm(world.plan, data)
    assert unbound_index.is_valid() and unbound_index.service_fields()["index"] == "PAPI"


def test_the_plan_page_marks_another_index_objective(client: Any, world: Any) -> None:
    save_objective(
        world.coordinator,
        world.plan,
        code="1",
        text="PCI tăng hạng",
        kind="aggregate_rank_improves",
        index="PCI",
    )
    client.force_login(world.coordinator)
    body = client.get(f"/ke-hoach/{world.plan.pk}/").content.decode()
    assert 'data-testid="objective-index">PCI</span> PCI tăng hạng' in body
    assert 'data-objective-status="pending"' in body


def test_each_objective_links_to_what_it_takes_on_its_own_index(
    client: Any, thanh_hoa_2023: Plan, world: Any
) -> None:
    """Issue 18, item 3: the plan page and the plan dashboard link each objective to the "what
    it takes" page of its index, with its goal where that page takes one."""
    from urllib.parse import parse_qs

    from chiso.plans.objectives import target_query

    by_code = {o.code: o for o in thanh_hoa_2023.objectives.all()}
    pci = parse_qs(target_query(thanh_hoa_2023, by_code["2"]))
    assert pci == {
        "bo-chi-so": ["pci"], "tinh": ["38"], "nam": ["2023"], "muc_tieu": ["diem"], "diem": ["66"],
    }  # fmt: skip
    papi = parse_qs(target_query(thanh_hoa_2023, by_code["1"]))
    assert (papi["bo-chi-so"], papi["diem"]) == (["papi"], ["45"])
    rank = save_objective(
        world.coordinator, thanh_hoa_2023, code="5", text="PCI vào top 20",
        kind="aggregate_rank_max", value=20, index="PCI",
    )  # fmt: skip
    assert parse_qs(target_query(thanh_hoa_2023, rank))["hang"] == ["20"]
    # PCI's groups are only published: the page cannot aim at one, so no group goal is passed.
    tier = save_objective(
        world.coordinator, thanh_hoa_2023, code="6", text="PCI nhóm Tốt",
        kind="aggregate_tier_min", tier="tot", index="PCI",
    )  # fmt: skip
    assert "muc_tieu" not in parse_qs(target_query(thanh_hoa_2023, tier))
    papi_tier = save_objective(
        world.coordinator, thanh_hoa_2023, code="7", text="PAPI nhóm Cao",
        kind="aggregate_tier_min", tier="high",
    )  # fmt: skip
    assert parse_qs(target_query(thanh_hoa_2023, papi_tier))["nhom"] == ["high"]

    client.force_login(world.coordinator)
    with override_settings(CHISO_TODAY="2023-08-15"):
        page = client.get(f"/ke-hoach/{thanh_hoa_2023.pk}/").content.decode()
        dashboard = client.get(f"/bang-dieu-khien/{thanh_hoa_2023.pk}/").content.decode()
        query = "bo-chi-so=pci&amp;tinh=38&amp;nam=2023&amp;muc_tieu=diem&amp;diem=66"
        href = f"/ket-qua/muc-tieu/?{query}"
        assert href in page and href in dashboard
        # The link opens the PCI page with the goal filled in: 66 points for Thanh Hóa in 2023.
        target = client.get(href.replace("&amp;", "&"))
    assert target.status_code == 200
    text = target.content.decode()
    assert 'name="diem" value="66"' in text and "PCI" in text
