"""The inbox reads its page by id (`representations.report_rows`) and renders it at once
(`reports_json`): its JSON is byte for byte what the detail's representation of each report
(`report_json`, a prefetched model instance) gives: several files per report in their order,
reviewed and returned reports, both languages, every queue."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone, translation

from chiso.api.errors import json_response
from chiso.api.representations import report_json
from chiso.plans.models import ProgressReport, ReportingSettings, ReportState
from tests.api.world import _evidence

pytestmark = pytest.mark.django_db


def _expected(response: Any) -> bytes:
    """The response's own page with each row rendered from its model instance."""
    page = response.json()
    ids = [row["id"] for row in page["results"]]
    rows = (
        ProgressReport.objects.select_related("author", "reviewer", "head_reviewer")
        .prefetch_related("evidence")
        .in_bulk(ids)
    )
    page["results"] = [report_json(rows[pk]) for pk in ids]
    return bytes(json_response(page).content)


def _variety(world: Any) -> None:
    """A second file on one report; a report returned with a reviewer and a comment; one
    waiting for its agency head's sign-off."""
    home, users = world.home, world.users
    _evidence(home.report_a, users["officer_a"])
    returned = ProgressReport.objects.create(
        province=home.province,
        assignment=home.assignment_a,
        author=users["officer_a"],
        narrative="Bị trả “lại” <b>&</b>",
        progress=20,
        state=ReportState.RETURNED,
        reviewer=users["coordinator"],
        reviewed_at=timezone.now(),
        review_comment="Thiếu biên bản",
    )
    _evidence(returned, users["officer_a"])
    rules = ReportingSettings.objects.create(province=home.province)
    rules.signoff_agencies.set([world.agency_a])
    ProgressReport.objects.create(
        province=home.province,
        assignment=home.assignment_a,
        author=users["officer_a"],
        narrative="Chờ lãnh đạo",
        progress=30,
        state=ReportState.AWAITING_HEAD,
    )


@pytest.mark.parametrize(
    ("role", "query"),
    [
        ("coordinator", ""),
        ("coordinator", "?page_size=1&page=2"),
        ("officer_a", "?queue=returned"),
        ("agency_head", "?queue=signoff"),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_inbox_shows_each_report_as_its_detail_does(
    world: Any, client_for: Any, role: str, query: str, language: str
) -> None:
    _variety(world)
    client = client_for(role)
    with translation.override(language):
        response = client.get(f"/api/v1/inbox/{query}", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200
        assert response.json()["results"], (role, query)
        assert response.content == _expected(response)


def test_the_inbox_lists_a_reports_files_in_order(world: Any, client_for: Any) -> None:
    second = _evidence(world.home.report_a, world.users["officer_a"])
    rows = client_for("coordinator").get("/api/v1/inbox/").json()["results"]
    first = next(row for row in rows if row["id"] == world.home.report_a.pk)
    assert [e["id"] for e in first["evidence"]] == [world.home.evidence_a.pk, second.pk]
    assert first["evidence"][1]["download"] == f"/api/v1/evidence/{second.pk}/"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_an_assignments_reports_show_as_their_detail_does(
    world: Any, client_for: Any, language: str
) -> None:
    _variety(world)
    url = f"/api/v1/assignments/{world.home.assignment_a.pk}/reports/"
    with translation.override(language):
        response = client_for("officer_a").get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert len(response.json()["results"]) == 3
        assert response.content == _expected(response)
