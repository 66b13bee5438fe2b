"""`chiso report results|analysis|plan`: files written, plan found by id or number, errors
that name the problem; `analysis --data` works without any database."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from tests.conftest import PAPI_DATA_DIR, REPO_DIR
from tests.documents.conftest import need_tool


def test_analysis_from_a_data_folder_needs_no_database(tmp_path: Path) -> None:
    """Run as the real console command with a database URL that cannot be reached."""
    out = tmp_path / "phan-tich.docx"
    env = {
        **os.environ,
        "DEBUG": "1",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
        "CHISO_TODAY": "2023-04-20",
    }
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "chiso",
            "report",
            "analysis",
            "--province",
            "khanh hoa",
            "--year",
            "2022",
            "--data",
            str(PAPI_DATA_DIR),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_DIR,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    doc = Document(str(out))
    assert doc.tables[0].cell(1, 1).paragraphs[0].text == "Khánh Hòa, ngày 20 tháng 4 năm 2023"
    assert "đạt 43,44 điểm" in "\n".join(p.text for p in doc.paragraphs)


def test_analysis_pdf(tmp_path: Path) -> None:
    need_tool("soffice")
    out = tmp_path / "phan-tich.pdf"
    call_command(
        "report",
        "analysis",
        "--province",
        "Khánh Hòa",
        "--year",
        "2021",
        "--data",
        str(PAPI_DATA_DIR),
        "--out",
        str(out),
        stdout=io.StringIO(),
    )
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["analysis", "--province", "Khánh Hòa", "--year", "2022", "--out", "x.txt"],
            ".docx hoặc .pdf",
        ),
        (["analysis", "--province", "Atlantis", "--year", "2022", "--out", "x.docx"], "Atlantis"),
        (["analysis", "--province", "Khánh Hòa", "--year", "2031", "--out", "x.docx"], "2031"),
        (
            [
                "analysis",
                "--province",
                "Khánh Hòa",
                "--year",
                "2022",
                "--data",
                "/no/such",
                "--out",
                "x.docx",
            ],
            "/no/such",
        ),
    ],
)
def test_analysis_errors(args: list[str], message: str, tmp_path: Path) -> None:
    args = [a if a != "x.docx" and a != "x.txt" else str(tmp_path / a) for a in args]
    if "--data" not in args:
        args += ["--data", str(PAPI_DATA_DIR)]
    with pytest.raises(CommandError, match=message):
        call_command("report", *args)


@pytest.mark.django_db
def test_results_by_plan_number_writes_report_and_annex(plan: Any, tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.docx"
    stdout = io.StringIO()
    call_command(
        "report",
        "results",
        "--plan",
        "1234/KH-UBND",
        "--out",
        str(out),
        "--data",
        str(PAPI_DATA_DIR),
        stdout=stdout,
    )
    annex = tmp_path / "bao-cao-phu-luc.xlsx"
    assert str(out) in stdout.getvalue() and str(annex) in stdout.getvalue()
    doc = Document(str(out))
    assert doc.tables[0].cell(0, 0).paragraphs[1].text == "SỞ NỘI VỤ"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "I. KẾT QUẢ CHỈ SỐ PAPI NĂM 2022" in body  # as of the pinned day 15/08/2023
    assert load_workbook(annex)["Phân công"].max_row == 4 + 5


@pytest.mark.django_db
def test_results_year_option_and_plan_by_id(plan: Any, tmp_path: Path) -> None:
    out = tmp_path / "r.docx"
    call_command(
        "report",
        "results",
        "--plan",
        str(plan.pk),
        "--out",
        str(out),
        "--data",
        str(PAPI_DATA_DIR),
        "--results-year",
        "2023",
        "--date",  # 2023's results are out in 2024: a report dated earlier may not cite them
        "2024-06-01",
        "--annex",
        str(tmp_path / "a.xlsx"),
        stdout=io.StringIO(),
    )
    body = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "I. KẾT QUẢ CHỈ SỐ PAPI NĂM 2023" in body and "44,94" in body
    assert "Có 2/5 mục tiêu đạt theo kết quả năm 2023" in body
    assert "44,94 / 45,00 — thiếu 0,06 điểm" in body  # the engine's verdict on objective 1


@pytest.mark.django_db
def test_plan_document_command(plan: Any, tmp_path: Path) -> None:
    out = tmp_path / "ke-hoach.docx"
    call_command(
        "report",
        "plan",
        "--plan",
        "1234/KH-UBND",
        "--out",
        str(out),
        "--data",
        str(PAPI_DATA_DIR),
        stdout=io.StringIO(),
    )
    texts = [p.text for p in Document(str(out)).paragraphs if p.text.strip()]
    assert texts[0] == "KẾ HOẠCH"
    # The opening cites the baseline year's results, as the province's own plan does.
    assert texts[2].startswith("Chỉ số tổng hợp PAPI năm 2022 của tỉnh Khánh Hòa đạt 43,44 điểm")


@pytest.mark.django_db
def test_unknown_plan_is_named(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="'999/KH-UBND'"):
        call_command("report", "plan", "--plan", "999/KH-UBND", "--out", str(tmp_path / "p.docx"))
