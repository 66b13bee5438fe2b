"""The peers page (/ket-qua/so-sanh/): side by side, learn from, the workbook, bad input."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook

from chiso.accounts.models import Role

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def officer(client, province, make_user):
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    return client


def test_neighbours_side_by_side_and_learn_from(officer, papi) -> None:
    response = officer.get("/ket-qua/so-sanh/", {"nam": "2023"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Khánh Hòa so với các tỉnh khác — PAPI 2023" in text
    table = re.findall(r'data-testid="side-by-side".*?</section>', response.content.decode(), re.S)
    rows = re.findall(r"<tr[^>]*>\s*<td>(.*?)</td>", table[0], re.S)
    names = [re.sub(r"<[^>]+>", "", r).strip() for r in rows]
    assert names == ["Khánh Hòa", "Ninh Thuận", "Đắk Lắk", "Lâm Đồng", "Phú Yên"]
    assert "44,94" in text and "8/61" in text  # Khánh Hòa's 2023 aggregate
    # Khánh Hòa's weakest unit in 2023 is 5.4; the 1-year list starts with Hòa Bình (+0,19).
    learn = text_of(response).split("Học hỏi từ tỉnh nào?")[1]
    assert "5.4." in learn and "Hòa Bình +0,19" in learn
    assert "Không so sánh 2020–2023" in learn  # the 2021 rescale of dimension 5
    assert "đi cùng với" in learn and " do " not in learn


def test_region_similar_and_custom(officer, papi) -> None:
    text = text_of(officer.get("/ket-qua/so-sanh/", {"nam": "2023", "nhom": "region"}))
    assert "Vùng Bắc Trung Bộ và duyên hải miền Trung" in text and "Thanh Hóa" in text
    text = text_of(officer.get("/ket-qua/so-sanh/", {"nam": "2023", "nhom": "similar"}))
    assert "6 tỉnh có điểm tổng hợp năm 2023 gần nhất" in text
    response = officer.get(
        "/ket-qua/so-sanh/?nam=2023&nhom=custom&so-sanh=da-nang&so-sanh=ha-noi&chi-so=1.3"
    )
    text = text_of(response)
    assert "Đà Nẵng" in text and "Hà Nội" in text and "Danh sách tự chọn" in text
    assert "<strong>1.3." in response.content.decode()  # the chosen weak unit
    empty = text_of(officer.get("/ket-qua/so-sanh/", {"nam": "2023", "nhom": "custom"}))
    assert "Chưa chọn tỉnh nào để so sánh." in empty


def test_bad_input_is_404_or_ignored(officer, papi) -> None:
    assert officer.get("/ket-qua/so-sanh/", {"nam": "1999"}).status_code == 404
    assert officer.get("/ket-qua/so-sanh/", {"nam": "abc"}).status_code == 404
    assert officer.get("/ket-qua/so-sanh/", {"tinh": "atlantis"}).status_code == 404
    # an unknown kind falls back to neighbours, an unknown unit to the first weakness
    response = officer.get("/ket-qua/so-sanh/", {"nam": "2023", "nhom": "x", "chi-so": "9.9"})
    assert response.status_code == 200 and "Các tỉnh giáp ranh" in text_of(response)


def test_workbook(officer, papi) -> None:
    response = officer.get("/ket-qua/so-sanh/xlsx/", {"nam": "2023"})
    assert response.status_code == 200
    assert "so-sanh-khanh-hoa-2023.xlsx" in response["Content-Disposition"]
    wb = load_workbook(io.BytesIO(response.content))
    side, learn = wb.worksheets
    values = [[c.value for c in row] for row in side.iter_rows()]
    kh = next(r for r in values if r[0] == "Khánh Hòa")
    assert round(kh[1], 2) == 44.94 and kh[2] == 8
    rows = [[c.value for c in row] for row in learn.iter_rows()]
    first = next(r for r in rows if r[0] == "5.4" and r[2] == "2022–2023")
    assert first[3] == "Hòa Bình" and round(first[6], 2) == 0.19
    assert any(r[2] == "2020–2023" and "Không so sánh" in (r[3] or "") for r in rows)


def test_results_page_links_to_peers(officer, papi) -> None:
    html = officer.get("/ket-qua/", {"nam": "2023"}).content.decode()
    assert "/ket-qua/so-sanh/?tinh=khanh-hoa&amp;nam=2023" in html
