"""List endpoints run a fixed number of queries however many rows they return (no N+1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from chiso.plans.models import Assignment, Plan, ProgressReport, Task, TaskUnit
from tests.api.world import _evidence

pytestmark = pytest.mark.django_db


def _grow(world: Any, n: int, start: int = 0) -> None:
    """Add n plans, n tasks (each with two units, assigned to A and B) and n reports with
    evidence on A's assignment."""
    home = world.home
    for i in range(start, start + n):
        Plan.objects.create(
            province=home.province,
            number=f"{i}/KH-UBND",
            title="Kế hoạch khác",
            year=2020 + i,
            baseline_year=2019 + i,
            issuer=home.plan.issuer,
        )
        task = Task.objects.create(
            province=home.province,
            plan=home.plan,
            section=home.section,
            code=f"x{i}",
            title=f"Nhiệm vụ thêm {i}",
            deadline=dt.date(2023, 12, 31),
        )
        TaskUnit.objects.bulk_create(
            [TaskUnit(task=task, unit_code="3"), TaskUnit(task=task, unit_code="3.1")]
        )
        for agency in (world.agency_a, world.agency_b):
            Assignment.objects.create(province=home.province, task=task, agency=agency)
        report = ProgressReport.objects.create(
            province=home.province,
            assignment=home.assignment_a,
            author=world.users["officer_a"],
            narrative=f"Báo cáo {i}",
            progress=10,
            state="returned",
        )
        _evidence(report, world.users["officer_a"])


URLS = [
    "/api/v1/plans/",
    "/api/v1/tasks/",
    "/api/v1/tasks/?unit=3",
    "/api/v1/assignments/",
    "/api/v1/assignments/?overdue=false&agency={a}",
    "/api/v1/assignments/{assignment}/reports/",
]


@pytest.mark.parametrize("template", URLS)
@pytest.mark.parametrize("role", ["coordinator", "officer_a"])
def test_list_query_count_does_not_grow(
    world: Any, client_for: Any, template: str, role: str
) -> None:
    client = client_for(role)
    url = template.format(a=world.agency_a.pk, assignment=world.home.assignment_a.pk)

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    _grow(world, 1)  # at least one row, so that the prefetches run in both counts
    small_queries, small_rows = count()
    _grow(world, 6, start=1)
    big_queries, big_rows = count()
    assert big_rows > small_rows
    assert big_queries == small_queries, f"{url}: {small_queries} → {big_queries} queries"
    assert big_queries <= 8


def test_inbox_query_count_does_not_grow(world: Any, client_for: Any) -> None:
    """The officer's returned reports (each with a file): session, user, the queue's review
    rules, the page's ids and count, the reports with their people, the files."""
    client = client_for("officer_a")

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/inbox/?queue=returned")
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    _grow(world, 1)
    small_queries, small_rows = count()
    _grow(world, 6, start=1)
    big_queries, big_rows = count()
    assert big_rows > small_rows
    assert big_queries == small_queries <= 6
