"""Main pages on the national synthetic data set, on PostgreSQL, against a bare Django view served
the same way in the same run (goal: p95 of each page ≤ 3 × the bare view's p95).

Set up once (an existing database, never the test run's):

    createdb -h 127.0.0.1 -U postgres chiso_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/chiso_bench
    DEBUG=1 chiso migrate && DEBUG=1 chiso generate_synthetic --seed 1
    DEBUG=1 pytest benchmarks/bench_pages.py --benchmark-only

Requests go through Django's full handler and middleware in-process (the test client); the
benchmark logs in with force_login and rolls back everything it writes (sessions). p50/p95 per
page are printed and written to test-output/bench_pages.{txt,json}.

The dashboard, the task list, the report form and the inbox cache their heavy parts until the
data they show changes (chiso.web.fragments). They are measured three ways: as users meet them
between changes; "after a report": before every request the coordinator accepts one more of the
plan's waiting reports through the review service (a real change: audited, the assignment's
progress updated, the revisions raised), so each request is the first viewer after that change;
and "empty cache", the cache cleared before every request (the first viewer after a change that
touches everything, or a restart). The report form is also measured after a report on another
task of the province: its page is keyed on its own task's changes (chiso.audit.ScopeRevision).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.urls import reverse
from pytest_benchmark.fixture import BenchmarkFixture

from pages_support import (
    PageTiming,
    ReviewQueue,
    SendQueue,
    Targets,
    find_targets,
    timing,
    write_summary,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))
pytestmark = [pytest.mark.django_db, pytest.mark.postgres]
TIMINGS: list[PageTiming] = []


@pytest.fixture(scope="session")
def django_db_setup() -> None:
    """Use the configured database as it is (the synthetic data set), not a fresh test copy."""
    if connection.vendor != "postgresql":
        pytest.skip("bench_pages needs DATABASE_URL=postgres://…/chiso_bench (see the docstring)")


@pytest.fixture(autouse=True)
def bench_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "pages_urls"
    settings.CHISO_TODAY = "2023-08-15"
    settings.DEBUG = False  # no SQL logging in the timed path


@pytest.fixture
def targets() -> Targets:
    found = find_targets()
    if found is None:
        pytest.skip("no synthetic data: run `chiso generate_synthetic` on this database first")
    return found


@pytest.fixture(scope="module", autouse=True)
def summary(request: Any) -> Iterator[None]:
    yield
    if TIMINGS:
        reporter = request.config.pluginmanager.get_plugin("terminalreporter")
        context = {
            "database": connection.settings_dict["NAME"],
            "data": "chiso generate_synthetic",
            "rounds": ROUNDS,
        }
        for line in write_summary(TIMINGS, context):
            reporter.write_line(line)


def _measure(
    benchmark: BenchmarkFixture,
    name: str,
    client: Client,
    url: str,
    *,
    cold: bool = False,
    change: Callable[[], None] | None = None,
) -> None:
    def get() -> int:
        response = client.get(url)
        assert response.status_code == 200, f"{url}: {response.status_code}"
        return len(response.content)

    setup = cache.clear if cold else change
    benchmark.pedantic(get, setup=setup, rounds=ROUNDS, iterations=1, warmup_rounds=3)
    TIMINGS.append(timing(name, url, list(benchmark.stats.stats.data)))


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_bare(benchmark: BenchmarkFixture, targets: Targets) -> None:
    _measure(benchmark, "bare", _client(targets.coordinator), reverse("bench-bare"))


def test_dashboard(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("dashboards:plan", kwargs={"plan_id": targets.plan.pk})
    _measure(benchmark, "dashboard", _client(targets.coordinator), url)


def test_task_list(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("plans:task-list", kwargs={"plan_pk": targets.plan.pk})
    _measure(benchmark, "task list", _client(targets.coordinator), url)


def test_report_form(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("plans:assignment-detail", kwargs={"pk": targets.assignment.pk})
    client = _client(targets.officer)
    assert b'name="narrative"' in client.get(url).content, "the report form is not on the page"
    _measure(benchmark, "report form", client, url)


def test_dashboard_empty_cache(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("dashboards:plan", kwargs={"plan_id": targets.plan.pk})
    _measure(benchmark, "dashboard, empty cache", _client(targets.coordinator), url, cold=True)


def test_task_list_empty_cache(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("plans:task-list", kwargs={"plan_pk": targets.plan.pk})
    _measure(benchmark, "task list, empty cache", _client(targets.coordinator), url, cold=True)


def test_report_form_empty_cache(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("plans:assignment-detail", kwargs={"pk": targets.assignment.pk})
    _measure(benchmark, "report form, empty cache", _client(targets.officer), url, cold=True)


def test_report_form_after_another_tasks_report(
    benchmark: BenchmarkFixture, targets: Targets
) -> None:
    """A report on another task of the province before every request (what `record` raises for
    it): the officer's page is keyed on its own task's changes and stays cached."""
    from chiso.audit.services import raise_revision
    from chiso.plans.models import Assignment, task_scope

    mine = targets.assignment
    other = Assignment.objects.filter(province_id=mine.province_id).exclude(task_id=mine.task_id)
    task_id = other.values_list("task_id", flat=True).first()
    assert task_id is not None

    def change() -> None:
        raise_revision(mine.province, scope=task_scope(task_id))

    url = reverse("plans:assignment-detail", kwargs={"pk": mine.pk})
    client = _client(targets.officer)

    def get() -> int:
        return len(client.get(url).content)

    benchmark.pedantic(get, setup=change, rounds=ROUNDS, iterations=1, warmup_rounds=3)
    TIMINGS.append(timing("report form, other task changed", url, list(benchmark.stats.stats.data)))


def test_dashboard_after_a_report(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("dashboards:plan", kwargs={"plan_id": targets.plan.pk})
    queue = ReviewQueue(targets)
    client = _client(targets.coordinator)
    _measure(benchmark, "dashboard, after a report", client, url, change=queue.accept_next)


def test_dashboard_after_a_report_sent(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("dashboards:plan", kwargs={"plan_id": targets.plan.pk})
    queue = SendQueue(targets)
    client = _client(targets.coordinator)
    _measure(benchmark, "dashboard, after a report sent", client, url, change=queue.send_next)


def test_dashboard_officer_after_a_report(benchmark: BenchmarkFixture, targets: Targets) -> None:
    """An agency officer's dashboard (their own compliance counted for them) after a report
    reviewed elsewhere in the province: most of the province's users, on a deadline day."""
    url = reverse("dashboards:plan", kwargs={"plan_id": targets.plan.pk})
    queue = ReviewQueue(targets)
    client = _client(targets.officer)
    _measure(benchmark, "dashboard, officer, after a report", client, url, change=queue.accept_next)


def test_task_list_after_a_report(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("plans:task-list", kwargs={"plan_pk": targets.plan.pk})
    queue = ReviewQueue(targets)
    client = _client(targets.coordinator)
    _measure(benchmark, "task list, after a report", client, url, change=queue.accept_next)


def test_report_form_after_a_report(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("plans:assignment-detail", kwargs={"pk": targets.assignment.pk})
    queue = ReviewQueue(targets)
    client = _client(targets.officer)
    _measure(benchmark, "report form, after a report", client, url, change=queue.accept_next)


def test_inbox_after_a_report(benchmark: BenchmarkFixture, targets: Targets) -> None:
    queue = ReviewQueue(targets)
    client = _client(targets.coordinator)
    url = reverse("plans:inbox")
    _measure(benchmark, "inbox, after a report", client, url, change=queue.accept_next)


def test_deadlines(benchmark: BenchmarkFixture, targets: Targets) -> None:
    _measure(benchmark, "deadlines", _client(targets.coordinator), reverse("dashboards:deadlines"))


def test_api_assignments(benchmark: BenchmarkFixture, targets: Targets) -> None:
    url = reverse("api-assignments") + "?overdue=true"
    _measure(benchmark, "api assignments", _client(targets.coordinator), url)


def test_api_assignments_officer(benchmark: BenchmarkFixture, targets: Targets) -> None:
    """What an agency's client polls: its own assignments (the access rule of agency staff)."""
    url = reverse("api-assignments")
    _measure(benchmark, "api assignments, officer", _client(targets.officer), url)


def test_api_inbox(benchmark: BenchmarkFixture, targets: Targets) -> None:
    """What the coordinator's client polls: the reports waiting for review."""
    _measure(benchmark, "api inbox", _client(targets.coordinator), reverse("api-inbox"))


def test_inbox(benchmark: BenchmarkFixture, targets: Targets) -> None:
    """The coordinator's review inbox: the province's waiting reports, oldest first (paged)."""
    client = _client(targets.coordinator)
    assert b'data-testid="inbox-waiting"' in client.get(reverse("plans:inbox")).content
    _measure(benchmark, "inbox", client, reverse("plans:inbox"))


def test_inbox_empty_cache(benchmark: BenchmarkFixture, targets: Targets) -> None:
    client = _client(targets.coordinator)
    _measure(benchmark, "inbox, empty cache", client, reverse("plans:inbox"), cold=True)


def test_menu_counts(benchmark: BenchmarkFixture, targets: Targets) -> None:
    """The badges every page asks for once loaded: reports waiting, unread notifications."""
    _measure(
        benchmark, "menu badges and bell", _client(targets.coordinator), reverse("menu-counts")
    )


def test_bare_again(benchmark: BenchmarkFixture, targets: Targets) -> None:
    """The bare view once more at the end: shows how much the machine's load drifted."""
    _measure(benchmark, "bare (end of run)", _client(targets.coordinator), reverse("bench-bare"))
