"""PCI beside PAPI on the results pages, and the cross-index page, on the shared PCI data (VCCI's
published tables, read in place from ../shared/data/pci)."""

from __future__ import annotations

import pytest

from chiso.accounts.models import Province, Role
from tests.public.test_pages import text_of

pytestmark = pytest.mark.django_db


def test_pci_profile_shows_published_figures_as_published(client, papi_and_pci) -> None:
    response = client.get("/cong-khai/tinh/dong-thap/2019/", {"bo-chi-so": "pci"})
    assert response.status_code == 200
    text = text_of(response)
    assert "Chỉ số PCI năm 2019: Đồng Tháp" in text
    # VCCI's 2019 table: 72,10 points, 2nd of 63, "Rất tốt"; up 1,91 on 2018's 70,19.
    assert "Năm 2019, Đồng Tháp đạt 72,10 điểm, xếp thứ 2/63, thuộc nhóm Rất tốt." in text
    assert "So với năm 2018: tăng 1,91 điểm, giữ nguyên thứ hạng." in text
    assert "Số liệu công bố: điểm tổng hợp, thứ hạng, nhóm." in text
    # 2019 covers 31 of the 63 provinces: no national mean, so no strengths or weaknesses.
    assert "không tính trung bình cả nước" in text
    assert "không nêu điểm mạnh, điểm yếu" in text
    assert "1. Gia nhập thị trường" in text and "6,37" in text  # components, numbered
    assert "Nguồn: kết quả PCI do VCCI công bố" in text
    assert "CECODES" not in text.split("Nguồn:")[1].split("chiso —")[0]


def test_pci_profile_never_invents_a_group(client, papi_and_pci) -> None:
    text = text_of(client.get("/cong-khai/tinh/khanh-hoa/2020/?bo-chi-so=pci"))
    # 2020 is complete for scores and ranks (63,98, 26th), without groups.
    assert "Năm 2020, Khánh Hòa đạt 63,98 điểm, xếp thứ 26/63" in text
    assert "thuộc nhóm" not in text
    assert "Không có trong số liệu: nhóm." in text
    assert "Nhóm chỉ lấy như đã công bố; chiso không tự xếp nhóm." in text
    assert "-0,40 điểm so với trung bình cả nước (64,38)" in text


def test_pci_ranking_and_tile_map(client, papi_and_pci) -> None:
    response = client.get("/cong-khai/xep-hang/2020/?bo-chi-so=pci")
    html = response.content.decode()
    text = text_of(response)
    assert "Xếp hạng PCI năm 2020" in text
    assert "63 tỉnh, thành phố có điểm; trung bình cả nước 64,38." in text
    assert "Thứ hạng và nhóm PCI như đã công bố; chiso không tự xếp nhóm" in text
    assert "Ngưỡng nhóm" not in text  # no quantile cut-offs for a published grouping
    first = html.split('data-province="', 2)[1]
    assert first.startswith("22") and "75,09" in first  # Quảng Ninh first, as published
    # Links keep the index.
    assert "/cong-khai/tinh/quang-ninh/2020/?bo-chi-so=pci" in html
    assert "Bản đồ ô các tỉnh, thành phố theo nhóm, năm 2020" in html


def test_pci_partial_year_says_how_many_provinces_have_a_score(client, papi_and_pci) -> None:
    text = text_of(client.get("/cong-khai/xep-hang/2019/?bo-chi-so=pci"))
    assert "31/63 tỉnh, thành phố có điểm trong số liệu đã nhập." in text
    assert "Số liệu năm 2019 chưa đủ 63 tỉnh, thành phố" in text


def test_index_switcher_keeps_papi_urls(client, papi_and_pci) -> None:
    html = client.get("/cong-khai/tinh/khanh-hoa/2022/").content.decode()
    assert 'data-testid="index-links"' in html
    assert 'href="/cong-khai/tinh/khanh-hoa/2022/?bo-chi-so=pci"' in html
    assert "PAR INDEX" not in html.split('data-testid="index-links"')[1].split("</ul>")[0]
    pci = client.get("/cong-khai/tinh/khanh-hoa/2020/?bo-chi-so=pci").content.decode()
    assert 'href="/cong-khai/tinh/khanh-hoa/2020/"' in pci  # back to PAPI, same year
    # The latest-year redirects keep the index; an unknown index is a 404.
    latest = client.get("/cong-khai/tinh/khanh-hoa/?bo-chi-so=pci")
    assert latest["Location"] == "/cong-khai/tinh/khanh-hoa/2024/?bo-chi-so=pci"
    assert client.get("/cong-khai/xep-hang/2020/?bo-chi-so=abc").status_code == 404
    assert client.get("/cong-khai/tinh/khanh-hoa/2020/?bo-chi-so=sipas").status_code == 404


def test_results_page_on_pci(client, papi_and_pci, province, make_user) -> None:
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    text = text_of(client.get("/ket-qua/", {"bo-chi-so": "pci", "nam": "2020"}))
    assert "Kết quả PCI năm 2020: Khánh Hòa" in text
    assert "63,98" in text and "26/63" in text
    no_data = text_of(client.get("/ket-qua/", {"bo-chi-so": "sipas"}))
    assert "Kết quả SIPAS" in no_data and "Chưa có kết quả" in no_data


def test_cross_index_page_for_leadership(client, papi_and_pci, province, make_user) -> None:
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    response = client.get("/ket-qua/cac-chi-so/")
    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "Khánh Hòa trên bốn chỉ số" in text
    latest = html.split('data-testid="latest"')[1].split("</section>")[0]
    assert "43,81" in latest and "27/61" in latest  # PAPI 2024
    assert "63,98" in latest and "26/63" in latest  # PCI 2020, its only year for Khánh Hòa
    pci = text_of_block(html, "index-PCI")
    assert "2020 63,98" in pci and "điểm công bố, hạng công bố" in pci
    assert "Không có số liệu của tỉnh các năm: 2015–2019, 2021–2024." in pci
    assert "Chưa nhập kết quả: PAR INDEX, SIPAS." in text
    # PAPI's components that moved most from 2023 to 2024 (dimension 1 fell 0,55).
    papi = text_of_block(html, "index-PAPI")
    assert "2023 → 2024" in papi and "-0,55" in papi


def test_cross_index_movers_skip_a_year_with_only_the_composite(
    client, papi_and_pci, make_user
) -> None:
    dong_thap = Province.objects.create(code="87", name="Đồng Tháp", slug="dong-thap")
    client.force_login(make_user("ldDongThap", Role.LEADERSHIP, dong_thap))
    pci = text_of_block(client.get("/ket-qua/cac-chi-so/").content.decode(), "index-PCI")
    # 2020 has only the composite: 2021's components are compared with 2019's.
    assert "2019 → 2021" in pci
    assert "Gia nhập thị trường: +1,36 (6,37 → 7,73)" in pci
    assert "Tính năng động: -1,10 (8,37 → 7,27)" in pci
    assert "2021 70,53 -2,28 3/63 -1 Tốt" in pci
    # 2019: 2nd as in 2018 (issue 18, item 7): the rank change in words, never "0" or "+0".
    assert "2019 72,10 +1,91 2/63 không đổi Rất tốt" in pci


def test_cross_index_page_is_for_leadership_and_coordinators(
    client, papi_and_pci, province, make_user
) -> None:
    client.force_login(make_user("canbo", Role.AGENCY_OFFICER, province))
    assert client.get("/ket-qua/cac-chi-so/").status_code == 403
    assert "Bốn chỉ số" not in text_of(client.get("/"))
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    assert "Bốn chỉ số" in text_of(client.get("/"))


def text_of_block(html: str, testid: str) -> str:
    block = html.split(f'data-testid="{testid}"')[1].split("</section>")[0]
    return text_of_html(block)


def text_of_html(html: str) -> str:
    import re

    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_public_index_links_the_other_indices(client, papi_and_pci) -> None:
    html = client.get("/cong-khai/").content.decode()
    links = html.split('data-testid="other-indices"')[1].split("</p>")[0]
    assert 'href="/cong-khai/xep-hang/2024/?bo-chi-so=pci"' in links
    assert "xếp hạng PCI năm 2024" in links and "SIPAS" not in links


def test_par_index_group_by_the_years_bands(client, monkeypatch, tmp_path) -> None:
    """PAR INDEX 2018 (as reported): Quảng Ninh 89,06 %, 1st as stated, group A by 2018's bands
    (A ≥ 80 %); a field this short has no national mean."""
    from chiso.index import compute, read_long
    from chiso.results import store
    from chiso.results.errors import NoResults

    source = tmp_path / "par.csv"
    source.write_text("year,province,unit,score,rank\n2018,Quảng Ninh,aggregate,89.06,1\n")
    par = compute(read_long(source, "PAR INDEX"))

    def load(index: str = "PAPI"):
        if index != "PAR_INDEX":
            raise NoResults("none")
        return par

    monkeypatch.setattr(store, "load_results", load)
    text = text_of(client.get("/cong-khai/tinh/quang-ninh/2018/?bo-chi-so=par-index"))
    assert "Năm 2018, Quảng Ninh đạt 89,06 điểm, xếp thứ 1/63, thuộc Nhóm A." in text
    assert "Do chiso tính: nhóm (theo khoảng điểm cố định của năm)." in text
