"""The demo's illustrative PCI plan for 2024 (issue 18, item 4): same agencies as the PAPI plan,
tasks linked to units of several indices, PCI objectives judged on PCI's published results."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from chiso.accounts.models import User
from chiso.dashboards.dashboard import build_dashboard
from chiso.demo import pci2024
from chiso.plans.models import Assignment, Plan, TaskUnit
from chiso.plans.objectives import objective_rows
from chiso.results.models import ResultRelease


@pytest.mark.django_db
def test_the_pci_plan_shares_agencies_and_tasks_with_the_papi_plan(
    papi_data_dir: Any, settings: Any
) -> None:
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    settings.CHISO_TODAY = "2023-08-15"
    call_command("load_demo", stdout=StringIO())
    plan = Plan.objects.get(number=pci2024.NUMBER)
    assert (plan.index, plan.year, plan.baseline_year) == ("PCI", 2024, 2023)
    assert plan.title.startswith("[Minh họa]")
    assert (plan.tasks.count(), Assignment.objects.filter(task__plan=plan).count()) == (5, 21)
    assert ResultRelease.objects.filter(index="PCI").count() == 10  # 2015–2024
    shop = plan.tasks.get(code="1")
    assert set(TaskUnit.objects.filter(task=shop).values_list("index", "unit_code")) == {
        ("PCI", "time_costs"),
        ("PAPI", "5"),
        ("PAR_INDEX", "3"),
    }
    papi_plan = Plan.objects.get(number="…/KH-UBND")
    papi_agencies = set(
        Assignment.objects.filter(task__plan=papi_plan).values_list("agency", flat=True)
    )
    pci_agencies = set(Assignment.objects.filter(task__plan=plan).values_list("agency", flat=True))
    assert pci_agencies <= papi_agencies  # the same agencies, no new ones
    # Every objective is on PCI; no 2024 result on 15/08/2023: not judged yet.
    rows = objective_rows(plan)
    assert [r.objective.index for r in rows] == ["PCI", "PCI"]
    assert all(r.result is None or r.result.status == "pending" for r in rows)
    user = User.objects.get(username="sonoivu")
    today = dt.date(2023, 8, 15)
    pci = {r.code: r for r in build_dashboard(plan, user, today).unit_rows}
    papi = {r.code: r for r in build_dashboard(plan, user, today, "PAPI").unit_rows}
    assert (pci["time_costs"].task_count, pci["entry_costs"].task_count) == (1, 0)
    assert (papi["5"].task_count, papi["3"].task_count, papi["2"].task_count) == (1, 1, 1)
    # The PAPI plan's II.1.c.4 serves PCI too: counted in both of its plan's coverages.
    papi_plan_pci = {r.code: r for r in build_dashboard(papi_plan, user, today, "PCI").unit_rows}
    papi_plan_papi = {r.code: r for r in build_dashboard(papi_plan, user, today).unit_rows}
    c4 = papi_plan.tasks.get(section__code="II.1", code="c.4")
    assert papi_plan_pci["land_access"].task_count == papi_plan_pci["transparency"].task_count == 1
    assert papi_plan_pci["time_costs"].task_count == 0
    assert c4.pk in {
        t.pk for t in papi_plan.tasks.filter(units__index="PAPI", units__unit_code="2.4")
    }
    assert papi_plan_papi["2.4"].task_count >= 1
    call_command("load_demo", stdout=StringIO())  # idempotent
    assert Plan.objects.filter(index="PCI").count() == 1 and plan.tasks.count() == 5
