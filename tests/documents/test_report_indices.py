"""The results and consolidated reports follow the plan's index(es) (issue 18): a PCI plan's
reports are about PCI — headings, summary, the components' table under PCI's own level name, no
computed group (PCI's are published only), where each figure comes from — and a plan with
objectives on several indices has one part per index. Known answers from VCCI's published PCI
(../shared/data/pci, read in place): Khánh Hòa 2020 63,98, 26/63; absent from the 2021–2024
tables (the top 30)."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from docx import Document

from chiso.documents.consolidated import Heading, Para, TableBlock, report_blocks, summary_line
from chiso.documents.consolidated_service import Sources, report_input
from chiso.documents.generate import agency_letterhead, results_document
from chiso.documents.models import ConsolidatedDraft
from chiso.documents.period import PeriodKind
from chiso.documents.report_indices import index_sections
from chiso.index import load_papi
from chiso.index.results import Results
from chiso.plans.models import Objective, Plan
from tests.conftest import PAPI_DATA_DIR

pytestmark = pytest.mark.django_db
PCI_DIR = PAPI_DATA_DIR.parent / "pci"
JUNE_2021 = dt.date(2021, 6, 1)


@pytest.fixture(scope="module")
def papi() -> Results:
    return load_papi(PAPI_DATA_DIR)


@pytest.fixture
def pci_stored(settings: Any) -> None:
    from chiso.results.store import invalidate

    settings.CHISO_TODAY = "2025-06-01"  # every stored PCI year in use
    invalidate()
    call_command("import_results", str(PCI_DIR), "--index", "PCI", stdout=StringIO())


def _on_pci(plan: Plan) -> Plan:
    """The documents' Khánh Hòa 2023 plan made a PCI plan with two PCI objectives."""
    plan.index = "PCI"
    plan.title = "Kế hoạch cải thiện, nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2023"
    plan.save(update_fields=["index", "title"])
    plan.objectives.all().delete()
    for order, (code, text, kind, value) in enumerate(
        [("1", "PCI đạt từ 68 điểm", "aggregate_score_min", 68),
         ("2", "PCI tăng hạng", "aggregate_rank_improves", None)], 1
    ):  # fmt: skip
        Objective.objects.create(
            plan=plan, code=code, text=text, kind=kind, value=value, index="PCI", order=order
        )
    return plan


def _docx(plan: Plan, papi: Results, day: dt.date, agencies: dict[str, Any]) -> Any:
    letterhead = agency_letterhead(agencies["home"], "Khánh Hòa", day)
    return Document(io.BytesIO(results_document(plan, papi, day, letterhead).content))


def _body(doc: Any) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_a_pci_plans_results_report_is_about_pci(
    plan: Plan, papi: Results, pci_stored: None, agencies: dict[str, Any]
) -> None:
    """Dated 01/06/2021, handed PAPI's results as the documents do: part I is PCI 2020, its
    ten components under "Chỉ số thành phần" without a group column, the published rank said
    to be published; no PAPI heading, caption or closing anywhere."""
    doc = _docx(_on_pci(plan), papi, JUNE_2021, agencies)
    body = _body(doc)
    assert "Kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số PCI năm 2023" in body
    assert "I. KẾT QUẢ CHỈ SỐ PCI NĂM 2020" in body
    assert (
        "Chỉ số tổng hợp PCI năm 2020 của tỉnh Khánh Hòa đạt 63,98 điểm; thấp hơn trung bình "
        "chung các tỉnh/thành phố 0,40 điểm, xếp thứ hạng 26/63 tỉnh/thành phố"
    ) in body
    assert (
        "Nguồn số liệu của năm 2020: số liệu công bố: điểm tổng hợp, thứ hạng; không có trong "
        "số liệu: nhóm."
    ) in body
    # VCCI published only Khánh Hòa's composite for 2020: said so, no empty table or chart.
    assert "Số liệu PCI năm 2020 chỉ có điểm tổng hợp, không có điểm các chỉ số thành phần." in body
    assert "Kết quả Chỉ số PCI năm 2023 chưa được công bố" in body
    assert "Biểu đồ 1. Tình hình thực hiện theo từng mục của kế hoạch" in body
    assert "nâng cao Chỉ số PCI năm 2023 của tỉnh Khánh Hòa./." in body
    assert "PAPI" not in body
    objectives = next(t for t in doc.tables if t.cell(0, 0).text == "TT")
    assert [c.text for c in objectives.rows[1].cells][1:3] == [
        "PCI đạt từ 68 điểm", "63,98 / 68,00 — thiếu 4,02 điểm"
    ]  # fmt: skip


def test_a_pci_part_with_its_components(papi: Results) -> None:
    """Đồng Tháp PCI 2019 (VCCI's complete row: 72,10, 2/63, "Rất tốt"): the ten components
    under "Chỉ số thành phần" with their points, no group column (PCI's components have none)
    and no chart (2019's table is short of the field: no national mean to compare with)."""
    from chiso.documents.decree30 import OfficialDocument
    from chiso.documents.letterhead import home_affairs_letterhead
    from chiso.documents.report_indices import IndexSection
    from chiso.documents.results_sections import index_results
    from chiso.index import compute, read_wide

    pci = compute(read_wide(PCI_DIR, "PCI"))
    profile = pci.profile("Đồng Tháp", 2019)
    doc = OfficialDocument(home_affairs_letterhead("Đồng Tháp", JUNE_2021).head("BC", "BC", "x"))
    section = IndexSection("PCI", pci.framework, profile, 2019)
    assert index_results(doc, (section,), "Đồng Tháp", "tỉnh") == 1  # no chart drawn
    body = _body(doc.doc)
    assert "I. KẾT QUẢ CHỈ SỐ PCI NĂM 2019" in body
    assert "đạt 72,10 điểm; chưa có điểm trung bình chung" in body
    assert "xếp thứ hạng 2/63 tỉnh/thành phố" in body and "“Rất tốt”" in body
    assert "số liệu công bố: điểm tổng hợp, thứ hạng, nhóm" in body
    table = doc.doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == [
        "Mã", "Chỉ số thành phần", "Điểm", "Thay đổi", "Hạng"
    ]  # fmt: skip
    assert len(table.rows) == 11
    first = [c.text for c in table.rows[1].cells]
    assert first[2] == "6,37" and first[1]  # entry costs, as published


def test_a_plan_on_several_indices_has_a_part_per_index(
    plan: Plan, papi: Results, pci_stored: None, agencies: dict[str, Any]
) -> None:
    """A PAPI plan with a PCI and a SIPAS objective: PAPI 2020 as always, then PCI 2020, then
    SIPAS without results; each chart numbered in turn, the progress chart after them."""
    for order, (code, index) in enumerate([("6", "PCI"), ("7", "SIPAS")], 10):
        Objective.objects.create(
            plan=plan, code=code, text=f"{index} đạt từ 60", kind="aggregate_score_min",
            value=60, index=index, order=order,
        )  # fmt: skip
    body = _body(_docx(plan, papi, JUNE_2021, agencies))
    assert "nâng cao Chỉ số PAPI năm 2023" in body  # the plan's own index
    parts = [
        "I. KẾT QUẢ CÁC CHỈ SỐ",
        "1. Chỉ số PAPI năm 2020",
        "Kết quả 08 chỉ số nội dung:",
        "Biểu đồ 1. Điểm các chỉ số nội dung năm 2020",
        "2. Chỉ số PCI năm 2020",
        "Chỉ số tổng hợp PCI năm 2020 của tỉnh Khánh Hòa đạt 63,98 điểm",
        "Số liệu PCI năm 2020 chỉ có điểm tổng hợp",
        "3. Chỉ số SIPAS",
        "Chưa có kết quả Chỉ số SIPAS trong hệ thống.",
        "II. KẾT QUẢ THỰC HIỆN MỤC TIÊU",
        "Biểu đồ 2. Tình hình thực hiện theo từng mục của kế hoạch",
    ]
    at = [body.find(p) for p in parts]
    assert -1 not in at and at == sorted(at), dict(zip(parts, at, strict=True))


def test_a_province_left_out_of_the_latest_table_shows_its_latest_year(
    plan: Plan, papi: Results, pci_stored: None
) -> None:
    """01/06/2025: PCI 2024's table (the top 30) leaves Khánh Hòa out: the part says so and
    shows 2020, the latest year with its composite; without any year, it says the index has no
    result for the province."""
    day = dt.date(2025, 6, 1)
    (section,) = index_sections(_on_pci(plan), papi, None, day)
    assert (section.latest_year, section.earlier) == (2023, True)  # the plan's year: 2023
    assert section.profile is not None and section.profile.year == 2020
    assert section.level == "chỉ số thành phần" and not section.computes_groups

    def only_2023(index: str) -> Results | None:
        from chiso.index import compute, read_long

        path = PAPI_DATA_DIR.parent / "pci" / "2023.csv"
        return compute(read_long(_long_2023(path), "PCI")) if index == "PCI" else None

    (missing,) = index_sections(plan, papi, None, day, only_2023)
    assert missing.left_out and missing.profile is None


def _long_2023(path: Any) -> Any:
    """PCI 2023's composite rows as a long file (Thanh Hóa and Đồng Tháp, not Khánh Hòa)."""
    import tempfile
    from pathlib import Path

    out = Path(tempfile.mkdtemp()) / "pci.csv"
    out.write_text(
        "year,province,unit,score\n2023,Thanh Hóa,aggregate,66.79\n2023,Đồng Tháp,aggregate,70\n"
        "2023,Khánh Hòa,aggregate,\n"
    )
    return out


def test_the_consolidated_report_of_a_pci_plan(plan: Plan, papi: Results, pci_stored: None) -> None:
    """The consolidated report's summary, closing and per-component lines follow PCI; the PAPI
    survey part is left out; the PCI objectives' table names PCI."""
    _on_pci(plan)
    assert summary_line(2023, "năm 2023", "PCI") == (
        "Kết quả thực hiện Kế hoạch cải thiện, nâng cao Chỉ số PCI năm 2023"
    )
    draft = ConsolidatedDraft(  # as `chiso report consolidated` makes it: not stored
        province=plan.province, plan=plan, period_kind=PeriodKind.NINE,
        starts_on=dt.date(2023, 1, 1), ends_on=dt.date(2023, 9, 30),
    )  # fmt: skip
    blocks = report_blocks(report_input(draft, Sources(papi, JUNE_2021)))
    text = "\n".join(
        b.text if isinstance(b, (Heading, Para)) else " | ".join(map(" ".join, b.rows))
        for b in blocks
        if isinstance(b, (Heading, Para, TableBlock))
    )
    assert "Kết quả theo từng chỉ số thành phần" in text
    components = text.split("Kết quả theo từng chỉ số thành phần")[1].split("III.")[0]
    assert components.count("- Chỉ số thành phần ") == 10
    # Khánh Hòa 2020 has only the published composite: no component's score to quote.
    assert "kết quả năm" not in components
    assert "khảo sát Chỉ số PAPI" not in text
    assert "Chưa có kết quả Chỉ số PCI" not in text
    assert "nâng cao Chỉ số PCI 9 tháng đầu năm 2023 của tỉnh Khánh Hòa./." in text
    # PAPI only where the fixture's task titles name it.
    assert all("PAPI" not in line or line[:2] in {"1)", "3)"} for line in text.splitlines())
