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
