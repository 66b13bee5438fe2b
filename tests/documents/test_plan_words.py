"""A plan document's stored words and the province's reusable "Nơi nhận" lists."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from docx import Document

from chiso.accounts.models import Role
from chiso.audit.models import AuditEntry
from chiso.documents.editing import EditError, save_plan_text, save_recipient_list
from chiso.documents.generate import plan_document
from chiso.documents.models import DocumentKind, RecipientList
from chiso.plans.models import Plan
from tests.documents.conftest import TODAY


@pytest.fixture
def coordinator(make_user: Any, province: Any, agencies: dict[str, Any]) -> Any:
    return make_user("snv", Role.COORDINATOR, province, agencies["home"])


def _texts(plan: Plan) -> tuple[list[str], list[str]]:
    doc = Document(io.BytesIO(plan_document(plan, None, TODAY).content))
    body = [p.text for p in doc.paragraphs if p.text.strip()]
    recipients = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs if p.text]
    return body, recipients


def test_stored_purpose_requirements_and_implementation_are_printed(
    coordinator: Any, plan: Plan
) -> None:
    save_plan_text(
        coordinator,
        plan,
        purpose="- Nâng cao hiệu quả quản trị\nPhát huy sự tham gia của Nhân dân",
        requirements="Nhiệm vụ thường xuyên, liên tục",
        implementation="1. Công an tỉnh, Bảo hiểm xã hội tỉnh thực hiện Khoản 1, 2, 3 Phần II.",
    )
    body, _ = _texts(plan)
    i = body.index("I. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU CỦA KẾ HOẠCH")
    assert body[i + 1 : i + 6] == [
        "1. Mục đích",
        "- Nâng cao hiệu quả quản trị",
        "- Phát huy sự tham gia của Nhân dân",
        "2. Yêu cầu",
        "- Nhiệm vụ thường xuyên, liên tục",
    ]
    assert body[i + 6] == "3. Mục tiêu"
    j = body.index("III. TỔ CHỨC THỰC HIỆN")
    assert body[j + 1] == "1. Công an tỉnh, Bảo hiểm xã hội tỉnh thực hiện Khoản 1, 2, 3 Phần II."
    entry = AuditEntry.objects.get(action="create", object_repr=str(plan))
    assert entry.changes["requirements"] == ["", "Nhiệm vụ thường xuyên, liên tục"]


def test_recipients_come_from_the_document_then_the_default_list(
    coordinator: Any, plan: Plan
) -> None:
    _, recipients = _texts(plan)
    assert recipients[1] == "- Các cơ quan, đơn vị, địa phương được giao nhiệm vụ;"
    save_recipient_list(
        coordinator,
        None,
        name="Kế hoạch PAPI",
        kind=DocumentKind.PLAN,
        lines="TT. Tỉnh ủy, TT. HĐND tỉnh (VBĐT)\nLưu: VT, SNV",
        is_default=True,
    )
    _, recipients = _texts(plan)
    assert recipients == ["Nơi nhận:", "- TT. Tỉnh ủy, TT. HĐND tỉnh (VBĐT);", "- Lưu: VT, SNV."]
    save_plan_text(coordinator, plan, recipients="Bộ Nội vụ\nLưu: VT")
    _, recipients = _texts(plan)
    assert recipients == ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT."]


def test_one_default_list_per_kind(coordinator: Any) -> None:
    first = save_recipient_list(
        coordinator, None, name="A", kind="plan", lines="Sở Nội vụ", is_default=True
    )
    second = save_recipient_list(
        coordinator, None, name="B", kind="plan", lines="Bộ Nội vụ", is_default=True
    )
    first.refresh_from_db()
    assert (first.is_default, second.is_default) == (False, True)
    with pytest.raises(EditError, match="Đã có danh sách"):
        save_recipient_list(coordinator, None, name="A", kind="", lines="x")
    with pytest.raises(EditError, match="ít nhất một dòng"):
        save_recipient_list(coordinator, None, name="C", kind="", lines=" \n- \n")
    assert RecipientList.objects.count() == 2


def test_leadership_reads_but_may_not_edit(make_user: Any, province: Any, plan: Plan) -> None:
    boss = make_user("ld", Role.LEADERSHIP, province)
    with pytest.raises(PermissionDenied):
        save_plan_text(boss, plan, purpose="x")
    with pytest.raises(PermissionDenied):
        save_recipient_list(boss, None, name="x", lines="y")


def test_coordinator_edits_words_in_the_browser_form(
    client: Any, coordinator: Any, plan: Plan
) -> None:
    client.force_login(coordinator)
    url = f"/tai-lieu/ke-hoach/{plan.pk}/loi-van/"
    assert "Lời văn kế hoạch" in client.get(url).content.decode()
    response = client.post(url, {"purpose": "Mục đích một", "closing": "Trên đây là Kế hoạch./."})
    assert response.status_code == 302
    body, _ = _texts(plan)
    assert "- Mục đích một" in body and body[-1] == "Trên đây là Kế hoạch./."


def test_a_report_takes_the_default_list_for_its_kind(
    coordinator: Any, plan: Plan, inline_jobs: None, django_capture_on_commit_callbacks: Any
) -> None:
    from chiso.documents.services import request_document

    save_recipient_list(
        coordinator,
        None,
        name="Báo cáo của Sở Nội vụ",
        kind=DocumentKind.RESULTS,
        lines="UBND tỉnh (để báo cáo)\nBộ Nội vụ (để báo cáo)\nLưu: VT, SNV",
        is_default=True,
    )
    with django_capture_on_commit_callbacks(execute=True):
        job = request_document(coordinator, "results", "docx", plan=plan)
    job.refresh_from_db()
    doc = Document(io.BytesIO(job.file.read()))
    recipients = [p.text for p in doc.tables[-1].cell(0, 0).paragraphs if p.text]
    assert recipients == [
        "Nơi nhận:",
        "- UBND tỉnh (để báo cáo);",
        "- Bộ Nội vụ (để báo cáo);",
        "- Lưu: VT, SNV.",
    ]
