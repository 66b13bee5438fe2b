"""Migration 0013: task units and objectives made before other indices existed take their plan's
index (PAPI for every PAPI plan; a PCI plan's rows become PCI)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("plans", "0012_task_follow_up")]
AFTER = [("plans", "0013_units_and_objectives_by_index")]


@pytest.mark.django_db(transaction=True)
def test_existing_rows_take_their_plans_index() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    province = apps.get_model("accounts", "Province").objects.create(
        code="56", name="Khánh Hòa", slug="khanh-hoa"
    )
    Plan, Task = apps.get_model("plans", "Plan"), apps.get_model("plans", "Task")
    TaskUnit, Objective = apps.get_model("plans", "TaskUnit"), apps.get_model("plans", "Objective")
    made = {}
    for index, code in (("PAPI", "5"), ("PCI", "time_costs")):
        plan = Plan.objects.create(
            province=province, index=index, number=index, title=index, year=2023, baseline_year=2022
        )
        task = Task.objects.create(province=province, plan=plan, title="x")
        TaskUnit.objects.create(task=task, unit_code=code)
        Objective.objects.create(plan=plan, code="1", text="x", kind="aggregate_rank_improves")
        made[index] = plan.pk
    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    TaskUnit, Objective = apps.get_model("plans", "TaskUnit"), apps.get_model("plans", "Objective")
    for index, plan_id in made.items():
        assert list(
            TaskUnit.objects.filter(task__plan_id=plan_id).values_list("index", flat=True)
        ) == [index]
        assert list(Objective.objects.filter(plan_id=plan_id).values_list("index", flat=True)) == [
            index
        ]
