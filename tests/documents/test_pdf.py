"""PDF through LibreOffice: page counts as documented here, first pages rendered to PNG.

Expected page counts (A4, Times New Roman 14 pt, Liberation Serif metrics under LibreOffice):
- analysis report, Khánh Hòa 2022: 7 pages (result history + trend chart on page 1, dimension
  table and chart, 28 sub-dimensions, strengths/weaknesses, 11 declines, what it takes for 2023,
  closing); 6–8 allowed for font-metric differences between LibreOffice versions;
- the first page always ends with content of section I (header block, title, opening and
  aggregate sentence fit on page 1).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from chiso.documents.analysis import AnalysisRequest, build_analysis
from chiso.documents.letterhead import home_affairs_letterhead
from chiso.documents.pdf import PdfUnavailable, docx_to_pdf
from chiso.index import load_papi
from tests.documents.conftest import need_tool
from tests.documents.rendering import page_count, render_first_pages


@pytest.fixture(scope="module")
def analysis_pdf() -> bytes:
    from tests.conftest import PAPI_DATA_DIR

    need_tool("soffice")
    results = load_papi(PAPI_DATA_DIR)
    letterhead = home_affairs_letterhead("Khánh Hòa", dt.date(2023, 9, 29))
    return docx_to_pdf(build_analysis(results, AnalysisRequest("Khánh Hòa", 2022), letterhead))


def test_analysis_pdf_page_count(analysis_pdf: bytes, tmp_path: Path) -> None:
    assert analysis_pdf.startswith(b"%PDF")
    # Sections I–VI take 6–8 pages; section VII (peers and "learn from") adds about one.
    assert 7 <= page_count(analysis_pdf, tmp_path) <= 10


def test_first_page_holds_header_title_and_aggregate(analysis_pdf: bytes, tmp_path: Path) -> None:
    need_tool("pdftotext")
    path = tmp_path / "a.pdf"
    path.write_bytes(analysis_pdf)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for expected in (
        "UBND TỈNH KHÁNH HÒA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "/BC-SNV",
        "Khánh Hòa, ngày 29 tháng 9 năm 2023",
        "BÁO CÁO",
        "43,44 điểm",
        "16/61",
    ):
        assert expected in first


def test_pdf_embeds_times_compatible_fonts_only(analysis_pdf: bytes, tmp_path: Path) -> None:
    """Vietnamese letters must not fall back to another font (Debian's Liberation 1.x lacks
    them; fonts-liberation2 has them)."""
    need_tool("pdffonts")
    path = tmp_path / "a.pdf"
    path.write_bytes(analysis_pdf)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    names = [line.split()[0] for line in fonts.stdout.splitlines()[2:]]
    assert names and all("LiberationSerif" in n or "TimesNewRoman" in n for n in names), names


def test_first_two_pages_rendered(analysis_pdf: bytes) -> None:
    pngs = render_first_pages(analysis_pdf, "documents-analysis-khanh-hoa-2022")
    assert [p.name for p in pngs] == [
        "documents-analysis-khanh-hoa-2022-1.png",
        "documents-analysis-khanh-hoa-2022-2.png",
    ]
    assert all(p.stat().st_size > 20_000 for p in pngs)


def test_missing_libreoffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHISO_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(PdfUnavailable, match="LibreOffice"):
        docx_to_pdf(b"PK")
