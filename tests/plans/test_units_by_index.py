"""One task framework across indices (issue 18, item 4): a task linked to units of PAPI, PCI
and PAR INDEX at once, each code checked against its own index's framework, shown with the
index's name, counted in each index's coverage on the dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chiso.audit.models import AuditEntry
from chiso.dashboards.dashboard import build_dashboard
from chiso.plans.errors import PlanError
from chiso.plans.forms import TaskForm
from chiso.plans.models import TaskUnit
from chiso.plans.queries import TaskFilter, filter_tasks, unit_chips
from chiso.plans.services import create_task, update_task
from chiso.plans.units import UnitRef, short_text

pytestmark = pytest.mark.django_db
TODAY = dt.date(2023, 8, 15)


def _one_stop_shop(world: Any) -> Any:
    return create_task(
        world.coordinator,
        world.plan,
        title="Thực hiện cơ chế một cửa, một cửa liên thông",
        section=world.section,
        lead_agencies=[world.home_affairs],
        unit_codes=["5", "PCI:time_costs", "PAR_INDEX:3"],
        deadline=dt.date(2023, 12, 15),
    )


def test_a_task_is_linked_to_units_of_three_indices(world: Any) -> None:
    task = _one_stop_shop(world)
    rows = set(TaskUnit.objects.filter(task=task).values_list("index", "unit_code"))
    assert rows == {("PAPI", "5"), ("PCI", "time_costs"), ("PAR_INDEX", "3")}
    entry = AuditEntry.objects.get(action="task.create")
    assert entry.changes["unit_codes"] == [None, ["5", "PAR_INDEX:3", "PCI:time_costs"]]
    assert unit_chips(task) == ["5", "PAR INDEX 3", "PCI Chi phí thời gian"]
    refs = [UnitRef(u.index, u.unit_code) for u in task.units.all()]
    assert short_text(refs, "PAPI") == "5; PAR INDEX: 3; PCI: time_costs"


def test_each_code_is_checked_against_its_own_index(world: Any) -> None:
    for wrong in ("PCI:5", "PAR_INDEX:time_costs", "PCI:aggregate", "ABC:1"):
        with pytest.raises(PlanError) as caught:
            create_task(
                world.coordinator,
                world.plan,
                title="x",
                lead_agencies=[world.home_affairs],
                unit_codes=[wrong],
            )
        assert caught.value.field == "unit_codes", wrong
    assert not TaskUnit.objects.exists()


def test_an_edit_keeps_other_indices_links_it_does_not_touch(world: Any) -> None:
    task = _one_stop_shop(world)
    update_task(world.coordinator, task, version=task.version, unit_codes=["5.2", "PCI:time_costs"])
    rows = set(TaskUnit.objects.filter(task=task).values_list("index", "unit_code"))
    assert rows == {("PAPI", "5.2"), ("PCI", "time_costs")}


def test_the_task_form_offers_other_indices_units_as_their_own_groups(world: Any) -> None:
    form = TaskForm(world.plan)
    groups = dict(form.fields["unit_codes"].choices)
    assert ("PCI:time_costs", "PCI · Chi phí thời gian") in groups["PCI"]
    assert ("PAR_INDEX:3", "PAR INDEX · 3 — Cải cách thủ tục hành chính") in groups["PAR INDEX"]
    data = {
        "title": "Một cửa",
        "lead_agencies": [str(world.department.pk)],
        "unit_codes": ["5", "PCI:time_costs"],
        "is_public": "on",
    }
    bound = TaskForm(world.plan, data)
    assert bound.is_valid(), bound.errors
    task = create_task(world.coordinator, world.plan, **bound.service_fields())
    assert {(u.index, u.unit_code) for u in task.units.all()} == {
        ("PAPI", "5"),
        ("PCI", "time_costs"),
    }


def test_the_task_list_filters_by_another_index_unit(world: Any, district_task: Any) -> None:
    shared = _one_stop_shop(world)
    tasks = world.plan.tasks.all()
    assert list(filter_tasks(tasks, TaskFilter(unit="PCI:time_costs"), TODAY)) == [shared]
    assert list(filter_tasks(tasks, TaskFilter(unit="5"), TODAY)) == [shared]
    # "3" is PAPI's dimension 3 in a PAPI plan: the task is on PAR INDEX 3 only.
    assert list(filter_tasks(tasks, TaskFilter(unit="3"), TODAY)) == []
    assert list(filter_tasks(tasks, TaskFilter(unit="2"), TODAY)) == [district_task]


def test_a_shared_task_counts_in_both_papi_and_pci_coverage(world: Any, district_task: Any) -> None:
    _one_stop_shop(world)
    papi = build_dashboard(world.plan, world.coordinator, TODAY)
    pci = build_dashboard(world.plan, world.coordinator, TODAY, "PCI")
    papi_rows = {r.code: r for r in papi.unit_rows}
    pci_rows = {r.code: r for r in pci.unit_rows}
    assert papi.index == "PAPI" and pci.index == "PCI"
    assert (papi_rows["5"].task_count, papi_rows["2"].task_count) == (1, 1)
    assert "time_costs" not in papi_rows
    assert pci_rows["time_costs"].task_count == 1
    assert pci_rows["time_costs"].counts.total == 1  # Sở Nội vụ's one assignment
    assert pci_rows["land_access"].task_count == 0  # the land task is PAPI 2.4 only
    assert len(pci_rows) == 10 and pci_rows["time_costs"].filter_code == "PCI:time_costs"
    assert [code for code, _name in pci.index_choices][0] == "PAPI"


def test_the_task_page_names_each_units_index(client: Any, world: Any) -> None:
    task = _one_stop_shop(world)
    client.force_login(world.coordinator)
    body = client.get(f"/ke-hoach/nhiem-vu/{task.pk}/").content.decode()
    assert "Chỉ số liên quan" in body
    for index, name in (
        ("PAPI", "5 — Thủ tục hành chính công"),
        ("PCI", "Chi phí thời gian"),
        ("PAR INDEX", "3 — Cải cách thủ tục hành chính"),
    ):
        assert f'<span class="unit-index">{index}</span> {name}' in body


def test_the_dashboard_index_choice(client: Any, world: Any) -> None:
    _one_stop_shop(world)
    client.force_login(world.coordinator)
    body = client.get(f"/bang-dieu-khien/{world.plan.pk}/?chi-so=PCI").content.decode()
    assert "Theo chỉ số nội dung và nội dung thành phần PCI" in body
    assert "Chi phí thời gian" in body and "unit=PCI%3Atime_costs" in body
    body = client.get(f"/bang-dieu-khien/{world.plan.pk}/?chi-so=nope").content.decode()
    assert "Theo chỉ số nội dung và nội dung thành phần PAPI" in body
