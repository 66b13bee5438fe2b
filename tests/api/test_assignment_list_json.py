"""The assignment list reads its page as values (`representations.listed_assignments`): its JSON
is byte for byte what the detail's representation of each assignment (`assignment_json`, from
model instances) gives, in every status, in both languages, with the filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from chiso.api.errors import json_response
from chiso.api.representations import assignment_json
from chiso.plans.models import Assignment, Task

pytestmark = pytest.mark.django_db

TODAY = dt.date(2023, 8, 15)


def _statuses(world: Any) -> None:
    """Each of the coordinator's province's assignments in another status."""
    home = world.home
    shapes = [
        {"completed_on": dt.date(2023, 7, 1), "deadline": dt.date(2023, 9, 1)},  # done
        {"completed_on": dt.date(2023, 9, 5), "deadline": dt.date(2023, 9, 1)},  # done late
        {"deadline": dt.date(2023, 8, 1)},  # overdue
        {"deadline": dt.date(2023, 12, 1), "period_due": dt.date(2023, 8, 10)},  # period owed
        {"deadline": dt.date(2023, 12, 1), "progress": 30, "started_on": dt.date(2023, 3, 1)},
        {"deadline": None, "last_report_at": timezone.make_aware(dt.datetime(2023, 8, 2, 9))},
        {"deadline": dt.date(2023, 12, 1)},  # not started
    ]
    for i, shape in enumerate(shapes):
        task = Task.objects.create(
            province=home.province,
            plan=home.plan,
            section=home.section,
            code=f"s{i}",
            title=f"Nhiệm vụ “{i}” <b>&</b>",
            deadline=dt.date(2023, 12, 31),
        )
        for agency in (world.agency_a, world.agency_b):
            Assignment.objects.create(province=home.province, task=task, agency=agency, **shape)


def _expected(response: Any, ids: list[int]) -> bytes:
    """The response's own page with each row rendered from its model instance."""
    rows = Assignment.objects.select_related("task", "agency").in_bulk(ids)
    page = response.json()
    page["results"] = [assignment_json(rows[pk], TODAY) for pk in ids]
    return bytes(json_response(page).content)


@pytest.mark.parametrize(
    "query",
    ["?page_size=200", "?overdue=true", "?overdue=false&page_size=3&page=2", "?status=done_late"],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_list_shows_each_assignment_as_its_detail_does(
    world: Any, client_for: Any, query: str, language: str
) -> None:
    from django.utils import translation

    _statuses(world)
    client = client_for("coordinator")
    with translation.override(language):
        response = client.get(f"/api/v1/assignments/{query}", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        ids = [row["id"] for row in response.json()["results"]]
        assert ids, query
        assert response.content == _expected(response, ids)
    codes = {row["status"]["code"] for row in response.json()["results"]}
    if query == "?page_size=200":
        assert codes == {"done", "done_late", "overdue", "in_progress", "not_started"}


def test_the_labels_follow_the_language(world: Any, client_for: Any) -> None:
    from django.utils import translation

    _statuses(world)
    client = client_for("coordinator")
    labels = {}
    for language in ("vi", "en"):
        with translation.override(language):
            response = client.get(
                "/api/v1/assignments/?overdue=true", HTTP_ACCEPT_LANGUAGE=language
            )
            ids = [row["id"] for row in response.json()["results"]]
            assert response.content == _expected(response, ids)
        labels[language] = response.json()["results"][0]["status"]["label"]
    assert labels["vi"] != labels["en"]
