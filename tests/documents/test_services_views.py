"""Requesting documents: who may, what is checked, the job's life, and downloads scoped to the
user's province."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from docx import Document

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.documents.generate import DocumentError
from chiso.documents.models import DocumentJob, JobState
from chiso.documents.services import request_document, run_job
from chiso.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user: Any, province: Any, agencies: dict[str, Any]) -> Any:
    return make_user("snv", Role.COORDINATOR, province, agencies["home"])


def test_coordinator_gets_a_finished_plan_document(
    coordinator: Any, plan: Plan, inline_jobs: None, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        job = request_document(coordinator, "plan", "docx", plan=plan)
    job.refresh_from_db()
    assert (job.state, job.progress, job.filename) == (JobState.DONE, 100, "ke-hoach-2023.docx")
    doc = Document(io.BytesIO(job.file.read()))
    header = doc.tables[0]
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH KHÁNH HÒA",
    ]
    assert header.cell(1, 0).paragraphs[0].text == "Số: 1234/KH-UBND"
    assert header.cell(1, 1).paragraphs[0].text == "Khánh Hòa, ngày 20 tháng 5 năm 2023"
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    assert texts[0] == "KẾ HOẠCH" and texts[1].startswith("Cải thiện và nâng cao")
    assert "- Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên" in texts
    # The seed's numbering: "1." for a section of part II, one paragraph per single task.
    assert "1. Quán triệt, chỉ đạo triển khai" in texts
    assert "UBND thành phố Nha Trang công khai thu, chi ngân sách cấp xã." in texts
    assert (
        "UBND thành phố Nha Trang; đề nghị Ủy ban MTTQ Việt Nam tỉnh tuyên truyền kết quả Chỉ số "
        "PAPI đến thôn, tổ dân phố (hoàn thành trước ngày 31/12/2023)." in texts
    )
    assert texts.count("III. TỔ CHỨC THỰC HIỆN") == 1
    assert not any("Kế hoạch kế hoạch" in t or "II.1." in t for t in texts)
    assert any(
        t.endswith(
            "ban hành Kế hoạch cải thiện và nâng cao Chỉ số Hiệu quả Quản trị và "
            "Hành chính công tỉnh Khánh Hòa năm 2023."
        )
        for t in texts
    )
    signature = doc.tables[-1].cell(0, 1)
    assert [p.text for p in signature.paragraphs if p.text] == [
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Tân Tuân",
    ]
    assert AuditEntry.objects.filter(action="create", object_id=str(job.pk)).exists()


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.AGENCY_HEAD, Role.SUPERVISOR])
def test_agency_staff_may_not_request(make_user: Any, province: Any, plan: Plan, role: str) -> None:
    user = make_user(f"u-{role}", role, province)
    with pytest.raises(PermissionDenied):
        request_document(user, "plan", "docx", plan=plan)
    assert not DocumentJob.objects.exists()


def test_plan_of_another_province_is_refused(
    make_user: Any, other_province: Any, plan: Plan
) -> None:
    outsider = make_user("hn", Role.COORDINATOR, other_province)
    with pytest.raises(PermissionDenied):
        request_document(outsider, "results", "docx", plan=plan)


@pytest.mark.parametrize(
    ("kind", "fmt", "with_plan", "year", "message"),
    [
        ("results", "docx", False, None, "Chọn kế hoạch"),
        ("analysis", "docx", False, None, "Chọn năm"),
        ("annex", "pdf", True, None, "không dùng cho loại văn bản này"),
        ("letter", "docx", True, None, "Loại văn bản không hợp lệ"),
    ],
)
def test_bad_requests_name_the_problem(
    coordinator: Any,
    plan: Plan,
    kind: str,
    fmt: str,
    with_plan: bool,
    year: int | None,
    message: str,
) -> None:
    with pytest.raises(DocumentError, match=message):
        request_document(coordinator, kind, fmt, plan=plan if with_plan else None, year=year)
    assert not DocumentJob.objects.exists()


def test_pdf_without_libreoffice_fails_at_request_time(
    coordinator: Any, plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHISO_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(DocumentError, match="LibreOffice"):
        request_document(coordinator, "results", "pdf", plan=plan)
    assert not DocumentJob.objects.exists()


def test_analysis_without_stored_results_fails_with_a_reason(coordinator: Any) -> None:
    job = DocumentJob.objects.create(
        province=coordinator.province,
        requested_by=coordinator,
        kind="analysis",
        fmt="docx",
        year=2022,
    )
    run_job(job.pk)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "import-results" in job.error and not job.file


def test_page_request_and_download(
    client: Any, coordinator: Any, plan: Plan, inline_jobs: None
) -> None:
    client.force_login(coordinator)
    page = reverse("documents:page")
    response = client.get(page)
    assert response.status_code == 200
    assert response.context["form"]["plan"].value() == plan.pk  # the plan being carried out
    with_callbacks = client.post(page, {"kind": "annex", "plan": plan.pk, "fmt": "xlsx"})
    assert with_callbacks.status_code == 302
    job = DocumentJob.objects.get()
    # The test client runs inside a transaction: run the job as the on-commit hook would.
    run_job(job.pk)
    status = client.get(reverse("documents:status", args=[job.pk]))
    assert b"documents:download" not in status.content and b"tai-ve" in status.content
    assert b"hx-trigger" not in status.content  # finished: polling stops
    download = client.get(reverse("documents:download", args=[job.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"].endswith('filename="phu-luc-phan-cong-2023.xlsx"')


def test_pending_job_row_polls(client: Any, coordinator: Any, plan: Plan) -> None:
    job = DocumentJob.objects.create(
        province=coordinator.province,
        requested_by=coordinator,
        kind="plan",
        fmt="docx",
        plan=plan,
        progress=40,
        state=JobState.RUNNING,
        step="Nhiệm vụ, giải pháp",
    )
    client.force_login(coordinator)
    row = client.get(reverse("documents:status", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in row and 'aria-valuenow="40"' in row
    assert "40% — Nhiệm vụ, giải pháp" in row


def test_form_error_is_shown_and_nothing_queued(client: Any, coordinator: Any) -> None:
    client.force_login(coordinator)
    response = client.post(reverse("documents:page"), {"kind": "results", "fmt": "docx"})
    assert response.status_code == 200
    assert "Chọn kế hoạch." in response.content.decode()
    assert not DocumentJob.objects.exists()


def test_other_province_and_agency_staff_get_nothing(
    client: Any,
    coordinator: Any,
    plan: Plan,
    make_user: Any,
    other_province: Any,
    province: Any,
    inline_jobs: None,
) -> None:
    job = DocumentJob.objects.create(
        province=coordinator.province, requested_by=coordinator, kind="annex", fmt="xlsx", plan=plan
    )
    run_job(job.pk)
    outsider = make_user("hn", Role.COORDINATOR, other_province)
    client.force_login(outsider)
    assert client.get(reverse("documents:download", args=[job.pk])).status_code == 404
    assert client.get(reverse("documents:status", args=[job.pk])).status_code == 404
    officer = make_user("officer", Role.AGENCY_OFFICER, province)
    client.force_login(officer)
    assert client.get(reverse("documents:page")).status_code == 403
    assert client.get(reverse("documents:download", args=[job.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("documents:page")).status_code == 302  # to the log-in page


def test_leadership_may_request(make_user: Any, province: Any, plan: Plan) -> None:
    leader = make_user("ld", Role.LEADERSHIP, province)
    job = request_document(leader, "results", "docx", plan=plan)
    assert job.state == JobState.QUEUED and job.requested_by == leader
