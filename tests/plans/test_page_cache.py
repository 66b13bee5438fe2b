"""The cached parts of the task list and the assignment page: served from the cache on the next
look, retired by the next audited change, never shared between viewers who see different things."""

from __future__ import annotations

import re

from django.urls import reverse

from chiso.plans import services
from tests.plans.conftest import pdf_bytes, upload


def _main(body: str) -> str:
    """The page's own content without its CSRF tokens (new on every request)."""
    main = body[body.index('<main id="main"') : body.index("</main>")]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def test_the_report_form_comes_from_the_cache_until_the_agency_reports(
    client, world, district_task, django_assert_max_num_queries
):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    url = reverse("plans:assignment-detail", args=[assignment.pk])
    client.force_login(world.nhatrang)
    first = client.get(url).content.decode()
    assert 'data-testid="report-form"' in first
    # Session, user, and the assignment with its province's data revision: nothing else.
    with django_assert_max_num_queries(3):
        again = client.get(url).content.decode()
    assert _main(again) == _main(first)
    form = again[again.index('data-testid="report-form"') :]
    assert 'name="csrfmiddlewaretoken"' in form  # rendered per request, outside the cache

    response = client.post(
        reverse("plans:report-submit", args=[assignment.pk]),
        {"narrative": "Đã niêm yết", "progress": "40", "files": [upload("a.pdf", pdf_bytes())]},
    )
    assert response.status_code == 302
    body = client.get(url).content.decode()
    assert 'data-testid="report-form"' not in body
    assert "đang chờ Sở Nội vụ duyệt" in body and "Đã niêm yết" in body and "a.pdf" in body


def test_reviewers_get_fresh_review_forms_and_others_never_see_them(client, world, district_task):
    assignment = district_task.assignments.get(agency=world.nha_trang)
    services.submit_report(world.nhatrang, assignment, narrative="Báo cáo", progress=10)
    url = reverse("plans:assignment-detail", args=[assignment.pk])
    client.force_login(world.coordinator)
    for _ in range(2):
        assert 'data-testid="review-form"' in client.get(url).content.decode()
    client.force_login(world.nhatrang)
    assert 'data-testid="review-form"' not in client.get(url).content.decode()


def test_the_task_list_comes_from_the_cache_until_a_task_is_added(
    client, world, district_task, django_assert_max_num_queries
):
    url = reverse("plans:task-list", args=[world.plan.pk])
    client.force_login(world.nhatrang)
    first = client.get(url).content.decode()
    with django_assert_max_num_queries(3):  # session, user, plan with the data revision
        assert _main(client.get(url).content.decode()) == _main(first)
    filtered = client.get(url, {"status": "overdue"}).content.decode()
    assert _main(filtered) != _main(first)  # the filters are part of the key
    services.create_task(
        world.coordinator, world.plan, title="Nhiệm vụ mới thêm", lead_agencies=[world.front]
    )
    assert "Nhiệm vụ mới thêm" in client.get(url).content.decode()


def test_the_coordinator_sees_the_edit_buttons_others_do_not(client, world, district_task):
    url = reverse("plans:task-list", args=[world.plan.pk])
    client.force_login(world.coordinator)
    assert 'data-testid="task-create"' in client.get(url).content.decode()
    client.force_login(world.nhatrang)
    assert 'data-testid="task-create"' not in client.get(url).content.decode()


def test_the_report_form_stays_cached_while_other_tasks_change(
    client, world, district_task, django_assert_max_num_queries
):
    """An assignment page is keyed on its task's own changes and the province's other ones: a
    report on another task leaves it cached; a report on its own task, or a change to the task
    or elsewhere in the province outside any task's work, retires it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    other = services.create_task(
        world.coordinator, world.plan, title="Nhiệm vụ khác", lead_agencies=[world.cam_ranh]
    )
    assignment = district_task.assignments.get(agency=world.nha_trang)
    url = reverse("plans:assignment-detail", args=[assignment.pk])
    client.force_login(world.nhatrang)
    first = client.get(url).content.decode()
    services.submit_report(
        world.camranh, other.assignments.get(), narrative="Việc khác", progress=30
    )
    with django_assert_max_num_queries(3):  # still served from the cache
        assert _main(client.get(url).content.decode()) == _main(first)

    services.submit_report(
        world.camranh,
        district_task.assignments.get(agency=world.cam_ranh),
        narrative="Cùng nhiệm vụ",
        progress=30,
    )
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) > 3  # the same task's work changed: rendered again

    services.update_task(
        world.coordinator, district_task, version=district_task.version, title="Tên mới"
    )
    assert "Tên mới" in client.get(url).content.decode()


def _rendered_rows(monkeypatch) -> list[list[int]]:
    """The task ids whose rows the task list renders, per request that renders any."""
    from chiso.plans import task_table

    calls: list[list[int]] = []
    real = task_table.task_rows

    def spy(tasks, today):
        calls.append(sorted(t.pk for t in tasks))
        return real(tasks, today)

    monkeypatch.setattr(task_table, "task_rows", spy)
    return calls


def _accept_final(world, assignment) -> None:
    report = services.submit_report(
        world.nhatrang, assignment, narrative="Đã xong", progress=100, is_final=True
    )
    services.review_report(world.coordinator, report, accept=True, version=None)


def test_a_report_on_a_task_renders_that_tasks_row_again_and_no_other(
    client, world, district_task, monkeypatch, django_assert_max_num_queries
):
    other = services.create_task(
        world.coordinator, world.plan, title="Nhiệm vụ khác", lead_agencies=[world.cam_ranh]
    )
    url = reverse("plans:task-list", args=[world.plan.pk])
    client.force_login(world.leadership)
    rendered = _rendered_rows(monkeypatch)
    first = client.get(url).content.decode()
    assert rendered == [sorted([district_task.pk, other.pk])]
    done_before = first.count(">1/")

    _accept_final(world, district_task.assignments.get(agency=world.nha_trang))
    # Session, user, plan with its revisions, the rows' counters, the reported task with its
    # units and assignments: the frame and the other rows come from the cache.
    with django_assert_max_num_queries(7):
        body = client.get(url).content.decode()
    assert rendered[1:] == [[district_task.pk]]
    assert body.count(">1/") == done_before + 1  # the reported task's row shows it done

    services.update_task(world.coordinator, other, version=other.version, title="Tên khác")
    body = client.get(url).content.decode()
    assert rendered[2:] == [sorted([district_task.pk, other.pk])]  # shared data: every row
    assert "Tên khác" in body


def test_a_status_filtered_task_list_follows_the_statuses(client, world, district_task):
    """Under a filter on the work (status, overdue, agency) the page's tasks change with a
    report: that page is keyed on every change of the province."""
    url = reverse("plans:task-list", args=[world.plan.pk])
    overdue = {"agency": world.nha_trang.pk, "status": "overdue"}
    late = {"agency": world.nha_trang.pk, "status": "done_late"}
    client.force_login(world.leadership)
    row = f'data-task="{district_task.pk}"'
    assert row in client.get(url, overdue).content.decode()  # deadline 30/06, today 15/08
    assert row not in client.get(url, late).content.decode()
    _accept_final(world, district_task.assignments.get(agency=world.nha_trang))
    assert row not in client.get(url, overdue).content.decode()
    assert row in client.get(url, late).content.decode()
