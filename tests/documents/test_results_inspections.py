"""The results report carries the inspection results of the plan (issue 7)."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.test import override_settings
from docx import Document

from chiso.accounts.models import Role
from chiso.activities import services
from chiso.activities.models import InspectionKind, Verdict
from chiso.documents.generate import agency_letterhead, results_document
from tests.documents.conftest import TODAY

pytestmark = pytest.mark.django_db


def report_text(plan: Any, agencies: dict[str, Any]) -> str:
    letterhead = agency_letterhead(agencies["home"], "Khánh Hòa", TODAY)
    made = results_document(plan, None, TODAY, letterhead, "docx")
    doc = Document(io.BytesIO(made.content))
    rows = ["\t".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]
    return "\n".join([p.text for p in doc.paragraphs] + rows)


def test_without_inspections_the_report_says_so(plan: Any, agencies: dict[str, Any]) -> None:
    text = report_text(plan, agencies)
    assert "V. KẾT QUẢ KIỂM TRA VIỆC THỰC HIỆN" in text
    assert "Chưa có đợt kiểm tra nào được ghi nhận" in text


@override_settings(CHISO_TODAY=TODAY.isoformat())
def test_visits_findings_and_follow_up_are_reported(
    plan: Any, agencies: dict[str, Any], make_user: Any
) -> None:
    coordinator = make_user("snv", Role.COORDINATOR, plan.province, agencies["home"])
    inspection = services.create_inspection_plan(
        coordinator,
        plan,
        title="Kiểm tra PAPI 2023",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=agencies["home"],
        targets=[agencies["justice"]],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
    )
    visit = services.add_visit(
        coordinator,
        inspection,
        agency=agencies["justice"],
        visited_on=dt.date(2023, 8, 1),
        place="Sở Tư pháp",
        members="Đoàn kiểm tra Sở Nội vụ",
    )
    finding = services.record_finding(
        coordinator, visit, verdict=Verdict.SHORTCOMING, description="Chưa công khai đủ"
    )
    services.add_recommendation(
        coordinator, finding, text="Công khai bổ sung", deadline=dt.date(2023, 8, 10), assign=False
    )
    text = report_text(plan, agencies)
    assert "Đã thực hiện 1 đợt kiểm tra" in text
    assert "1 nội dung còn hạn chế" in text
    assert "Có 1 kiến nghị" in text and "1 chưa giao nhiệm vụ khắc phục" in text
    assert "1\tSở Tư pháp\t1\t1\t0/1\t0" in text
