"""No workbook chiso writes carries a formula made of user text (OWASP "CSV injection"), and
every workbook writer goes through the one cell helper (chiso.spreadsheets.cell_text)."""

from __future__ import annotations

import ast
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from chiso.documents.generate import annex_document
from chiso.plans.models import ProgressReport
from chiso.spreadsheets.cell_text import FORMULA_STARTS, set_cell
from tests.dashboards.conftest import PlanData

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "chiso"
FORMULA = '=HYPERLINK("http://x","y")'
TEXTS = {FORMULA, "+SUM(1;2)", "@SUM(A1)", "-2+3", "\t=1+1", "\r=1+1"}


def cells(data: bytes) -> list[Any]:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]


def assert_all_text(data: bytes, expected: set[str]) -> None:
    """Every cell holding one of the texts is a text cell marked as such; no formula at all."""
    found = [cell for cell in cells(data) if cell.value in TEXTS]
    assert {cell.value for cell in found} >= expected
    for cell in found:
        assert cell.data_type == "s", cell.coordinate
        assert cell.quotePrefix, cell.coordinate
    assert not [cell.coordinate for cell in cells(data) if cell.data_type == "f"]


@pytest.fixture
def hostile(plan_data: PlanData, users: dict[str, Any], today_2023: dt.date) -> PlanData:
    """Task, section and agency names and a report typed as formulas."""
    d = plan_data
    d.tasks["2"].title = FORMULA
    d.tasks["2"].save()
    d.sections["II.1"].title = "+SUM(1;2)"
    d.sections["II.1"].save()
    d.nha_trang.name = "@SUM(A1)"
    d.nha_trang.save()
    ProgressReport.objects.create(
        province=d.plan.province,
        assignment=d.assignments["t2_nt"],
        author=users["coordinator"],
        narrative="-2+3",
        figures="\t=1+1",
        review_comment="\r=1+1",
        progress=50,
    )
    return d


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/bang-tinh/ke-hoach/{plan}/ke-hoach.xlsx", {FORMULA, "+SUM(1;2)", "@SUM(A1)"}),
        ("/bang-tinh/nhiem-vu.xlsx", {FORMULA, "@SUM(A1)"}),
        ("/bang-tinh/phan-cong.xlsx", {FORMULA, "@SUM(A1)"}),
        ("/bang-tinh/bao-cao.xlsx", {FORMULA, "@SUM(A1)", "-2+3", "\t=1+1", "\r=1+1"}),
    ],
)
def test_exports_write_formulas_as_text(
    hostile: PlanData, users: dict[str, Any], client: Client, url: str, expected: set[str]
) -> None:
    client.force_login(users["coordinator"])
    response = client.get(url.format(plan=hostile.plan.pk))
    assert response.status_code == 200
    assert_all_text(response.content, expected)


def test_report_annex_writes_formulas_as_text(hostile: PlanData) -> None:
    made = annex_document(hostile.plan, dt.date(2023, 8, 15))
    assert_all_text(made.content, {FORMULA, "@SUM(A1)"})  # sections show "II.1. …"


def test_set_cell_keeps_ordinary_values() -> None:
    from openpyxl import Workbook

    sheet = Workbook().active
    for column, value in enumerate(["Sở Nội vụ", 45, dt.date(2023, 6, 30), None], start=1):
        set_cell(sheet.cell(row=1, column=column), value)
    assert [c.value for c in sheet[1]] == ["Sở Nội vụ", 45, dt.date(2023, 6, 30), None]
    assert not sheet["A1"].quotePrefix and sheet["B1"].data_type == "n"
    set_cell(sheet["E1"], "Ghi chú\x0b dán từ Word")  # XML cannot carry \x0b: dropped
    assert sheet["E1"].value == "Ghi chú dán từ Word"
    assert FORMULA_STARTS == ("=", "+", "-", "@", "\t", "\r", "\n")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_every_workbook_writer_uses_the_cell_helper() -> None:
    """A module that builds an openpyxl Workbook puts its values through set_cell."""
    writers = {
        str(path.relative_to(SRC)): "chiso.spreadsheets.cell_text.set_cell" in _imports(path)
        for path in SRC.rglob("*.py")
        if "openpyxl.Workbook" in _imports(path)
    }
    assert writers == {
        "bulksetup/services.py": True,
        "bulksetup/workbook.py": True,
        "documents/annex.py": True,
        "spreadsheets/xlsx.py": True,
    }
