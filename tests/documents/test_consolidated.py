"""The consolidated report (báo cáo tổng hợp) on the demo: the 9-month report for 2023 names
the agencies that reported, the conference, the posting coverage and the inspection findings;
its objectives read "chưa có kết quả" on 15/08/2023 and are evaluated (3 met, 4 not met) as of
01/06/2024; parts IV–VI are prefilled from the facts, never asking Sở Nội vụ to hurry itself."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from chiso.accounts.models import User
from chiso.documents.consolidated import Heading, Para, TableBlock, report_blocks
from chiso.documents.consolidated_providers import (
    FACT_PROVIDERS,
    PROPOSALS,
    Fact,
    FactContext,
    register_fact_provider,
)
from chiso.documents.consolidated_service import (
    Sources,
    consolidated_document,
    create_draft,
    report_input,
    update_draft,
)
from chiso.documents.editing import EditError
from chiso.documents.generate import agency_letterhead
from chiso.documents.period import PeriodKind, make_period
from chiso.plans.models import Plan

AUGUST = dt.date(2023, 8, 15)
JUNE_2024 = dt.date(2024, 6, 1)


@pytest.fixture
def demo(papi_data_dir: Any, settings: Any) -> Iterator[Plan]:
    from chiso.demo import activities2023, loop2023, organisations, plan2023
    from chiso.results.store import import_results, invalidate

    settings.CHISO_TODAY = AUGUST.isoformat()
    invalidate()
    import_results(papi_data_dir)
    for step in (organisations, plan2023, activities2023, loop2023):
        step.load(lambda line: None)
    yield Plan.objects.get(number=plan2023.NUMBER)
    invalidate()


def _sources(day: dt.date) -> Sources:
    from chiso.results.store import load_results

    return Sources(load_results(as_of=day), day)


def _text(blocks: list[Any]) -> str:
    lines = []
    for b in blocks:
        if isinstance(b, (Heading, Para)):
            lines.append(b.text)
        elif isinstance(b, TableBlock):
            lines += [" | ".join(row) for row in b.rows]
    return "\n".join(lines)


def _draft(plan: Plan, day: dt.date = AUGUST) -> Any:
    return create_draft(User.objects.get(username="sonoivu"), plan, "nine", _sources(day))


def test_periods() -> None:
    nine = make_period(PeriodKind.NINE, 2023)
    assert (nine.starts_on, nine.ends_on, nine.words) == (
        dt.date(2023, 1, 1),
        dt.date(2023, 9, 30),
        "9 tháng đầu năm 2023",
    )
    assert make_period(PeriodKind.HALF, 2023).ends_on == dt.date(2023, 6, 30)
    assert make_period(PeriodKind.YEAR, 2023).words == "năm 2023"
    custom = make_period("custom", 2023, dt.date(2023, 3, 1), dt.date(2023, 8, 15))
    assert custom.words == "từ ngày 01/03/2023 đến ngày 15/08/2023"


@pytest.mark.django_db
def test_nine_month_report_of_2023_on_the_demo(demo: Plan) -> None:
    draft = _draft(demo)
    blocks = report_blocks(report_input(draft, _sources(AUGUST)))
    body = _text(blocks)
    # Part I: the conference, the posting coverage by district, survey support.
    assert "Hội nghị: Hội nghị triển khai giải pháp cải thiện" in body
    assert "320 người tham dự" in body
    assert "niêm yết tại 3/5 xã, phường, thị trấn (60,0%) và 1 nhà văn hóa" in body
    assert "UBND thành phố Nha Trang | 2 | 1 | 1" in body
    assert "khảo sát Chỉ số PAPI năm 2023 từ ngày 11/09/2023 đến ngày 22/09/2023" in body
    # Part II: who reported, with the figures they reported.
    assert (
        "4 cơ quan, đơn vị, địa phương có báo cáo được chấp nhận: Sở Nội vụ, UBND thành phố "
        "Cam Ranh, UBND thành phố Nha Trang, Ủy ban MTTQ Việt Nam tỉnh." in body
    )
    assert "- Sở Nội vụ: Đã tham mưu UBND tỉnh tổ chức hội nghị" in body
    assert "Số liệu: 185 đại biểu dự." in body
    assert "Số liệu: 9/9 thôn, tổ dân phố." in body
    assert "- Chỉ số nội dung 5 (Thủ tục hành chính công): chưa có nhiệm vụ" in body
    # Part III: 2023 is not published on 15/08/2023.
    assert "Kết quả Chỉ số PAPI năm 2023 chưa được công bố nên các mục tiêu chưa có kết quả" in body
    objectives = next(b for b in blocks if isinstance(b, TableBlock) and "Mục tiêu" in b.header)
    assert {row[3] for row in objectives.rows} == {"Chưa có kết quả"}
    assert "Chưa đạt" not in body
    # Part IV: the inspection finding still being remedied; the weak unit without a task.
    assert "Qua kiểm tra tại UBND thành phố Nha Trang (25/07/2023): Quy hoạch" in body
    assert "6.1 Y tế công lập" in draft.limitations
    # Sở Nội vụ states its own late tasks; it never lists itself among the late agencies.
    assert "Sở Nội vụ" not in draft.limitations.split("quá hạn chưa hoàn thành tại")[1]
    request = next(line for line in draft.proposals.splitlines() if "quá hạn" in line)
    assert "Văn phòng UBND tỉnh" in request
    assert "Sở Nội vụ:" in request and ", Sở Nội vụ" not in request
    assert "Sở Nội vụ khẩn trương hoàn thành" in draft.directions


@pytest.mark.django_db
def test_objectives_are_evaluated_as_of_june_2024(demo: Plan) -> None:
    draft = _draft(demo, JUNE_2024)
    blocks = report_blocks(report_input(draft, _sources(JUNE_2024)))
    assert "Có 3/7 mục tiêu đạt theo kết quả năm 2023:" in _text(blocks)
    table = next(b for b in blocks if isinstance(b, TableBlock) and "Mục tiêu" in b.header)
    verdicts = [row[3] for row in table.rows]
    assert (verdicts.count("Đạt"), verdicts.count("Chưa đạt")) == (3, 4)


@pytest.mark.django_db
def test_the_officers_words_are_printed_and_the_annex_follows(demo: Plan) -> None:
    user = User.objects.get(username="sonoivu")
    draft = _draft(demo)
    update_draft(
        user,
        draft,
        {
            "limitations": "Một hạn chế do cán bộ ghi.",
            "causes": "",
            "directions": "",
            "proposals": "",
        },
        draft.version,
    )
    with pytest.raises(EditError):
        update_draft(user, draft, {"causes": "bản cũ"}, draft.version)  # stale version
    draft.refresh_from_db()
    letterhead = agency_letterhead(user.agency, "Khánh Hòa", AUGUST)
    made = consolidated_document(draft, _sources(AUGUST), letterhead, "docx")
    document = Document(io.BytesIO(made.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert "- Một hạn chế do cán bộ ghi." in paragraphs
    assert paragraphs.count("Không có.") == 3  # causes, directions, proposals left blank
    assert "PHỤ LỤC" in paragraphs
    headers = [t.rows[0].cells[1].text for t in document.tables if len(t.rows[0].cells) > 1]
    assert "Cơ quan, đơn vị" in headers and "Nhiệm vụ" in headers
    annex = consolidated_document(draft, _sources(AUGUST), letterhead, "xlsx")
    book = load_workbook(io.BytesIO(annex.content))
    assert book.sheetnames == ["Theo cơ quan", "Theo nhiệm vụ", "Theo kỳ báo cáo"]
    agencies = {row[1]: row for row in book["Theo cơ quan"].iter_rows(min_row=5, values_only=True)}
    assert agencies["Sở Nội vụ"][6] == 2  # two accepted reports: the conference, quarter II


@pytest.mark.django_db
def test_another_app_adds_facts_through_the_registry(demo: Plan) -> None:
    def difficulties(context: FactContext) -> list[Fact]:
        return [Fact(PROPOSALS, f"Kiến nghị từ khó khăn đến ngày {context.cutoff:%d/%m/%Y}.")]

    register_fact_provider(difficulties)
    try:
        draft = _draft(demo)
    finally:
        FACT_PROVIDERS.remove(difficulties)
    assert draft.proposals.splitlines()[-1] == "Kiến nghị từ khó khăn đến ngày 15/08/2023."


@pytest.mark.django_db
def test_a_custom_period_needs_its_dates(demo: Plan) -> None:
    with pytest.raises(EditError):
        create_draft(User.objects.get(username="sonoivu"), demo, "custom", _sources(AUGUST))


@pytest.mark.django_db
def test_the_command_follows_the_as_of_rule(demo: Plan, tmp_path: Any) -> None:
    from django.core.management import CommandError, call_command

    out = tmp_path / "bc.docx"
    args = ["report", "consolidated", "--plan", demo.number, "--period", "nine", "--out", str(out)]
    call_command(*args, "--date", "2023-08-15")
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "9 tháng đầu năm 2023" in body and "các mục tiêu chưa có kết quả" in body
    call_command(*args, "--date", "2024-06-01")
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Có 3/7 mục tiêu đạt theo kết quả năm 2023:" in body
    with pytest.raises(CommandError, match="--from"):
        call_command(*args[:-4], "--period", "custom", "--from", "15/08/2023", "--out", str(out))


def test_a_plan_is_named_once() -> None:
    """ "Thực hiện Kế hoạch số … về cải thiện …", never "… về kế hoạch cải thiện …"."""
    from chiso.documents.phrases import plan_subject

    assert (
        plan_subject("Kế hoạch cải thiện Chỉ số PAPI năm 2023") == "cải thiện Chỉ số PAPI năm 2023"
    )
    assert plan_subject("Cải thiện và nâng cao Chỉ số PAPI") == "cải thiện và nâng cao Chỉ số PAPI"
    assert plan_subject("PAPI 2023: giải pháp") == "PAPI 2023: giải pháp"


def test_a_long_table_never_leaves_a_lone_row_on_a_page() -> None:
    """Rows are kept with the next at the head and at the foot of a long table: at least two
    data rows go with the header, and the last rows are never alone on the next page."""
    from chiso.documents.decree30 import KEEP_TOGETHER_ROWS, DocumentHead, OfficialDocument
    from chiso.documents.letterhead import home_affairs_letterhead

    head: DocumentHead = home_affairs_letterhead("Khánh Hòa", AUGUST).head("BC", "BÁO CÁO", "x")
    doc = OfficialDocument(head)
    rows = [[str(i), "a"] for i in range(KEEP_TOGETHER_ROWS + 10)]
    doc.table(["TT", "Nội dung"], rows, (20, 145))
    table = doc.doc.tables[-1]
    kept = [row.cells[0].paragraphs[0].paragraph_format.keep_with_next for row in table.rows]
    last = len(kept) - 1
    assert kept[:2] == [True, True] and not kept[2]
    assert kept[last - 2 : last] == [True, True] and not kept[last]
