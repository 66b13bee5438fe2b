"""The document register: numbers per province, year and symbol; frozen files; corrections."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.documents.generate import DocumentError
from chiso.documents.models import JobState, RegisterEntry
from chiso.documents.register import IssueRequest, freeze, issue_document
from chiso.plans.models import Plan

ISSUED = dt.date(2023, 9, 30)


@pytest.fixture
def coordinator(make_user: Any, province: Any, agencies: dict[str, Any]) -> Any:
    return make_user("snv", Role.COORDINATOR, province, agencies["home"])


def _request(plan: Plan, kind: str = "plan", **extra: Any) -> IssueRequest:
    values: dict[str, Any] = {
        "kind": kind,
        "fmt": "docx",
        "issued_on": ISSUED,
        "signer": "Lê Văn A",
        "signer_title": "KT. CHỦ TỊCH\r\nPHÓ CHỦ TỊCH",  # as a browser's text box sends it
        "summary": "",
        "plan": plan,
    }
    return IssueRequest(**{**values, **extra})


def _issue(user: Any, request: IssueRequest, capture: Any) -> RegisterEntry:
    with capture(execute=True):
        entry = issue_document(user, request)
    entry.refresh_from_db()
    return entry


def test_numbers_run_per_register_and_the_file_is_frozen(
    coordinator: Any, plan: Plan, inline_jobs: None, django_capture_on_commit_callbacks: Any
) -> None:
    first = _issue(coordinator, _request(plan), django_capture_on_commit_callbacks)
    second = _issue(coordinator, _request(plan), django_capture_on_commit_callbacks)
    report = _issue(coordinator, _request(plan, "results"), django_capture_on_commit_callbacks)
    next_year = _issue(
        coordinator,
        _request(plan, issued_on=dt.date(2024, 1, 5)),
        django_capture_on_commit_callbacks,
    )
    assert [e.number for e in (first, second, report, next_year)] == [
        "1/KH-UBND",
        "2/KH-UBND",
        "1/BC-SNV",
        "1/KH-UBND",
    ]
    assert first.job.state == JobState.DONE
    content = first.file.read()
    assert first.sha256 == hashlib.sha256(content).hexdigest()
    assert first.filename.startswith("1-KH-UBND-")
    header = Document(io.BytesIO(content)).tables[0]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 1/KH-UBND"
    assert header.cell(1, 1).paragraphs[0].text == "Khánh Hòa, ngày 30 tháng 9 năm 2023"
    signature = [p.text for p in Document(io.BytesIO(content)).tables[-1].cell(0, 1).paragraphs]
    assert [t for t in signature if t] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn A"]
    assert first.summary == plan.title
    assert AuditEntry.objects.filter(action="issue", object_id=str(first.pk)).exists()
    assert AuditEntry.objects.filter(action="freeze", object_id=str(first.pk)).exists()
    # A retried job never replaces the issued file.
    freeze(first.job_id, "other/name.docx", "x.docx", b"changed")
    first.refresh_from_db()
    assert first.sha256 == hashlib.sha256(content).hexdigest()


def test_a_correction_keeps_the_number_and_says_why(
    coordinator: Any, plan: Plan, inline_jobs: None, django_capture_on_commit_callbacks: Any
) -> None:
    original = _issue(coordinator, _request(plan), django_capture_on_commit_callbacks)
    with pytest.raises(DocumentError, match="lý do"):
        issue_document(coordinator, _request(plan, corrects=original))
    with pytest.raises(DocumentError, match="cùng loại"):
        issue_document(coordinator, _request(plan, "results", corrects=original, note="Sai"))
    fixed = _issue(
        coordinator,
        _request(plan, corrects=original, note="Sửa thời hạn tại mục II.1"),
        django_capture_on_commit_callbacks,
    )
    assert (fixed.number, fixed.corrects_id) == ("1/KH-UBND", original.pk)
    assert AuditEntry.objects.get(action="correct").note == "Sửa thời hạn tại mục II.1"
    new = _issue(coordinator, _request(plan), django_capture_on_commit_callbacks)
    assert new.number == "2/KH-UBND"


@pytest.mark.parametrize("role", [Role.LEADERSHIP, Role.AGENCY_OFFICER, Role.SUPERVISOR])
def test_only_coordinators_issue(make_user: Any, province: Any, plan: Plan, role: str) -> None:
    user = make_user(f"u-{role}", role, province)
    with pytest.raises(PermissionDenied):
        issue_document(user, _request(plan))
    assert not RegisterEntry.objects.exists()


def test_signer_is_required(coordinator: Any, plan: Plan) -> None:
    with pytest.raises(DocumentError, match="người ký"):
        issue_document(coordinator, _request(plan, signer=" "))


def test_register_page_issues_searches_and_downloads(
    client: Any,
    coordinator: Any,
    plan: Plan,
    inline_jobs: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/tai-lieu/so-van-ban/",
            {
                "kind": "plan",
                "plan": plan.pk,
                "fmt": "docx",
                "issued_on": "30/09/2023",
                "signer": "Lê Văn A",
                "signer_title": "CHỦ TỊCH",
            },
        )
    assert response.status_code == 302
    entry = RegisterEntry.objects.get()
    page = client.get("/tai-lieu/so-van-ban/", {"q": "1/KH"}).content.decode()
    assert f'data-testid="entry-{entry.pk}"' in page and "30/09/2023" in page
    missed = client.get("/tai-lieu/so-van-ban/", {"q": "zzz"}).content.decode()
    assert f'data-testid="entry-{entry.pk}"' not in missed
    download = client.get(f"/tai-lieu/so-van-ban/{entry.pk}/tai-ve/")
    body = b"".join(download.streaming_content)
    assert hashlib.sha256(body).hexdigest() == entry.sha256
