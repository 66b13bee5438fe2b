"""Where a page's time goes on the national synthetic data set, first viewer after a change.

    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/chiso_bench
    DEBUG=1 .venv/bin/python benchmarks/profile_pages.py [--rounds 5] [--explain 3] [--cprofile]
        [--after-report]

For each page (the cache emptied before every request, as for the first viewer after a change;
with --after-report, the cache kept and one more report accepted before every request, as on a
deadline day):
the wall time, the SQL time and query count, the template rendering time (the top-level render,
minus the SQL it triggers through lazy context values) and the rest (Python in the view and
middleware). The slowest queries of each page are run again under `EXPLAIN (ANALYZE, BUFFERS)`.
With --cprofile, the functions that cost most in one more request. Medians over the rounds.
Output on the terminal and in test-output/profile_pages.txt. Everything the requests write
(sessions) is rolled back.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chiso.site.settings")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.template.backends import django as django_backend  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import override_settings  # noqa: E402
from django.urls import reverse  # noqa: E402

from pages_support import OUTPUT, ReviewQueue, Targets, find_targets  # noqa: E402

# The functions --cprofile lists: chiso's own and the template tags.
OURS = "src/chiso|templatetags|defaulttags|loader_tags|i18n"


@dataclass
class Query:
    sql: str
    params: Any
    ms: float
    in_template: bool


@dataclass
class Sample:
    total_ms: float
    queries: list[Query] = field(default_factory=list)
    template_ms: float = 0.0

    @property
    def sql_ms(self) -> float:
        return sum(q.ms for q in self.queries)

    @property
    def template_own_ms(self) -> float:
        """Rendering minus the queries its lazy context values ran."""
        return self.template_ms - sum(q.ms for q in self.queries if q.in_template)


class Recorder:
    """Times every query (connection.execute_wrapper) and the top-level template render."""

    def __init__(self) -> None:
        self.sample = Sample(0.0)
        self.rendering = 0

    def __call__(self, execute: Callable[..., Any], sql: str, params: Any, many: bool, ctx: Any):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, ctx)
        finally:
            ms = (time.perf_counter() - started) * 1000
            self.sample.queries.append(Query(sql, params, ms, self.rendering > 0))

    @contextmanager
    def templates(self) -> Iterator[None]:
        original = django_backend.Template.render
        recorder = self

        def render(template: Any, *args: Any, **kwargs: Any) -> Any:
            recorder.rendering += 1
            started = time.perf_counter()
            try:
                return original(template, *args, **kwargs)
            finally:
                recorder.rendering -= 1
                if recorder.rendering == 0:
                    recorder.sample.template_ms += (time.perf_counter() - started) * 1000

        django_backend.Template.render = render  # type: ignore[method-assign]
        try:
            yield
        finally:
            django_backend.Template.render = original  # type: ignore[method-assign]


def pages(t: Targets) -> list[tuple[str, Client, str]]:
    coordinator, officer = Client(), Client()
    coordinator.force_login(t.coordinator)
    officer.force_login(t.officer)
    return [
        ("bare", coordinator, reverse("bench-bare")),
        ("dashboard", coordinator, reverse("dashboards:plan", kwargs={"plan_id": t.plan.pk})),
        ("task list", coordinator, reverse("plans:task-list", kwargs={"plan_pk": t.plan.pk})),
        (
            "report form",
            officer,
            reverse("plans:assignment-detail", kwargs={"pk": t.assignment.pk}),
        ),
        ("api assignments", coordinator, reverse("api-assignments") + "?overdue=true"),
        ("inbox", coordinator, reverse("plans:inbox")),
        ("deadlines", coordinator, reverse("dashboards:deadlines")),
        ("menu badges", coordinator, reverse("menu-counts")),
    ]


def measure(client: Client, url: str, change: Callable[[], None] | None = None) -> Sample:
    """One request after `change` (default: the cache emptied, the first viewer after any
    change) has been made."""
    (change or cache.clear)()
    recorder = Recorder()
    with recorder.templates(), connection.execute_wrapper(recorder):
        started = time.perf_counter()
        response = client.get(url)
        recorder.sample.total_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return recorder.sample


def explain(query: Query) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + query.sql, query.params)
        return [row[0] for row in cursor.fetchall()]


def profile(
    client: Client, url: str, change: Callable[[], None] | None = None, limit: int = 40
) -> list[str]:
    (change or cache.clear)()
    profiler = cProfile.Profile()
    profiler.enable()
    client.get(url)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(OURS, limit)
    return out.getvalue().splitlines()


def report(name: str, samples: list[Sample], explain_n: int) -> list[str]:
    def med(values: list[float]) -> float:
        return statistics.median(values)

    last = samples[-1]
    lines = [
        f"{name:<18}{med([s.total_ms for s in samples]):>9.1f}"
        f"{med([s.sql_ms for s in samples]):>9.1f}{len(last.queries):>6}"
        f"{med([s.template_own_ms for s in samples]):>10.1f}"
        f"{med([s.total_ms - s.sql_ms - s.template_own_ms for s in samples]):>9.1f}"
    ]
    slowest = sorted(last.queries, key=lambda q: -q.ms)[:explain_n]
    for q in slowest:
        lines.append(f"    {q.ms:7.1f} ms {'(template) ' if q.in_template else ''}{q.sql[:300]}")
        if q.sql.lstrip().upper().startswith("SELECT"):
            lines += [f"        {row}" for row in explain(q)]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--explain", type=int, default=3, help="slowest queries explained per page")
    parser.add_argument("--only", default="", help="profile only pages whose name contains this")
    parser.add_argument("--cprofile", action="store_true")
    parser.add_argument(
        "--after-report",
        action="store_true",
        help="request each page after the coordinator accepts one more report (cache kept) "
        "instead of with the cache emptied",
    )
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("profile_pages needs DATABASE_URL=postgres://…/chiso_bench (see the docstring)")
    lines = [f"{'page':<18}{'total':>9}{'sql':>9}{'n':>6}{'template':>10}{'python':>9}  (ms)"]
    with (
        override_settings(
            ROOT_URLCONF="pages_urls",
            CHISO_TODAY="2023-08-15",
            DEBUG=False,
            ALLOWED_HOSTS=["testserver"],
        ),
        transaction.atomic(),
    ):
        targets = find_targets()
        if targets is None:
            sys.exit("no synthetic data: run `chiso generate_synthetic` on this database first")
        change = ReviewQueue(targets).accept_next if args.after_report else None
        for name, client, url in pages(targets):
            if args.only not in name:
                continue
            measure(client, url)  # warm-up: imports, template loading, connection
            samples = [measure(client, url, change) for _ in range(args.rounds)]
            lines += report(name, samples, 0 if name == "bare" else args.explain)
            if args.cprofile and name != "bare":
                lines += profile(client, url, change)
        transaction.set_rollback(True)
    print("\n".join(lines))
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "profile_pages.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
