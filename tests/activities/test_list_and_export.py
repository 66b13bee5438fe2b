"""The activities list filters (type, period, PAPI area) agree with the coverage page, and the
postings coverage downloads as an XLSX file with the page's figures."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from chiso.activities import services
from chiso.activities.models import ActivityKind, PlaceType
from tests.activities.test_coverage import activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(world):
    return {
        "feb": activity(world, dt.date(2023, 2, 10), 100, ["2"]),
        "may": activity(world, dt.date(2023, 5, 3), 40, ["2.4", "5.4"]),
        "radio": activity(world, dt.date(2023, 5, 20), None, ["1.1"], kind=ActivityKind.RADIO_TV),
        "jul": activity(world, dt.date(2023, 7, 1), 15, ["8.3"]),
    }


def listed(client: Client, query: str) -> set[str]:
    response = client.get(f"/hoat-dong/tuyen-truyen/?{query}")
    assert response.status_code == 200
    return {a.title for a in response.context["activities"]}


def titles(*objs) -> set[str]:
    return {o.title for o in objs}


def test_the_list_filters_by_type_period_and_area(world, activities, client: Client) -> None:
    a = activities
    client.force_login(world.leadership)
    assert listed(client, "") == titles(*a.values())
    assert listed(client, "loai=radio_tv") == titles(a["radio"])
    assert listed(client, "ky=quy-2") == titles(a["may"], a["radio"])
    assert listed(client, "ky=thang-7") == titles(a["jul"])
    assert listed(client, "ky=thang-3") == set()
    # a dimension counts activities naming it or one of its sub-dimensions …
    assert listed(client, "chi-so=2") == titles(a["feb"], a["may"])
    # … a sub-dimension those naming it or its whole dimension (as the coverage page counts)
    assert listed(client, "chi-so=2.4") == titles(a["feb"], a["may"])
    assert listed(client, "chi-so=2.1") == titles(a["feb"])
    assert listed(client, "chi-so=2&ky=quy-2&loai=training") == titles(a["may"])
    # values the page does not offer are ignored rather than failing
    assert listed(client, "chi-so=5.2&ky=quy-9&loai=party") == titles(*a.values())
    body = client.get("/hoat-dong/tuyen-truyen/?ky=thang-3").content.decode()
    assert "Không có hoạt động nào khớp bộ lọc." in body


def test_coverage_rows_link_to_the_filtered_list(world, activities, client: Client) -> None:
    client.force_login(world.coordinator)
    body = client.get("/hoat-dong/do-phu/?ky=quy").content.decode()
    plan = world.plan.pk
    assert f"/hoat-dong/tuyen-truyen/?ke-hoach={plan}&amp;chi-so=2.4" in body
    assert f"/hoat-dong/tuyen-truyen/?ke-hoach={plan}&amp;ky=quy-2" in body


def test_the_postings_coverage_downloads_as_xlsx(world, client: Client) -> None:
    posting = services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.VILLAGE_HALL,
        place="Tổ dân phố 5",
        posted_on=dt.date(2023, 7, 3),
    )
    services.check_posting(
        world.officer_nt,
        posting,
        checked_on=dt.date(2023, 8, 2),
        still_posted=False,
        note="Bảng bị gỡ",
        version=1,
    )
    client.force_login(world.leadership)
    page = client.get("/hoat-dong/niem-yet/").content.decode()
    assert "/hoat-dong/niem-yet/xlsx/" in page
    response = client.get(f"/hoat-dong/niem-yet/xlsx/?ke-hoach={world.plan.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "niem-yet-bo-khung-2023.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Theo xã", "Các nơi niêm yết"]
    communes = [row for row in book["Theo xã"].iter_rows(values_only=True)]
    assert communes[0] == ("99/KH-UBND — Kế hoạch PAPI 2023",) + (None,) * 8
    assert communes[1][0] == "Xã đã niêm yết: 1/3"
    assert communes[2][0] == "Thôn, tổ dân phố đã niêm yết: 0/0"
    assert communes[3][:3] == ("Huyện, thị xã, thành phố", "Xã, phường, thị trấn", "Tình trạng")
    by_commune = {row[1]: row for row in communes[4:]}
    assert by_commune["UBND phường Vĩnh Hải"] == (
        "UBND thành phố Nha Trang",
        "UBND phường Vĩnh Hải",
        "Đã niêm yết",
        1,
        dt.datetime(2023, 7, 3),
        dt.datetime(2023, 8, 2),
        1,
        0,
        0,
    )
    assert by_commune["UBND phường Cam Nghĩa"][2:4] == ("Chưa niêm yết", 0)
    places = list(book["Các nơi niêm yết"].iter_rows(values_only=True))
    assert places[2] == (
        "UBND phường Vĩnh Hải",
        "Nhà văn hóa thôn, tổ dân phố",
        None,
        "Tổ dân phố 5",
        dt.datetime(2023, 7, 3),
        dt.datetime(2023, 8, 2),
        "Không còn niêm yết",
        "Bảng bị gỡ",
    )
    assert book["Các nơi niêm yết"]["E3"].number_format == "dd/mm/yyyy"


def test_the_postings_coverage_writes_formulas_as_text(world, client: Client) -> None:
    formula = '=HYPERLINK("http://x","y")'
    services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.VILLAGE_HALL,
        place=formula,
        posted_on=dt.date(2023, 7, 3),
    )
    client.force_login(world.leadership)
    response = client.get(f"/hoat-dong/niem-yet/xlsx/?ke-hoach={world.plan.pk}")
    places = load_workbook(io.BytesIO(response.content))["Các nơi niêm yết"]
    cell = next(c for row in places.iter_rows() for c in row if c.value == formula)
    assert cell.data_type == "s" and cell.quotePrefix
