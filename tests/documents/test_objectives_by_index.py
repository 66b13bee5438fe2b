"""The results report and the consolidated report judge each objective on its own index
(issue 18): a PAPI plan's PCI objective on VCCI's published PCI (../shared/data/pci, read in
place), each index on the latest year the report may cite, the index named after the text."""

from __future__ import annotations

import datetime as dt
import io
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from docx import Document

from chiso.documents.generate import agency_letterhead, results_document
from chiso.documents.report_objectives import report_objectives
from chiso.documents.results_report import objectives_table
from chiso.index import load_papi
from chiso.index.results import Results
from chiso.plans.models import Objective, Plan
from tests.conftest import PAPI_DATA_DIR

pytestmark = pytest.mark.django_db
PCI_DIR = PAPI_DATA_DIR.parent / "pci"


@pytest.fixture(scope="module")
def papi() -> Results:
    return load_papi(PAPI_DATA_DIR)


@pytest.fixture
def with_pci(plan: Plan, settings: Any) -> Plan:
    """The documents' Khánh Hòa 2023 PAPI plan with a PCI and a SIPAS objective; PCI imported
    (Khánh Hòa 2020: 63,98, 26/63; not in VCCI's 2021–2024 tables), SIPAS not."""
    from chiso.results.store import invalidate

    settings.CHISO_TODAY = "2025-06-01"  # every stored PCI year in use
    invalidate()
    call_command("import_results", str(PCI_DIR), "--index", "PCI", stdout=StringIO())
    for order, (code, text, index, value) in enumerate(
        [("6", "PCI đạt từ 60 điểm", "PCI", 60), ("7", "SIPAS đạt từ 85%", "SIPAS", 85)], 10
    ):
        Objective.objects.create(
            plan=plan, code=code, text=text, kind="aggregate_score_min", value=value,
            index=index, order=order,
        )  # fmt: skip
    return plan


def test_each_objective_on_its_own_index_in_the_reference_year(
    with_pci: Plan, papi: Results
) -> None:
    """A report dated 01/06/2021 cites PAPI 2020 and PCI 2020 for reference (the plan's 2023 is
    not out): the PCI objective reads Khánh Hòa's 63,98, pending like the others."""
    day = dt.date(2021, 6, 1)
    table = objectives_table(report_objectives(with_pci, papi, 2020, day), 2023, "tỉnh")
    assert table is not None and table.header[2] == "Năm 2020 (tham khảo)"
    rows = {row[0]: row for row in table.rows}
    assert rows["6"][1] == "PCI đạt từ 60 điểm [PCI]"
    assert rows["6"][2].startswith("63,98 / 60,00")
    assert rows["7"][1:] == ("SIPAS đạt từ 85% [SIPAS]", "Chưa có kết quả SIPAS", "Chưa có kết quả")
    assert {row[3] for row in table.rows} == {"Chưa có kết quả"}
    assert "[PAPI]" not in " ".join(rows["1"])  # the plan's own index is not named


def test_the_results_report_once_the_plan_year_is_out(
    with_pci: Plan, papi: Results, agencies: dict[str, Any]
) -> None:
    """01/06/2024: PAPI 2023 is out and judged; PCI 2023's table (the top 30) leaves Khánh Hòa
    out, so its objective stays pending instead of being judged on PAPI's figures."""
    day = dt.date(2024, 6, 1)
    letterhead = agency_letterhead(agencies["home"], "Khánh Hòa", day)
    doc = Document(io.BytesIO(results_document(with_pci, papi, day, letterhead).content))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "mục tiêu đạt theo kết quả năm 2023:" in body
    table = next(t for t in doc.tables if t.cell(0, 0).text == "TT")
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows}
    assert rows["6"][1:] == [
        "PCI đạt từ 60 điểm [PCI]",
        "Khánh Hòa không có điểm tổng hợp năm 2023",  # the engine's words: PCI 2023 leaves it out
        "Chưa có kết quả",
    ]
    assert rows["1"][3] in {"Đạt", "Chưa đạt"}


def test_an_index_with_only_an_earlier_year_is_shown_for_reference(
    with_pci: Plan, papi: Results, tmp_path: Path
) -> None:
    """The plan year judged on PAPI, PCI only known for an earlier year: the PCI row names that
    year for reference and is not judged on it."""

    def pci_2020_only(index: str) -> Results | None:
        from chiso.index import compute, read_long

        if index != "PCI":
            return None
        path = tmp_path / "pci.csv"
        path.write_text("year,province,unit,score\n2020,Khánh Hòa,aggregate,63.98\n")
        return compute(read_long(path, "PCI"))

    found = report_objectives(with_pci, papi, 2023, dt.date(2024, 6, 1), pci_2020_only)
    rows = {row[0]: row for row in objectives_table(found, 2023, "tỉnh").rows}  # type: ignore[union-attr]
    assert rows["6"][2].startswith("Năm 2020 (tham khảo): 63,98 / 60,00")
    assert rows["6"][3] == "Chưa có kết quả"


def test_a_pci_plan_is_judged_on_pci_not_on_the_reports_papi(with_pci: Plan, papi: Results) -> None:
    """The documents hand the report PAPI's results; a plan on PCI still has its PCI objective
    judged on PCI's stored results (63,98 in 2020), never on PAPI's, and its PAPI objectives
    named as such."""
    with_pci.index = "PCI"
    with_pci.save(update_fields=["index"])
    found = {o.code: o for o in report_objectives(with_pci, papi, 2020, dt.date(2021, 6, 1))}
    pci = found["6"]
    assert pci.other_index == "" and pci.result is not None
    assert pci.result.summary.vi.startswith("63,98 / 60,00")
    assert found["1"].other_index == "PAPI"
