"""`chiso report … --date`: a document dated D cites only results published by D (a year's index
comes out the following year), from --data as from the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from tests.conftest import PAPI_DATA_DIR


@pytest.fixture
def papi_results(papi_data_dir: Any) -> Iterator[None]:
    from chiso.results.store import import_results, invalidate

    invalidate()
    import_results(papi_data_dir)
    yield
    invalidate()


def _text(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


@pytest.mark.django_db
def test_analysis_of_a_year_not_yet_published_on_the_date_is_refused(tmp_path: Path) -> None:
    args = ["--province", "khanh hoa", "--data", str(PAPI_DATA_DIR)]
    out = tmp_path / "a.docx"
    with pytest.raises(CommandError, match="2023"):
        call_command(
            "report", "analysis", *args, "--year", "2023", "--date", "2023-05-01", "--out", str(out)
        )
    call_command(
        "report", "analysis", *args, "--year", "2023", "--date", "2024-06-01", "--out", str(out)
    )
    assert "PAPI NĂM 2023" in _text(out).upper()


@pytest.mark.django_db
def test_analysis_dated_before_next_year_does_not_cite_next_years_results(
    tmp_path: Path,
) -> None:
    """2022's analysis dated 01/05/2023 cannot know 2023's results; dated 2025 it may say
    whether 2023's goal was reached."""
    args = ["--province", "khanh hoa", "--year", "2022", "--data", str(PAPI_DATA_DIR)]
    early, late = tmp_path / "early.docx", tmp_path / "late.docx"
    call_command("report", "analysis", *args, "--date", "2023-05-01", "--out", str(early))
    call_command("report", "analysis", *args, "--date", "2025-06-01", "--out", str(late))
    extra = set(_text(late).splitlines()) - set(_text(early).splitlines())
    assert any("2023" in line for line in extra), extra


@pytest.mark.django_db
def test_results_report_dated_in_2023_cites_2022_from_the_database(
    plan: Any, papi_results: Any, tmp_path: Path
) -> None:
    out = tmp_path / "r.docx"
    call_command(
        "report", "results", "--plan", "1234/KH-UBND", "--date", "2023-05-01", "--out", str(out)
    )
    body = _text(out)
    assert "I. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022" in body
    # 2023's results are not out on 01/05/2023: the 2023 objectives are neither met nor missed.
    assert "các mục tiêu chưa có kết quả" in body
    assert "Các mục tiêu chưa đạt" not in body and "mục tiêu đạt theo kết quả năm 2022" not in body
    verdicts = {
        row.cells[3].text
        for t in Document(str(out)).tables[1:]
        for row in t.rows[1:]
        if len(row.cells) == 4 and t.cell(0, 1).text == "Mục tiêu"
    }
    assert verdicts == {"Chưa có kết quả"}
    call_command(
        "report",
        "results",
        "--plan",
        "1234/KH-UBND",
        "--date",
        "2024-06-01",
        "--results-year",
        "2023",
        "--out",
        str(out),
    )
    assert "I. KẾT QUẢ CHỈ SỐ PAPI NĂM 2023" in _text(out)


@pytest.mark.django_db
def test_demo_objectives_pending_in_august_2023_and_evaluated_in_june_2024(
    papi_results: Any, tmp_path: Path
) -> None:
    """The quality bar's known answer: the seed plan's 7 objectives read "chưa có kết quả" on
    15/08/2023 and are evaluated on 2023's results as of 01/06/2024: 3 met, 4 not met."""
    from chiso.demo import organisations, plan2023

    organisations.load(print)
    plan2023.load(print)
    out = tmp_path / "r.docx"
    args = ["report", "results", "--plan", plan2023.NUMBER, "--out", str(out)]
    call_command(*args, "--date", "2023-08-15")
    assert "các mục tiêu chưa có kết quả" in _text(out)
    call_command(*args, "--date", "2024-06-01")
    body = _text(out)
    assert "Có 3/7 mục tiêu đạt theo kết quả năm 2023:" in body
    table = next(t for t in Document(str(out)).tables if t.cell(0, 1).text == "Mục tiêu")
    verdicts = [row.cells[3].text for row in table.rows[1:]]
    assert (verdicts.count("Đạt"), verdicts.count("Chưa đạt")) == (3, 4)
