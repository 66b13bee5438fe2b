"""1,000 posts of citizens' feedback from one address (issue 20): the rate limit holds.

Runs on the test database (no set-up needed):

    DEBUG=1 .venv/bin/pytest benchmarks/bench_feedback_flood.py --benchmark-only -s

Every post goes through Django's full handler and middleware in-process (the test client), from
one address, with a script tag in its text. Printed: how many were stored, how many refused (429),
the time per post; the limit is `chiso.supervision.throttle.PER_HOUR` posts an hour per address.
Checked on the way: the same address is refused on another province's plan too (the limit is per
address, whatever the province) and that province receives nothing; an oversize body is refused
(413) before it is parsed; a stored post, once moderated, answered and published, shows its
script as text on the public page. The "Too Many Requests" warnings Django logs for each refusal
are silenced during the flood.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.test import Client
from django.urls import reverse
from pytest_benchmark.fixture import BenchmarkFixture

from chiso.accounts.models import Agency, AgencyKind, Province, Role, User
from chiso.plans.models import Assignment, Plan, Task
from chiso.supervision import services, throttle
from chiso.supervision.models import Feedback

POSTS = 1000
ADDRESS = "203.0.113.99"
pytestmark = pytest.mark.django_db


def _plan(code: str, slug: str) -> tuple[Plan, Task, User]:
    province = Province.objects.create(code=code, name=slug, slug=slug)
    home_affairs = Agency.objects.create(
        province=province, name="Sở Nội vụ", kind=AgencyKind.DEPARTMENT
    )
    plan = Plan.objects.create(
        province=province, number="1", title="PAPI", year=2023, baseline_year=2022, is_public=True
    )
    task = Task.objects.create(province=province, plan=plan, title="Niêm yết", is_public=True)
    Assignment.objects.create(province=province, task=task, agency=home_affairs)
    coordinator = User.objects.create(
        username=f"snv-{slug}", role=Role.COORDINATOR, province=province, agency=home_affairs
    )
    return plan, task, coordinator


def _form(plan: Plan, task: Task) -> str:
    return reverse("feedback:form", args=[plan.pk]) + f"?nhiem-vu={task.pk}"


@contextmanager
def _quiet_refusals() -> Iterator[None]:
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _publish_first(plan: Plan, coordinator: User) -> None:
    first = Feedback.objects.filter(plan=plan).order_by("id").first()
    assert first is not None
    accepted = services.moderate(coordinator, first, accept=True, version=None)
    services.answer_feedback(coordinator, accepted, answer="Đã xử lý.", publish=True, version=None)


def test_one_address_flooding_is_throttled(benchmark: BenchmarkFixture) -> None:
    plan, task, coordinator = _plan("56", "khanh-hoa")
    other, other_task, _other_coordinator = _plan("01", "ha-noi")
    client = Client(REMOTE_ADDR=ADDRESS)
    url = _form(plan, task)
    statuses: Counter[int] = Counter()

    def flood() -> None:
        for n in range(POSTS):
            text = f"<script>alert({n})</script> Góp ý số {n}"
            statuses[client.post(url, {"text": text}).status_code] += 1

    with _quiet_refusals():
        benchmark.pedantic(flood, rounds=1, iterations=1)
        elsewhere = client.post(_form(other, other_task), {"text": "Góp ý"}).status_code
        oversize = Client(REMOTE_ADDR="203.0.113.100").post(url, {"text": "x" * 20_000})
    assert Feedback.objects.filter(plan=plan).count() == throttle.PER_HOUR
    assert statuses == Counter({302: throttle.PER_HOUR, 429: POSTS - throttle.PER_HOUR})
    assert elsewhere == 429 and not Feedback.objects.filter(plan=other).exists()
    assert oversize.status_code == 413
    _publish_first(plan, coordinator)
    page = Client().get(url).content.decode()
    assert "<script>alert(0)" not in page and "&lt;script&gt;alert(0)&lt;/script&gt;" in page
    mean = benchmark.stats.stats.mean
    print(
        f"\n{POSTS} posts from one address in {mean:.1f} s ({mean / POSTS * 1000:.1f} ms each): "
        f"{statuses[302]} stored, {statuses[429]} refused with 429; the same address on "
        f"another province's plan: {elsewhere}, {Feedback.objects.filter(plan=other).count()} "
        f"posts there; 20,000 characters: {oversize.status_code}; the published script shown "
        "as text"
    )
