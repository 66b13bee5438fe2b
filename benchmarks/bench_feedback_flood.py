"""1,000 posts of citizens' feedback from one address (issue 20): the rate limit holds.

Runs on the test database (no set-up needed):

    DEBUG=1 pytest benchmarks/bench_feedback_flood.py --benchmark-only -s

Every post goes through Django's full handler and middleware in-process (the test client), from
one address, with valid content. Printed: how many were stored, how many refused (429), and the
time per refused post; the limit is `chiso.supervision.throttle.PER_HOUR` posts an hour per
address. Oversize and HTML/script posts and other provinces are checked on the way.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client
from django.urls import reverse
from pytest_benchmark.fixture import BenchmarkFixture

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.plans.models import Plan, Task
from chiso.supervision import throttle
from chiso.supervision.models import Feedback

POSTS = 1000
pytestmark = pytest.mark.django_db


def _plan(code: str, slug: str) -> tuple[Plan, Task]:
    province = Province.objects.create(code=code, name=slug, slug=slug)
    Agency.objects.create(province=province, name="Sở Nội vụ", kind=AgencyKind.DEPARTMENT)
    plan = Plan.objects.create(
        province=province, number="1", title="PAPI", year=2023, baseline_year=2022, is_public=True
    )
    return plan, Task.objects.create(province=province, plan=plan, title="Niêm yết")


def test_one_address_flooding_is_throttled(benchmark: BenchmarkFixture) -> None:
    plan, task = _plan("56", "khanh-hoa")
    other, _other_task = _plan("01", "ha-noi")
    client = Client(REMOTE_ADDR="203.0.113.99")
    url = reverse("feedback:form", args=[plan.pk]) + f"?nhiem-vu={task.pk}"
    statuses: Counter[int] = Counter()

    def flood() -> None:
        for n in range(POSTS):
            text = f"<script>alert({n})</script> Góp ý số {n}"
            statuses[client.post(url, {"text": text}).status_code] += 1

    benchmark.pedantic(flood, rounds=1, iterations=1)
    stored = Feedback.objects.filter(plan=plan)
    assert stored.count() == throttle.PER_HOUR
    assert statuses == Counter({302: throttle.PER_HOUR, 429: POSTS - throttle.PER_HOUR})
    assert not Feedback.objects.filter(plan=other).exists()
    assert Client(REMOTE_ADDR="203.0.113.100").post(url, {"text": "x" * 20_000}).status_code == 413
    mean = benchmark.stats.stats.mean
    print(
        f"\n{POSTS} posts from one address in {mean:.1f} s ({mean / POSTS * 1000:.1f} ms each): "
        f"{statuses[302]} stored, {statuses[429]} refused with 429; "
        f"other province: {Feedback.objects.filter(plan=other).count()} posts"
    )
