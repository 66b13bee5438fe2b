"""The analysis report as a Decree 30/2020 document, opened with python-docx: header block,
number, place and date line, title, "Nơi nhận", signature, fonts, margins — and figures that
match the engine (Khánh Hòa 2022: 43,44 points, 16/61, "Cao")."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from chiso.documents.analysis import AnalysisRequest, build_analysis
from chiso.documents.decree30 import date_line
from chiso.documents.letterhead import home_affairs_letterhead
from chiso.index import load_papi
from chiso.index.formatting import fmt_number
from chiso.index.results import Results

DATE = dt.date(2023, 9, 29)


@pytest.fixture(scope="module")
def results(papi_data_dir_module: Path) -> Results:
    return load_papi(papi_data_dir_module)


@pytest.fixture(scope="module")
def papi_data_dir_module() -> Path:
    from tests.conftest import PAPI_DATA_DIR

    if not PAPI_DATA_DIR.is_dir():
        pytest.fail(f"PAPI data not found at {PAPI_DATA_DIR} (set CHISO_SHARED_DIR)")
    return PAPI_DATA_DIR


@pytest.fixture(scope="module")
def docx_bytes(results: Results) -> bytes:
    letterhead = home_affairs_letterhead("Khánh Hòa", DATE, signer="Trần Văn Ký")
    return build_analysis(results, AnalysisRequest("Khánh Hòa", 2022), letterhead)


@pytest.fixture(scope="module")
def doc(docx_bytes: bytes) -> Any:
    return Document(io.BytesIO(docx_bytes))


def cell_lines(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def body_text(doc: Any) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_a4_with_decree_margins(doc: Any) -> None:
    section = doc.sections[0]
    # Stored in twips: within half a millimetre of A4.
    assert abs(section.page_width - Mm(210)) < Mm(0.5)
    assert abs(section.page_height - Mm(297)) < Mm(0.5)
    assert 20 <= round(section.top_margin.mm, 1) <= 25
    assert 20 <= round(section.bottom_margin.mm, 1) <= 25
    assert 30 <= round(section.left_margin.mm, 1) <= 35
    assert 15 <= round(section.right_margin.mm, 1) <= 20


def test_header_block_is_a_borderless_two_column_table(doc: Any) -> None:
    header = doc.tables[0]
    assert len(header.columns) == 2
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = header.cell(0, 0), header.cell(0, 1)
    assert cell_lines(left) == ["UBND TỈNH KHÁNH HÒA", "SỞ NỘI VỤ"]
    parent, name = left.paragraphs[0].runs[0], left.paragraphs[1].runs[0]
    assert not parent.bold and name.bold
    assert cell_lines(right) == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)
    # The short rules under the issuing body and under the motto.
    for cell in (left, right):
        ruled = [p for p in cell.paragraphs if p._p.pPr.find(qn("w:pBdr")) is not None]
        assert len(ruled) == 1 and not ruled[0].text


def test_number_and_italic_date_line(doc: Any) -> None:
    header = doc.tables[0]
    number = header.cell(1, 0).paragraphs[0]
    assert number.text.startswith("Số:") and number.text.endswith("/BC-SNV")
    when = header.cell(1, 1).paragraphs[0]
    assert when.text == "Khánh Hòa, ngày 29 tháng 9 năm 2023"
    assert all(run.italic for run in when.runs)


def test_title_in_bold_caps_then_summary(doc: Any) -> None:
    texts = [p for p in doc.paragraphs if p.text.strip()]
    kind, summary = texts[0], texts[1]
    assert kind.text == "BÁO CÁO" and kind.runs[0].bold
    assert summary.text == "Phân tích kết quả Chỉ số PAPI năm 2022 của tỉnh Khánh Hòa"
    assert summary.runs[0].bold


def test_figures_match_the_engine(doc: Any, results: Results) -> None:
    agg = results.profile("Khánh Hòa", 2022).aggregate
    assert agg is not None and (agg.rank, agg.of, agg.tier_label.vi) == (16, 61, "Cao")
    text = body_text(doc)
    assert (
        f"đạt {fmt_number(agg.score)} điểm; cao hơn trung bình chung các tỉnh/thành phố "
        f"{fmt_number(agg.gap_to_mean)} điểm, xếp thứ hạng 16/61 tỉnh/thành phố, thuộc nhóm "
        "đạt điểm “Cao”; tăng 1,75 điểm và 24 bậc so với năm 2021."
    ) in text
    assert "đạt 43,44 điểm; cao hơn trung bình chung các tỉnh/thành phố 1,09 điểm" in text


def test_dimension_table_ranked_as_the_engine(doc: Any, results: Results) -> None:
    profile = results.profile("Khánh Hòa", 2022)
    table = next(t for t in doc.tables if t.cell(0, 1).text == "Chỉ số nội dung")
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == 8
    by_code = {r[0]: r for r in rows}
    for dim in profile.dimensions:
        row = by_code[dim.unit]
        assert row[2] == fmt_number(dim.score)
        assert row[4] == f"{dim.rank}/{dim.of}"
        assert row[5] == dim.tier_label.vi
    assert rows[0][0] == "8" and rows[0][4] == "6/62"  # best relative rank first
    sub = next(t for t in doc.tables if t.cell(0, 1).text == "Chỉ số nội dung thành phần")
    assert len(sub.rows) - 1 == len(profile.subdimensions) == 28


def test_strengths_weaknesses_declines_and_what_it_takes(doc: Any, results: Results) -> None:
    text = body_text(doc)
    h = results.profile("Khánh Hòa", 2022).highlights
    assert f"- {h.strengths[0].unit} {h.strengths[0].name}:" in text
    assert f"- {h.weaknesses[0].unit} {h.weaknesses[0].name}:" in text
    assert f"Có {len(h.declines)} chỉ số giảm điểm" in text
    assert "VI. YÊU CẦU ĐỂ ĐẠT MỤC TIÊU NĂM 2023" in text
    assert "Mục tiêu: điểm tổng hợp năm 2023 thuộc nhóm Cao." in text
    # 2023 results are loaded, so the report checks the requirement against what happened.
    assert "Đối chiếu với kết quả năm 2023 đã công bố: tỉnh đạt 44,94 điểm" in text


def test_recipients_and_signature(doc: Any) -> None:
    closing = doc.tables[-1]
    left, right = closing.cell(0, 0), closing.cell(0, 1)
    heading = left.paragraphs[0].runs[0]
    assert heading.text == "Nơi nhận:" and heading.bold and heading.italic
    assert heading.font.size == Pt(12)
    items = [p for p in left.paragraphs[1:] if p.text]
    assert items[0].text == "- UBND tỉnh (để báo cáo);"
    assert items[-1].text == "- Lưu: VT, SNV."
    assert all(p.runs[0].font.size == Pt(11) for p in items)
    assert cell_lines(right) == ["GIÁM ĐỐC", "Trần Văn Ký"]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)


def test_times_new_roman_13_to_14_for_text(doc: Any) -> None:
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    assert all(r.font.size in (Pt(12), Pt(13), Pt(14)) for r in runs)  # 12 = chart captions
    body = [r for p in doc.paragraphs[3:] for r in p.runs if len(r.text) > 60 and not r.italic]
    assert body and all(r.font.size == Pt(14) for r in body)


def test_charts_and_page_numbers(doc: Any) -> None:
    assert len(doc.inline_shapes) == 2  # aggregate trend, dimensions vs national mean
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    fields = section.header._element.findall(".//" + qn("w:instrText"))
    assert [f.text for f in fields] == ["PAGE"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2023, 1, 5), "Khánh Hòa, ngày 05 tháng 01 năm 2023"),
        (dt.date(2023, 2, 28), "Khánh Hòa, ngày 28 tháng 02 năm 2023"),
        (dt.date(2023, 3, 1), "Khánh Hòa, ngày 01 tháng 3 năm 2023"),
        (dt.date(2023, 12, 9), "Khánh Hòa, ngày 09 tháng 12 năm 2023"),
    ],
)
def test_date_line_leading_zeros_per_decree(day: dt.date, expected: str) -> None:
    assert date_line("Khánh Hòa", day) == expected


def test_unknown_province_or_year_is_refused(results: Results) -> None:
    from chiso.index import UnknownProvince, UnknownYear

    letterhead = home_affairs_letterhead("Khánh Hòa", DATE)
    with pytest.raises(UnknownYear):
        build_analysis(results, AnalysisRequest("Khánh Hòa", 2030), letterhead)
    with pytest.raises(UnknownProvince):
        build_analysis(results, AnalysisRequest("Atlantis", 2022), letterhead)


def test_peers_section_with_neighbours_region_and_learn_from(doc: Any, results: Results) -> None:
    text = body_text(doc)
    assert "VII. SO SÁNH VỚI CÁC TỈNH VÀ KINH NGHIỆM CÓ THỂ HỌC HỎI" in text
    assert "Các tỉnh giáp ranh — điểm năm 2022:" in text
    assert "Vùng Bắc Trung Bộ và duyên hải miền Trung — điểm năm 2022:" in text
    assert "đi cùng với nhiều yếu tố" in text and "không khẳng định nguyên nhân" in text
    weakest = results.profile("Khánh Hòa", 2022).weaknesses[0]
    assert f"{weakest.unit}. {weakest.name} (hạng {weakest.rank}/{weakest.of}):" in text
    neighbours = next(t for t in doc.tables if t.rows[0].cells[0].text == "Tỉnh, thành phố")
    names = [row.cells[0].text for row in neighbours.rows[1:]]
    assert names[0] == "Khánh Hòa" and set(names[1:-1]) == {
        "Phú Yên",
        "Ninh Thuận",
        "Đắk Lắk",
        "Lâm Đồng",
    }
    assert names[-1] == "Trung bình cả nước"
