"""Public pages and the results page, through the Django test client, on the published data."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from chiso.accounts.models import Role
from tests.public.plan_data import COMMUNE_TASK, PUBLIC_TASK, assert_no_private_data, make_plan

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_profile_khanh_hoa_2022_shows_the_plans_figures(client, papi) -> None:
    response = client.get("/cong-khai/tinh/khanh-hoa/2022/")
    assert response.status_code == 200
    text = text_of(response)
    assert "43,44" in text and "16/61" in text and "Cao" in text
    assert "+1,75" in text and "+24" in text
    assert "Năm 2022, Khánh Hòa đạt 43,44 điểm, xếp thứ 16/61" in text
    assert "So với năm 2021: tăng 1,75 điểm, tăng 24 bậc." in text
    # Every chart is drawn server-side.
    html = response.content.decode()
    assert html.count("<svg") == 3 + 8  # radar, trend, rank + one per dimension
    assert "Tỉnh đứng đầu: Quảng Ninh" in html


def test_profile_khanh_hoa_2023(client, papi) -> None:
    text = text_of(client.get("/cong-khai/tinh/khanh-hoa/2023/"))
    kh = papi.unit_result("Khánh Hòa", 2023, "aggregate")
    assert (round(kh.score, 2), kh.rank, kh.of, kh.tier_label.vi) == (44.94, 8, 61, "Cao")
    assert "44,94" in text and "8/61" in text
    assert "+1,51" in text and "+8" in text  # 43.44 → 44.94 and 16 → 8


def test_trend_marks_the_2018_break_and_no_line_crosses_it(client, papi) -> None:
    html = client.get("/cong-khai/tinh/khanh-hoa/2022/").content.decode()
    trend = re.findall(r'<svg[^>]*chart--trend"[^>]*>.*?</svg>', html, re.S)[0]
    assert "Từ 2018: thang 8–80 (trước 6–60)" in trend
    polylines = re.findall(r'<polyline points="([^"]+)"[^>]*stroke="#0b3d6e"', trend)
    # The province's line is two runs: 2011–2017 (7 points) and 2018–2024 (7 points).
    assert sorted(len(p.split()) for p in polylines) == [7, 7]


def test_profile_of_a_year_before_the_break_has_six_dimensions(client, papi) -> None:
    html = client.get("/cong-khai/tinh/khanh-hoa/2017/").content.decode()
    table = re.findall(r'data-testid="dimensions".*?</table>', html, re.S)[0]
    assert table.count("<tr class=") == 6


def test_tier_on_a_cutoff_in_a_year_of_unknown_rule_is_marked(client, papi) -> None:
    # 2018: no published figure settles the tier rule; Cao Bằng sits exactly on the median.
    text = text_of(client.get("/cong-khai/tinh/cao-bang/2018/"))
    assert "Trung bình cao *" in text and "nhóm phụ thuộc quy tắc" in text
    html = client.get("/cong-khai/xep-hang/2018/").content.decode()
    assert html.count('class="tier-rule"') == 3  # Cao Bằng, Vĩnh Phúc, Trà Vinh
    assert "chưa rõ quy tắc xếp nhóm" in text_of(client.get("/cong-khai/xep-hang/2018/"))
    for year in (2022, 2024):  # rules known: A, B
        assert (
            'class="tier-rule"' not in client.get(f"/cong-khai/xep-hang/{year}/").content.decode()
        )
    assert "phụ thuộc quy tắc" not in text_of(client.get("/cong-khai/tinh/khanh-hoa/2022/"))


def test_province_without_an_aggregate_says_so(client, papi) -> None:
    # P14 (Hòa Bình? no: the data set's 14th row) has no 2021 row at all.
    missing = [r.province for r in papi.ranking(2021).rows if r.score is None]
    assert missing
    from chiso.public.slugs import province_slug

    response = client.get(f"/cong-khai/tinh/{province_slug(missing[0])}/2021/")
    assert response.status_code == 200
    assert 'data-testid="no-aggregate"' in response.content.decode()


def test_unknown_province_or_year_is_404(client, papi) -> None:
    assert client.get("/cong-khai/tinh/atlantis/2022/").status_code == 404
    assert client.get("/cong-khai/tinh/khanh-hoa/1999/").status_code == 404
    assert client.get("/cong-khai/xep-hang/1999/").status_code == 404
    assert client.get("/cong-khai/xep-hang/2015/?chi-so=8.3").status_code == 404


def test_pickers_redirect_and_latest(client, papi) -> None:
    response = client.get("/cong-khai/tinh/", {"tinh": "ha-noi", "nam": "2019"})
    assert response["Location"] == "/cong-khai/tinh/ha-noi/2019/"
    assert client.get("/cong-khai/tinh/khanh-hoa/")["Location"] == "/cong-khai/tinh/khanh-hoa/2024/"
    assert client.get("/cong-khai/xep-hang/")["Location"] == "/cong-khai/xep-hang/2024/"


@pytest.mark.parametrize("year, n", [(2021, 60), (2022, 61), (2023, 61), (2019, 63)])
def test_ranking_counts_and_lists_every_province(client, papi, year, n) -> None:
    response = client.get(f"/cong-khai/xep-hang/{year}/")
    html = response.content.decode()
    assert f"{n} tỉnh, thành phố có điểm" in text_of(response)
    rows = re.findall(r'<tr class="row-tier--(\w+)[^"]*" data-province="(\d+)"', html)
    assert len(rows) == 63  # provinces without a score are listed last
    assert sum(1 for tier, _ in rows if tier != "none") == n
    assert html.count('class="tile"') == 63


def test_ranking_khanh_hoa_row_and_sorting(client, papi) -> None:
    html = client.get("/cong-khai/xep-hang/2022/").content.decode()
    row = re.search(r'data-province="56">(.*?)</tr>', html, re.S).group(1)
    assert ">16<" in row and "43,44" in row and "Cao" in row and "+1,75" in row
    by_name = client.get("/cong-khai/xep-hang/2022/?sort=name").content.decode()
    names = re.findall(
        r'data-province="\d+">\s*<td class="num">[^<]*</td>\s*<td><a [^>]*>([^<]+)<', by_name
    )
    assert names[0] == "An Giang" and names[-1] == "Yên Bái"
    by_change = client.get("/cong-khai/xep-hang/2022/?sort=change").content.decode()
    codes = re.findall(r'data-province="(\d+)"', by_change)
    changes = [papi.unit_result(c, 2022, "aggregate") for c in codes]
    values = [r.change for r in changes if r is not None and r.change is not None]
    assert values == sorted(values, reverse=True)


def test_ranking_by_subdimension(client, papi) -> None:
    response = client.get("/cong-khai/xep-hang/2022/?chi-so=4.4")
    assert response.status_code == 200
    text = text_of(response)
    assert "Quyết tâm chống tham nhũng" in text
    html = response.content.decode()
    row = re.search(r'data-province="56">(.*?)</tr>', html, re.S).group(1)
    assert '<td class="num">3</td>' in row  # Khánh Hòa is 3rd on 4.4 in 2022


def test_public_pages_are_cacheable_with_etag(client, papi) -> None:
    url = "/cong-khai/tinh/khanh-hoa/2022/"
    first = client.get(url)
    assert "public" in first["Cache-Control"] and "max-age=600" in first["Cache-Control"]
    etag = first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag
    other = client.get("/cong-khai/tinh/khanh-hoa/2023/")
    assert other["ETag"] != etag
    client.cookies["django_language"] = "en"
    english = client.get(url)
    assert english["ETag"] != etag


def test_results_page_requires_login_and_shows_own_province(
    client, papi, province, make_user
) -> None:
    assert client.get("/ket-qua/").status_code == 302
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    response = client.get("/ket-qua/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    text = text_of(response)
    assert "Kết quả PAPI năm 2024: Khánh Hòa" in text
    text = text_of(client.get("/ket-qua/", {"nam": "2022"}))
    assert "43,44" in text and "16/61" in text
    assert (
        reverse("public:ranking", args=[2022]) in client.get("/ket-qua/?nam=2022").content.decode()
    )
    # The menu entry is there for logged-in users.
    assert "Kết quả PAPI" in text_of(client.get("/"))


def test_results_page_before_any_import(client, no_results, province, make_user) -> None:
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    assert "Chưa có kết quả" in text_of(client.get("/ket-qua/"))
    assert client.get("/cong-khai/tinh/khanh-hoa/2022/").status_code == 404


def test_home_panel_shows_the_latest_aggregate(client, papi, province) -> None:
    text = text_of(client.get("/"))
    assert "Kết quả PAPI năm 2024" in text
    assert "43,81" in text and "27/61" in text  # Khánh Hòa 2024


@override_settings(CHISO_TODAY="2023-08-15")
def test_published_plan_shows_objectives_tasks_and_statuses(
    client, papi, province, make_agency, make_user
) -> None:
    data = make_plan(province, make_agency, make_user)
    response = client.get(f"/cong-khai/ke-hoach/{data.plan.pk}/")
    assert response.status_code == 200
    text = text_of(response)
    assert PUBLIC_TASK in text and COMMUNE_TASK in text
    assert "Chưa đạt" in text and "Đạt" in text  # 44,94 < 45 (not met); tier Cao (met)
    assert "5.1 " in text and "Sở Nội vụ" in text and "30/06/2023" in text
    assert "Hoàn thành" in text and "Đang thực hiện" in text
    assert "public" in response["Cache-Control"] and response["ETag"]


@override_settings(CHISO_TODAY="2023-08-15")
def test_published_plan_before_its_results_says_where_the_province_stands(
    client, papi, monkeypatch, province, make_agency, make_user
) -> None:
    """Citizens on 15/08/2023 (PAPI 2023 not out): pending, with the 2022 reading."""
    from chiso.index import Dataset, compute
    from chiso.results import store

    known = [r for r in papi.dataset.records if r.year <= 2022]
    until_2022 = compute(Dataset.build(papi.framework, known, source="test"))
    monkeypatch.setattr(store, "load_results", lambda index="PAPI": until_2022)
    data = make_plan(province, make_agency, make_user)
    text = text_of(client.get(f"/cong-khai/ke-hoach/{data.plan.pk}/"))
    assert "Chưa có kết quả" in text and "Chưa đạt" not in text
    assert "Theo kết quả năm 2022: 43,44 / 45,00 — thiếu 1,56 điểm" in text


@override_settings(CHISO_TODAY="2023-08-15")
def test_plan_version_per_commune_and_print_view(
    client, papi, province, make_agency, make_user
) -> None:
    data = make_plan(province, make_agency, make_user)
    url = f"/cong-khai/ke-hoach/{data.plan.pk}/"
    text = text_of(client.get(url, {"don-vi": data.commune.pk}))
    assert COMMUNE_TASK in text and PUBLIC_TASK not in text
    printed = client.get(url + "ban-in/", {"don-vi": data.commune.pk})
    assert printed.status_code == 200
    html = printed.content.decode()
    assert "public/print.css" in html and "Bản dành cho: UBND phường Vĩnh Hải" in html
    assert COMMUNE_TASK in html and PUBLIC_TASK not in html
    assert client.get(url, {"don-vi": data.officer.pk + 999}).status_code == 404


@override_settings(CHISO_TODAY="2023-08-15")
def test_no_private_data_on_any_public_page(client, papi, province, make_agency, make_user) -> None:
    data = make_plan(province, make_agency, make_user)
    plan = data.plan.pk
    urls = [
        "/",
        "/cong-khai/",
        "/cong-khai/ke-hoach/",
        f"/cong-khai/ke-hoach/{plan}/",
        f"/cong-khai/ke-hoach/{plan}/ban-in/",
        f"/cong-khai/ke-hoach/{plan}/?don-vi={data.commune.pk}",
        f"/cong-khai/ke-hoach/{plan}/ban-in/?don-vi={data.department.pk}",
        "/cong-khai/tinh/khanh-hoa/2022/",
        "/cong-khai/xep-hang/2022/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_private_data(response.content.decode())
    assert client.get(f"/cong-khai/ke-hoach/{data.hidden_plan.pk}/").status_code == 404
    assert "Kế hoạch nội bộ" not in client.get("/cong-khai/ke-hoach/").content.decode()


def test_stored_results_after_import_feed_the_pages(client, papi_data_dir) -> None:
    """The real path: `chiso import-results` into the database, then the public page."""
    from chiso.results import store

    store.import_results(papi_data_dir)
    text = text_of(client.get("/cong-khai/tinh/khanh-hoa/2022/"))
    assert "43,44" in text and "16/61" in text


def test_profile_in_english(client, papi) -> None:
    client.cookies["django_language"] = "en"
    text = text_of(client.get("/cong-khai/tinh/khanh-hoa/2022/"))
    assert "In 2022, Khánh Hòa scored 43.44 points, ranked 16/61 provinces" in text
    assert "Strengths" in text and "High" in text and "Compared with 2021" in text


@override_settings(CHISO_TODAY="2023-08-15")
def test_group_assignments_are_named_by_their_group(
    client, papi, province, make_agency, make_user
) -> None:
    from chiso.accounts.models import AgencyGroup, AgencyKind
    from chiso.plans.models import Assignment, Task

    data = make_plan(province, make_agency, make_user)
    districts = [
        make_agency(province, name, AgencyKind.DISTRICT_COMMITTEE)
        for name in ("UBND huyện Cam Lâm", "UBND huyện Diên Khánh")
    ]
    group = AgencyGroup.objects.create(province=province, name="UBND các huyện, thị xã, thành phố")
    group.members.set(districts)
    task = Task.objects.create(province=province, plan=data.plan, title="Đối thoại định kỳ")
    for agency in districts:
        Assignment.objects.create(province=province, task=task, agency=agency, via_group=group)
    text = text_of(client.get(f"/cong-khai/ke-hoach/{data.plan.pk}/"))
    assert "UBND các huyện, thị xã, thành phố" in text
    assert "UBND huyện Cam Lâm" not in text.split("Đối thoại định kỳ")[1].split("Thời hạn")[0]
    # The district's own version still lists the task.
    own = text_of(client.get(f"/cong-khai/ke-hoach/{data.plan.pk}/", {"don-vi": districts[0].pk}))
    assert "Đối thoại định kỳ" in own


@override_settings(CHISO_TODAY="2023-08-15")
def test_plan_page_etag_changes_when_an_objective_is_edited(
    client, papi, province, make_agency, make_user
) -> None:
    from chiso.plans.services.drafting import save_objective

    data = make_plan(province, make_agency, make_user)
    url = f"/cong-khai/ke-hoach/{data.plan.pk}/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    objective = data.plan.objectives.get(code="1")
    coordinator = make_user("dieuphoi", Role.COORDINATOR, province)
    save_objective(coordinator, objective.plan, objective, value=44)
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "44,00" in text_of(changed)


def test_build_token_covers_the_site_templates_and_styles() -> None:
    from pathlib import Path

    from chiso.site.build import build_files

    covered = build_files()
    names = {Path(p).name for p in covered}
    assert "base.html" in names  # web/templates/web/base.html
    assert any(Path(p).suffix == ".css" for p in covered if "/web/" in str(p))


def test_a_ranking_names_the_provinces_it_leaves_out(client, papi) -> None:
    """Issue 14, item 7: a short word wherever the number of ranked provinces differs."""
    missing = sorted(r.province.display() for r in papi.ranking(2022).rows if r.rank is None)
    assert len(missing) == 2
    text = text_of(client.get("/cong-khai/xep-hang/2022/"))
    assert f"Không xếp hạng vì thiếu số liệu: {', '.join(missing)}." in text
    assert "Không xếp hạng" not in text_of(client.get("/cong-khai/xep-hang/2019/"))


def test_a_profile_explains_why_the_rank_denominator_changes(
    client, papi, province, make_user
) -> None:
    text = text_of(client.get("/cong-khai/tinh/khanh-hoa/2022/"))
    assert "16/61" in text
    assert "Số tỉnh, thành phố được xếp hạng khác nhau giữa các năm" in text
    assert "2021: 60/63; 2022: 61/63" in text
    assert "2019: " not in text.split("khác nhau giữa các năm")[1].split(").")[0]
    # Within 2022: 4.4 ranks 3/61, dimension 8 ranks 6/62, 6.1 ranks 53/63.
    assert "có thể khác nhau (61, 62, 63)" in text
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    results = text_of(client.get("/ket-qua/", {"tinh": "khanh-hoa", "nam": "2022"}))
    assert "Xếp hạng các tỉnh, thành phố năm 2022" in results
    assert "Xếp hạng 63 tỉnh" not in results


@override_settings(CHISO_TODAY="2023-08-15")
def test_plan_page_judges_each_objective_on_its_own_index(
    client, papi_and_pci, province, make_agency, make_user
) -> None:
    """A PAPI plan's PCI objective is named with its index and judged on PCI's results: PCI
    2023's published table leaves Khánh Hòa out, so it is pending, never judged on PAPI."""
    from chiso.plans.models import Objective

    data = make_plan(province, make_agency, make_user)
    Objective.objects.create(
        plan=data.plan, code="9", text="Chỉ số PCI đạt từ 60 điểm", kind="aggregate_score_min",
        value=60, index="PCI", order=9,
    )  # fmt: skip
    response = client.get(f"/cong-khai/ke-hoach/{data.plan.pk}/")
    objectives = {o.code: o for o in response.context["plan"].objectives}
    assert (objectives["9"].index, objectives["9"].status) == ("PCI", "pending")
    assert objectives["9"].status_label == "Chưa có kết quả"
    assert objectives["1"].index == ""  # the plan's own index is not repeated
    assert "9. [PCI] Chỉ số PCI đạt từ 60 điểm" in text_of(response)


def test_an_unchanged_rank_is_said_in_words(client, papi) -> None:
    # Thanh Hóa: 3rd in 2021 and in 2022.
    text = text_of(client.get("/cong-khai/tinh/thanh-hoa/2022/"))
    assert "thứ hạng không đổi" in text and "+0 bậc" not in text
    assert "+24 bậc" in text_of(client.get("/cong-khai/tinh/khanh-hoa/2022/"))


def test_ranking_says_an_unchanged_rank_in_words(client, papi) -> None:
    """The ranking's "Thay đổi hạng" column as on the cross-index page: Thanh Hóa, 3rd in 2021
    and 2022, reads "không đổi" / "unchanged", not "0"; Khánh Hòa keeps "+24"."""
    import re

    def cell(html: str, code: str) -> str:
        row = re.search(rf'data-province="{code}">(.*?)</tr>', html, re.S)
        assert row is not None
        return re.sub(r"<[^>]+>", "", re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)[-1])

    html = client.get("/cong-khai/xep-hang/2022/").content.decode()
    assert cell(html, "38") == "không đổi"
    assert cell(html, "56") == "+24"
    client.cookies["django_language"] = "en"
    english = client.get("/cong-khai/xep-hang/2022/").content.decode()
    assert cell(english, "38") == "unchanged"
