"""Every answer under /api/ is JSON in the documented error shape, whatever went wrong: an
unknown path, a number too big for the database, a body too large, a method, a bug."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _error(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/nope/",
        "/api/v1/plans",  # no trailing slash: not redirected to an HTML-era page
        "/api/v1/plans/abc/",
        "/api/v1/plans/0/",
        "/api/v1/plans/9223372036854775808/",  # one past the largest 64-bit id
        "/api/v1/tasks/99999999999999999999999999/",
        "/api/v1/assignments/null,null/reports/",
        "/api/v1/evidence/-1/",
        "/api/v1/results/1999/ranking/",
        "/api/v1/results/99999999999999999999/provinces/khanh-hoa/",
        "/api/v2/plans/",
        "/api/",
    ],
)
def test_unknown_paths_and_out_of_range_ids_are_json_404(
    world: Any, bearer: Any, path: str
) -> None:
    _error(Client().get(path, headers=bearer("coordinator")), 404, "not_found")
    _error(Client().post(path, headers=bearer("coordinator")), 404, "not_found")


def test_largest_id_is_a_plain_404(world: Any, bearer: Any) -> None:
    response = Client().get("/api/v1/plans/9223372036854775807/", headers=bearer("coordinator"))
    assert _error(response, 404, "not_found")["message"] == "Không tìm thấy."


def test_method_not_allowed_is_json_with_allow(world: Any, bearer: Any) -> None:
    response = Client().delete("/api/v1/plans/", headers=bearer("coordinator"))
    _error(response, 405, "method_not_allowed")
    assert response["Allow"] == "GET, HEAD"


def test_oversize_body_is_json_413(world: Any, bearer: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = Client().post(
        f"/api/v1/assignments/{world.home.assignment_front.pk}/reports/",
        {"narrative": "x" * 5000, "progress": "10"},
        headers=bearer("supervisor"),
    )
    _error(response, 413, "too_large")


def test_too_many_fields_is_json_400(world: Any, bearer: Any, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    response = Client().post(
        f"/api/v1/assignments/{world.home.assignment_front.pk}/reports/",
        {f"f{i}": "x" for i in range(20)},
        headers=bearer("supervisor"),
    )
    _error(response, 400, "bad_request")


def test_a_bug_is_json_500_and_still_logged(
    world: Any, bearer: Any, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    from chiso.api import views

    def broken(plan: Any) -> dict[str, Any]:
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "plan_json", broken)
    client = Client(raise_request_exception=False)
    response = client.get("/api/v1/plans/", headers=bearer("coordinator"))
    error = _error(response, 500, "server_error")
    assert "boom" not in error["message"]
    assert any(r.name == "django.request" and r.exc_info for r in caplog.records)
    # …and Django still handles it as a bug: the test client (like an error mail) sees it.
    with pytest.raises(RuntimeError, match="boom"):
        Client().get("/api/v1/plans/", headers=bearer("coordinator"))


def test_a_locked_database_is_json_503_busy(
    world: Any, bearer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import OperationalError

    from chiso.api import views

    def locked(plan: Any) -> dict[str, Any]:
        raise OperationalError("database is locked")

    monkeypatch.setattr(views, "plan_json", locked)
    response = Client().get("/api/v1/plans/", headers=bearer("coordinator"))
    _error(response, 503, "busy")
    assert response["Retry-After"] == "5"


@pytest.mark.parametrize("query", ["year=99999999999999999999", "year=1999", "year=2101"])
def test_out_of_range_year_is_400(world: Any, bearer: Any, query: str) -> None:
    for path in ("/api/v1/plans/", f"/api/v1/plans/{world.home.plan.pk}/objectives/"):
        response = Client().get(f"{path}?{query}", headers=bearer("coordinator"))
        assert _error(response, 400, "bad_request")["field"] == "year"


@pytest.mark.parametrize(
    ("path", "api"), [("/api/v1/plans/", True), ("/api/x", True), ("/ke-hoach/", False)]
)
def test_errors_before_any_view_are_json_only_under_api(rf: Any, path: str, api: bool) -> None:
    """A middleware failing or a forged Host header never reaches the API's views: the site's
    400 and 500 handlers answer JSON there and keep Django's pages elsewhere."""
    from django.core.exceptions import SuspiciousOperation
    from django.urls import get_resolver

    resolver = get_resolver()
    request = rf.get(path)
    answers = {
        400: resolver.resolve_error_handler(400)(request, SuspiciousOperation("forged")),
        500: resolver.resolve_error_handler(500)(request),
    }
    for status, response in answers.items():
        assert response.status_code == status
        if api:
            _error(response, status, "bad_request" if status == 400 else "server_error")
        else:
            assert response["Content-Type"].startswith("text/html")
