"""Submitting a progress report through the API (multipart with evidence files)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from chiso.audit.models import AuditEntry
from chiso.plans.models import Evidence, ProgressReport
from tests.api.world import PDF_BYTES

pytestmark = pytest.mark.django_db


def _url(assignment: Any) -> str:
    return f"/api/v1/assignments/{assignment.pk}/reports/"


def _form(**extra: Any) -> dict[str, Any]:
    return {
        "narrative": "Đã niêm yết công khai quy hoạch tại 27 xã, phường.",
        "figures": "27/27 xã, phường",
        "progress": "60",
        "evidence": SimpleUploadedFile("niem-yet.pdf", PDF_BYTES, "application/pdf"),
        **extra,
    }


def test_supervisor_submits_on_requested_task_with_bearer(world: Any, bearer: Any) -> None:
    assignment = world.home.assignment_front
    response = Client().post(_url(assignment), _form(), headers=bearer("supervisor"))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["progress"] == 60 and body["state"]["code"] == "submitted"
    assert body["evidence"][0]["name"] == "niem-yet.pdf"
    assert body["evidence"][0]["content_type"] == "application/pdf"
    report = ProgressReport.objects.get(pk=body["id"])
    assert report.author == world.users["supervisor"]
    assert AuditEntry.objects.filter(action="report.submit", object_id=str(report.pk)).exists()
    assignment.refresh_from_db()
    assert assignment.last_report_at is not None


def test_a_thread_that_takes_no_report_now_is_409(world: Any, bearer: Any) -> None:
    # Agency A already has a report waiting for review: a well-formed request, the wrong moment.
    response = Client().post(_url(world.home.assignment_a), _form(), headers=bearer("officer_a"))
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "conflict" and "chờ Sở Nội vụ duyệt" in error["message"]


@pytest.mark.parametrize(
    ("extra", "field", "status"),
    [
        ({"revises": ""}, "revises", 400),
        ({"revises": "-1"}, "revises", 400),
        ({"revises": "1e3"}, "revises", 400),
        ({"revises": "99999999999999999999999"}, "revises", 400),
        ({"revises": "9223372036854775807"}, "revises", 409),  # well formed, no such report
        ({"is_final": "yes"}, "is_final", 400),
        ({"narrative": "báo cáo\x00"}, "narrative", 400),
        ({"figures": "\x00"}, "figures", 400),
        ({"narrative": "   "}, "narrative", 400),
        ({"progress": "60", "is_final": "true"}, "progress", 400),
        ({"narrative": "x" * 20_001}, "narrative", 400),  # over the report text limit
        ({"figures": "1" * 20_001}, "figures", 400),
        ({"evidence": "%PDF-1.4 sent as text"}, "evidence", 400),
    ],
)
def test_malformed_fields_are_named(
    world: Any, bearer: Any, extra: dict[str, str], field: str, status: int
) -> None:
    response = Client().post(
        _url(world.home.assignment_front), _form(**extra), headers=bearer("supervisor")
    )
    assert response.status_code == status, response.content
    assert response.json()["error"]["field"] == field
    assert not ProgressReport.objects.filter(assignment=world.home.assignment_front).exists()


def test_who_may_not_submit_hears_so_before_the_fields_are_read(world: Any, bearer: Any) -> None:
    response = Client().post(
        _url(world.home.assignment_front),
        _form(revises="12345", is_final="maybe"),
        headers=bearer("coordinator"),
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_fake_pdf_is_refused_and_nothing_saved(world: Any, bearer: Any) -> None:
    before = (ProgressReport.objects.count(), Evidence.objects.count())
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = Client().post(
        _url(world.home.assignment_front), _form(evidence=fake), headers=bearer("supervisor")
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid"
    assert (ProgressReport.objects.count(), Evidence.objects.count()) == before


def test_bad_progress_names_the_field(world: Any, bearer: Any) -> None:
    response = Client().post(
        _url(world.home.assignment_front), _form(progress="120"), headers=bearer("supervisor")
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "progress"


def test_who_may_not_submit(world: Any, bearer: Any) -> None:
    url = _url(world.home.assignment_front)
    assert Client().post(url, _form(), headers=bearer("leadership")).status_code == 403
    assert Client().post(url, _form(), headers=bearer("coordinator")).status_code == 403
    assert Client().post(url, _form(), headers=bearer("officer_a")).status_code == 404
    assert Client().post(url, _form(), headers=bearer("other_province")).status_code == 404
    assert Client().post(url, _form()).status_code == 401
    assert ProgressReport.objects.filter(assignment=world.home.assignment_front).count() == 0


def test_session_write_needs_csrf(world: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["supervisor"])
    url = _url(world.home.assignment_front)
    refused = client.post(url, _form())
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "csrf_failed"
    client.logout()
    client.get("/dang-nhap/")  # a page with a form sets the CSRF cookie
    client.force_login(world.users["supervisor"])
    secret = client.cookies["csrftoken"].value
    accepted = client.post(url, _form(), headers={"X-CSRFToken": secret})
    assert accepted.status_code == 201, accepted.content


def test_json_body_is_refused_as_unsupported_media_type(world: Any, bearer: Any) -> None:
    response = Client().post(
        _url(world.home.assignment_front),
        {"narrative": "x"},
        content_type="application/json",
        headers=bearer("supervisor"),
    )
    assert response.status_code == 415
    error = response.json()["error"]
    assert error["code"] == "unsupported_media_type" and "multipart/form-data" in error["message"]
