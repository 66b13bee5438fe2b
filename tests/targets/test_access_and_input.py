"""Who sees which province, and every refusal of bad input as a message in the form."""

from __future__ import annotations

from typing import Any

import pytest

from chiso.accounts.models import Role
from chiso.index import Results
from chiso.results import store

pytestmark = pytest.mark.django_db
URL = "/ket-qua/muc-tieu/"


def text_of(response: Any) -> str:
    return " ".join(response.content.decode().split())


# --- permissions --------------------------------------------------------------------------


def test_anonymous_is_sent_to_the_login_page(client: Any, served: Results) -> None:
    for url in (URL, URL + "xlsx/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


@pytest.mark.parametrize("role", [r for r in Role if r not in (Role.NATIONAL_VIEWER,)])
def test_every_role_of_the_province_reads_its_own_page(
    client: Any, served: Results, province: Any, make_user: Any, role: str
) -> None:
    client.force_login(make_user(f"u-{role}", role, province))
    response = client.get(URL, {"nam": "2023"})
    assert response.status_code == 200
    assert response.context["page"].result.province.name == "Khánh Hòa"


def test_another_province_sees_its_own_province_whatever_the_query(
    client: Any, served: Results, other_province: Any, make_user: Any
) -> None:
    client.force_login(make_user("hanoi", Role.COORDINATOR, other_province))
    response = client.get(URL, {"tinh": "56", "nam": "2023"})  # 56 = Khánh Hòa
    assert response.context["page"].result.province.name == "Hà Nội"
    assert 'name="tinh"' not in response.content.decode()  # no province picker


def test_national_viewer_picks_a_province(client: Any, served: Results, make_user: Any) -> None:
    client.force_login(make_user("quocgia", Role.NATIONAL_VIEWER))
    first = client.get(URL)
    assert first.status_code == 200 and first.context["page"] is None
    html = first.content.decode()
    assert 'name="tinh"' in html and '<option value="56">Khánh Hòa</option>' in html
    assert "errorlist" not in html  # no complaint before anything is asked
    picked = client.get(URL, {"tinh": "56", "nam": "2023", "nhom": "high"})
    assert picked.context["page"].result.province.name == "Khánh Hòa"
    unknown = client.get(URL, {"tinh": "999", "nam": "2023"})
    assert unknown.context["page"] is None
    assert "Không có tỉnh/thành phố mã “999”." in text_of(unknown)


def test_a_user_without_a_province_is_told_so(client: Any, served: Results, make_user) -> None:
    client.force_login(make_user("lac", Role.AGENCY_OFFICER))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Tài khoản chưa gắn với tỉnh/thành phố nào." in text_of(response)


def test_a_province_without_results_is_told_so(client: Any, served: Results, make_user) -> None:
    from chiso.accounts.models import Province

    elsewhere = Province.objects.create(code="99", name="Trường Sa Lớn", slug="truong-sa-lon")
    client.force_login(make_user("xa", Role.COORDINATOR, elsewhere))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Chưa có kết quả PAPI của Trường Sa Lớn." in text_of(response)


def test_no_results_loaded_is_a_message_not_an_error(client: Any, province, make_user) -> None:
    store.invalidate()
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    response = client.get(URL)
    assert response.status_code == 200
    assert "Chưa nhập kết quả PAPI nào" in text_of(response)


def test_stored_results_end_to_end(client: Any, papi: Results, papi_data_dir, province, make_user):
    """Without the fixture's shortcut: import the shared data into the database and ask."""
    store.invalidate()
    store.import_results(papi_data_dir)
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    page = client.get(URL, {"nam": "2023", "nhom": "high", "seed": "7"}).context["page"]
    from chiso.index.target import what_it_takes
    from chiso.index.target_threshold import TIER, Goal

    core = what_it_takes(papi, "Khánh Hòa", 2023, Goal(TIER, tier="high"), seed=7)
    assert page.plan.required == core.plan.required
    assert page.result.probability == core.probability
    store.invalidate()


# --- bad input ----------------------------------------------------------------------------

BAD_INPUT = [
    ({"nam": "2023", "muc_tieu": "nhom", "nhom": "rat-cao"}, "Nhóm không hợp lệ: “rat-cao”."),
    ({"nam": "2023", "muc_tieu": "nhom", "nhom": ""}, "Chọn nhóm mục tiêu."),
    ({"nam": "2023", "muc_tieu": "diem", "diem": "-3"}, "Điểm mục tiêu không được âm."),
    ({"nam": "2023", "muc_tieu": "diem", "diem": "abc"}, "Điểm mục tiêu phải là số"),
    ({"nam": "2023", "muc_tieu": "diem", "diem": ""}, "Nhập điểm mục tiêu, ví dụ 45,00."),
    (
        {"nam": "2023", "muc_tieu": "diem", "diem": "95"},
        "Điểm mục tiêu phải trong thang điểm 8–80 của năm 2023.",
    ),
    (
        {"nam": "2023", "muc_tieu": "hang", "hang": "70"},
        "Thứ hạng phải là số nguyên từ 1 đến 61 (61 tỉnh, thành phố được xếp hạng năm 2022).",
    ),
    ({"nam": "2023", "muc_tieu": "hang", "hang": "0"}, "Thứ hạng phải là số nguyên từ 1"),
    ({"nam": "2023", "muc_tieu": "hang", "hang": "-2"}, "Thứ hạng phải là số nguyên từ 1"),
    ({"nam": "2023", "muc_tieu": "bay"}, "Chọn loại mục tiêu: nhóm, điểm hoặc thứ hạng."),
    (
        {"nam": "2011"},
        "Khánh Hòa chưa có kết quả trước năm 2011 để làm mốc (kết quả có từ năm 2011).",
    ),
    ({"nam": "2031"}, "Chỉ lập được lộ trình đến năm 2025 (năm sau kết quả mới nhất 2024)."),
    ({"nam": "hai nghìn"}, "Năm mục tiêu phải là số nguyên, ví dụ 2025."),
    # 2018 changed the aggregate scale (6–60 → 8–80): 2017 is no baseline for it.
    ({"nam": "2018"}, "Không lập được lộ trình:"),
    ({"nam": "2023", "so_lan": "5"}, "Số lần mô phỏng phải là số nguyên từ 100 đến 20000."),
    ({"nam": "2023", "tin_cay": "100"}, "Độ tin cậy phải là số nguyên từ 50 đến 99 (phần trăm)."),
    ({"nam": "2023", "seed": "x"}, "Seed phải là số nguyên từ 0 đến 2147483647."),
]


@pytest.mark.parametrize(("query", "message"), BAD_INPUT)
def test_bad_input_is_a_message_in_the_form(
    client: Any, served: Results, officer: Any, query: dict[str, str], message: str
) -> None:
    client.force_login(officer)
    response = client.get(URL, query)
    assert response.status_code == 200
    assert response.context["page"] is None
    html = text_of(response)
    assert message in html
    assert 'class="errorlist' in html
