"""The inbox's rows are cached one by one (plans.inbox_rows): a review renders no row again but
its task's, a change to the province's shared data renders them all, and no row is ever stale."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from chiso.plans import inbox, services
from chiso.plans.models import Assignment, ProgressReport
from tests.plans.inbox_html import ids, listed

URL = reverse("plans:inbox")


@pytest.fixture
def rendered(monkeypatch):
    """The ids of the reports whose rows were rendered (not taken from the cache), per call."""
    calls: list[list[int]] = []
    real = inbox.rows

    def spy(reports, today, *units):
        found = real(reports, today, *units)
        calls.append(sorted(r.pk for r in found))
        return found

    monkeypatch.setattr(inbox, "rows", spy)
    return calls


@pytest.fixture
def reports(world):
    """Four reports waiting for Sở Nội vụ, each on its own task."""
    made = []
    for i in range(4):
        agency = world.nha_trang if i % 2 else world.cam_ranh
        task = services.create_task(
            world.coordinator,
            world.plan,
            title=f"Nhiệm vụ số {i}",
            lead_agencies=[agency],
            unit_codes=["2.4"],
            section=world.section,
        )
        author = world.nhatrang if agency == world.nha_trang else world.camranh
        made.append(
            services.submit_report(
                author, Assignment.objects.get(task=task), narrative=f"Báo cáo {i}", progress=10
            )
        )
    return made


def test_a_review_renders_no_other_row_and_leaves_the_list(world, reports, client, rendered):
    client.force_login(world.coordinator)
    assert ids(client.get(URL)) == [r.pk for r in reports]
    assert rendered == [sorted(r.pk for r in reports)]
    rendered.clear()

    services.review_report(world.coordinator, reports[1], accept=True, version=1)
    page = client.get(URL)
    assert ids(page) == [reports[0].pk, reports[2].pk, reports[3].pk]
    assert rendered == []  # the others from the cache; the accepted one is gone
    assert "Báo cáo 1" not in page.content.decode()

    # A report sent back and sent again: its own row only, with its new text.
    services.review_report(world.coordinator, reports[2], accept=False, comment="Thiếu", version=1)
    services.resubmit_report(world.camranh, reports[2], narrative="Đủ số liệu", progress=30)
    page = client.get(URL)
    again = ProgressReport.objects.get(revises=reports[2])
    assert set(ids(page)) == {reports[0].pk, reports[3].pk, again.pk}
    assert rendered == [[again.pk]]
    body = page.content.decode()
    assert "Đủ số liệu" in body and "Tiến độ 30%" in body


def test_a_change_to_shared_data_renders_every_row(world, reports, client, rendered):
    client.force_login(world.coordinator)
    client.get(URL)
    rendered.clear()
    task = reports[0].assignment.task
    services.update_task(
        world.coordinator, task, version=task.version, title="Tên mới của nhiệm vụ"
    )
    page = client.get(URL)
    assert rendered == [sorted(r.pk for r in reports)]
    assert "Tên mới của nhiệm vụ" in page.content.decode()


def test_a_row_is_kept_per_language(world, reports, client, rendered):
    client.force_login(world.coordinator)
    assert 'data-label="Số ngày chờ"' in client.get(URL).content.decode()
    rendered.clear()
    client.cookies["django_language"] = "en"
    en = client.get(URL)
    assert ids(en) == [r.pk for r in reports]
    assert rendered == [sorted(r.pk for r in reports)]  # not the Vietnamese rows
    assert 'data-label="Days waiting"' in en.content.decode()
    assert 'data-label="Số ngày chờ"' not in en.content.decode()


def test_after_a_review_the_page_costs_a_bounded_number_of_queries(
    world, reports, client, django_assert_max_num_queries
):
    client.force_login(world.coordinator)
    client.get(URL)
    services.review_report(world.coordinator, reports[0], accept=True, version=1)
    # Session, user, the province's counters, the review rules, the waiting list's summary
    # (its length and the filters' agencies and tasks), the page's ids (with their tasks'
    # counters) and the returned list's: the plans and units are kept under `shared`, and no
    # row is rendered.
    with django_assert_max_num_queries(7):
        page = client.get(URL)
    assert ids(page) == [r.pk for r in reports[1:]]


def test_a_new_day_renders_every_row_again(world, reports, client, rendered):
    """Today is in each row's key (the days waiting): the next day no row comes from the cache."""
    client.force_login(world.coordinator)
    first = client.get(URL)
    rendered.clear()
    with override_settings(CHISO_TODAY="2023-08-16"):
        page = client.get(URL)
    assert rendered == [sorted(r.pk for r in reports)]
    days = dict(listed(first))
    assert dict(listed(page)) == {pk: n + 1 for pk, n in days.items()}
