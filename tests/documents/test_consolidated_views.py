"""The consolidated report pages: a coordinator makes a draft, edits its words, previews it,
generates it through the job queue and issues it through the register; leadership reads only;
other provinces get 404. Issuing the analysis report registers it too."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from docx import Document

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.documents.models import ConsolidatedDraft, DocumentJob, JobState, RegisterEntry
from chiso.documents.register import IssueRequest, issue_document
from chiso.plans.models import Plan
from tests.documents.test_register import ISSUED

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user: Any, province: Any, agencies: dict[str, Any]) -> Any:
    return make_user("snv", Role.COORDINATOR, province, agencies["home"])


@pytest.fixture
def draft(client: Any, coordinator: Any, plan: Plan) -> ConsolidatedDraft:
    client.force_login(coordinator)
    response = client.post("/tai-lieu/bao-cao-tong-hop/", {"plan": plan.pk, "period_kind": "nine"})
    made = ConsolidatedDraft.objects.get()
    assert response.status_code == 302 and response.url == f"/tai-lieu/bao-cao-tong-hop/{made.pk}/"
    return made


def test_the_current_plan_is_chosen(client: Any, coordinator: Any, plan: Plan) -> None:
    ahead = Plan.objects.create(
        province=plan.province,
        number="9/KH-UBND",
        title="Kế hoạch năm sau",
        year=2024,
        baseline_year=2023,
    )
    client.force_login(coordinator)
    for url in ("/tai-lieu/bao-cao-tong-hop/", "/tai-lieu/", "/tai-lieu/so-van-ban/"):
        form = client.get(url).context["form"]
        assert form.fields["plan"].initial == plan.pk, url  # 2023 on 15/08/2023, not 2024
        assert list(form.fields["plan"].queryset)[-1] == ahead


def test_coordinator_edits_previews_generates_and_issues(
    client: Any,
    draft: ConsolidatedDraft,
    inline_jobs: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    assert draft.starts_on.isoformat() == "2023-01-01" and draft.ends_on.isoformat() == "2023-09-30"
    assert "Sở Tư pháp" in draft.proposals  # its task is overdue on 15/08/2023
    page = client.get(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/").content.decode()
    assert "9 tháng đầu năm 2023" in page
    response = client.post(
        f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/",
        {
            "limitations": "Hạn chế A",
            "causes": "Nguyên nhân B",
            "directions": "",
            "proposals": "Kiến nghị C",
            "version": draft.version,
        },
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.limitations, draft.version) == ("Hạn chế A", 2)
    assert AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ConsolidatedDraft),
        action="update",
        object_id=str(draft.pk),
    ).exists()
    preview = client.get(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/xem-truoc/").content.decode()
    assert "I. CÔNG TÁC TRIỂN KHAI" in preview and "- Kiến nghị C" in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/tao/", {"fmt": "docx"})
    job = DocumentJob.objects.get(draft=draft)
    assert job.state == JobState.DONE, job.error
    text = "\n".join(p.text for p in Document(io.BytesIO(job.file.read())).paragraphs)
    assert "- Nguyên nhân B" in text
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/ban-hanh/",
            {
                "fmt": "docx",
                "issued_on": "05/07/2023",
                "signer": "Nguyễn Văn B",
                "signer_title": "KT. GIÁM ĐỐC\r\nPHÓ GIÁM ĐỐC",
            },
        )
    assert response.status_code == 302
    entry = RegisterEntry.objects.get()
    assert (entry.number, entry.kind, entry.plan_id) == ("1/BC-SNV", "consolidated", draft.plan_id)
    assert entry.summary.endswith("9 tháng đầu năm 2023") and entry.sha256
    issued = Document(io.BytesIO(entry.file.read()))
    assert "Số: 1/BC-SNV" in issued.tables[0].cell(1, 0).text


def test_a_custom_period_without_dates_is_refused(
    client: Any, coordinator: Any, plan: Plan
) -> None:
    client.force_login(coordinator)
    response = client.post(
        "/tai-lieu/bao-cao-tong-hop/", {"plan": plan.pk, "period_kind": "custom"}
    )
    assert response.status_code == 200 and "Nhập ngày bắt đầu" in response.content.decode()
    assert not ConsolidatedDraft.objects.exists()


def test_leadership_reads_but_does_not_edit(
    client: Any, draft: ConsolidatedDraft, make_user: Any, province: Any
) -> None:
    client.force_login(make_user("ld", Role.LEADERSHIP, province))
    assert client.get(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/").status_code == 200
    assert client.post(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/", {}).status_code == 403
    assert client.post(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/ban-hanh/", {}).status_code == 403


def test_other_provinces_get_404(
    client: Any, draft: ConsolidatedDraft, make_user: Any, other_province: Any
) -> None:
    other = make_user("x", Role.COORDINATOR, other_province)
    client.force_login(other)
    assert client.get(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/").status_code == 404
    assert client.get(f"/tai-lieu/bao-cao-tong-hop/{draft.pk}/xem-truoc/").status_code == 404


def test_issuing_the_analysis_report_registers_it(
    coordinator: Any,
    papi_data_dir: Any,
    inline_jobs: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    from chiso.results.store import import_results, invalidate

    invalidate()
    import_results(papi_data_dir)
    request = IssueRequest(
        kind="analysis",
        fmt="docx",
        issued_on=ISSUED,
        signer="Lê Văn A",
        signer_title="GIÁM ĐỐC",
        summary="",
        results_year=2022,
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            entry = issue_document(coordinator, request)
    finally:
        invalidate()
    entry.refresh_from_db()
    assert (entry.number, entry.summary) == ("1/BC-SNV", "Kết quả Chỉ số PAPI năm 2022")
    assert entry.sha256 and entry.frozen_at is not None
    head = Document(io.BytesIO(entry.file.read())).tables[0]
    assert "Số: 1/BC-SNV" in head.cell(1, 0).text
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(RegisterEntry), object_id=str(entry.pk)
    )
    actions = set(entries.values_list("action", flat=True))
    assert actions == {"issue", "freeze"}
