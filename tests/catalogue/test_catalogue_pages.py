"""The catalogue pages: the starter list, XLSX round trip (all-or-nothing import, audited),
suggestions for a plan's weak units and one-click "add to plan"."""

from __future__ import annotations

import io
import re

import pytest
from openpyxl import Workbook, load_workbook

from chiso.accounts.models import AgencyKind, Role
from chiso.audit.models import AuditEntry
from chiso.catalogue.models import CatalogueTask
from chiso.plans.models import Task
from tests.reviews.plan_data import make_reviewed_plan

pytestmark = pytest.mark.django_db


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def coordinator(client, province, make_user):
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    return client


def test_starter_catalogue_until_the_province_has_its_own(coordinator) -> None:
    text = text_of(coordinator.get("/danh-muc-nhiem-vu/"))
    assert "danh mục mẫu toàn quốc" in text and "5.4. Thủ tục hành chính cấp xã/phường" in text
    assert "C-4" in text


def _upload(client, wb: Workbook, name: str = "danh-muc.xlsx"):
    buffer = io.BytesIO()
    wb.save(buffer)
    buffer.seek(0)
    buffer.name = name
    return client.post("/danh-muc-nhiem-vu/nhap/", {"tep": buffer}, follow=True)


def test_xlsx_round_trip_replaces_the_catalogue(coordinator, province) -> None:
    response = coordinator.get("/danh-muc-nhiem-vu/xlsx/")
    wb = load_workbook(io.BytesIO(response.content))
    ws = wb.active
    header = next(r for r in range(1, 6) if ws.cell(r, 1).value == "Mã")
    assert ws.cell(header + 1, 1).value == "S-1"
    ws.cell(header + 1, 2).value = "Nhiệm vụ riêng của tỉnh về kiểm soát tham nhũng"
    ws.delete_rows(header + 2, 1)  # drop S-2
    text = text_of(_upload(coordinator, wb))
    assert "Đã nhập 19 nhiệm vụ vào danh mục." in text
    assert CatalogueTask.objects.filter(province=province).count() == 19
    assert not CatalogueTask.objects.filter(code="S-2").exists()
    assert AuditEntry.objects.filter(action="catalogue.import").count() == 1
    assert "Nhiệm vụ riêng của tỉnh" in text_of(coordinator.get("/danh-muc-nhiem-vu/"))


def test_bad_rows_refuse_the_whole_file(coordinator, province) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["Mã", "Nhiệm vụ", "Chỉ số"])
    ws.append(["A", "Đúng", "1.2"])
    ws.append(["B", "Sai chỉ số", "9.9"])
    ws.append(["A", "Trùng mã", "2"])
    text = text_of(_upload(coordinator, wb, "sai.xlsx"))
    assert (
        "sai.xlsx, dòng 3" in text and "9.9" in text and "sai.xlsx, dòng 4: mã A bị trùng" in text
    )
    assert not CatalogueTask.objects.exists()
    not_xlsx = io.BytesIO(b"code,title\n")
    not_xlsx.name = "danh-muc.csv"
    text = text_of(coordinator.post("/danh-muc-nhiem-vu/nhap/", {"tep": not_xlsx}, follow=True))
    assert "danh-muc.csv: không đọc được" in text


def test_only_the_coordinator_imports(client, province, make_user) -> None:
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    assert client.post("/danh-muc-nhiem-vu/nhap/").status_code == 403


def test_plan_suggestions_and_add_in_one_click(coordinator, papi, province, make_agency) -> None:
    plan = make_reviewed_plan(province, make_agency)
    make_agency(province, "Sở Y tế", AgencyKind.DEPARTMENT)
    page = coordinator.get(f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/")
    html = page.content.decode()
    # Khánh Hòa's weak units in 2022 (the plan's baseline results) include 6.1 (public health)
    assert 'data-unit="6.1"' in html and 'data-testid="add-C-5"' in html
    response = coordinator.post(
        f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/them/", {"ma": "C-5"}, follow=True
    )
    assert "Đã thêm nhiệm vụ" in text_of(response)
    task = Task.objects.get(plan=plan, title__startswith="Nâng cao chất lượng khám chữa bệnh")
    assert sorted(u.unit_code for u in task.units.all()) == ["6.1", "6.2"]
    assert [a.agency.name for a in task.assignments.all()] == ["Sở Y tế"]
    again = coordinator.get(f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/").content.decode()
    assert 'data-testid="add-C-5"' not in again and "Đã có trong kế hoạch" in again
    bad = coordinator.post(
        f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/them/", {"ma": "ZZ"}, follow=True
    )
    assert "Không có nhiệm vụ mã ZZ" in text_of(bad)


def test_readers_see_suggestions_without_buttons(
    client, papi, province, make_agency, make_user
) -> None:
    plan = make_reviewed_plan(province, make_agency)
    client.force_login(make_user("lanhdao", Role.LEADERSHIP, province))
    html = client.get(f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/").content.decode()
    assert 'data-unit="6.1"' in html and "add-C-5" not in html
    assert (
        client.post(f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/them/", {"ma": "C-5"}).status_code
        == 403
    )


def test_without_a_matching_agency_the_plans_issuer_leads_or_it_says_why(
    coordinator, papi, province, make_agency
) -> None:
    plan = make_reviewed_plan(province, make_agency)  # no issuer, no "Sở Y tế"
    response = coordinator.post(
        f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/them/", {"ma": "C-5"}, follow=True
    )
    assert "Cần chọn cơ quan chủ trì" in text_of(response)
    assert not Task.objects.filter(plan=plan, title__startswith="Nâng cao chất lượng").exists()
    issuer = make_agency(province, "UBND tỉnh Khánh Hòa", AgencyKind.PEOPLES_COMMITTEE)
    plan.issuer = issuer
    plan.save()
    coordinator.post(f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/them/", {"ma": "C-5"})
    task = Task.objects.get(plan=plan, title__startswith="Nâng cao chất lượng")
    assert [a.agency.name for a in task.assignments.all()] == ["UBND tỉnh Khánh Hòa"]


def test_editing_one_entry_copies_the_starter_and_audits(coordinator, province) -> None:
    page = coordinator.get("/danh-muc-nhiem-vu/sua/C-5/")
    assert page.status_code == 200 and 'value="Sở Y tế"' in page.content.decode()
    response = coordinator.post(
        "/danh-muc-nhiem-vu/sua/C-5/",
        {
            "title": "Khảo sát hài lòng về y tế, giáo dục",
            "units": "6.1, 6.2",
            "lead": "",
            "ref": "",
        },
    )
    assert response.status_code == 302
    assert CatalogueTask.objects.filter(province=province).count() == 20  # the starter, copied
    entry = CatalogueTask.objects.get(province=province, code="C-5")
    assert (entry.title, entry.units, entry.lead) == (
        "Khảo sát hài lòng về y tế, giáo dục",
        "6.1 6.2",
        "",
    )
    log = AuditEntry.objects.get(action="catalogue.entry.update")
    assert log.changes["lead"] == ["Sở Y tế", ""] and "chép" in log.note
    bad = coordinator.post("/danh-muc-nhiem-vu/sua/C-5/", {"title": "X", "units": "9.9"})
    assert bad.status_code == 200 and "9.9" in text_of(bad)
    assert coordinator.get("/danh-muc-nhiem-vu/sua/KHONG-CO/").status_code == 404


def test_added_task_takes_the_guides_from_the_responsibilities_map(
    coordinator, province, make_agency, papi
) -> None:
    from chiso.accounts.models import User
    from chiso.responsibilities.services import set_agency_units

    plan = make_reviewed_plan(province, make_agency)
    health = make_agency(province, "Sở Y tế Khánh Hòa")
    school = make_agency(province, "Sở Giáo dục và Đào tạo")
    user = User.objects.get(username="sonoivu")
    set_agency_units(user, health, guides=["6.1"])
    set_agency_units(user, school, guides=["6"])
    # C-5's usual lead "Sở Y tế" names no agency of this province: the map decides.
    coordinator.post(f"/danh-muc-nhiem-vu/ke-hoach/{plan.pk}/them/", {"ma": "C-5"})
    task = Task.objects.get(plan=plan, title__startswith="Nâng cao chất lượng khám")
    leads = sorted(a.agency.name for a in task.assignments.filter(leads=True))
    assert leads == ["Sở Giáo dục và Đào tạo", "Sở Y tế Khánh Hòa"]  # 6.1 exact, 6.2 via 6


def test_a_past_plans_tasks_join_the_catalogue(coordinator, province, make_user, make_agency):
    """Issue 17, item 4: the catalogue is seeded from the province's own past plans too."""
    from chiso.plans import services
    from chiso.plans.models import Plan

    justice = make_agency(province, "Sở Tư pháp", AgencyKind.DEPARTMENT)
    staff = make_user("snv2", Role.COORDINATOR, province)
    past = Plan.objects.create(
        province=province,
        number="12/KH-UBND",
        title="Kế hoạch PAPI 2022",
        year=2022,
        baseline_year=2021,
    )
    for title, units, follow_up in (
        ("Tổ chức đối thoại về trợ giúp pháp lý", ["3.3"], False),
        ("Họp giao ban nội bộ", [], False),  # no PAPI unit: not a catalogue entry
        ("Khắc phục sau kiểm tra", ["3.3"], True),  # given during the year: not part of the plan
        ("Tổ chức đối thoại về trợ giúp pháp lý", ["3.3"], False),  # the same task twice
    ):
        services.create_task(
            staff,
            past,
            title=title,
            lead_agencies=[justice],
            unit_codes=units,
            follow_up=follow_up,
            code="1",
        )
    page = coordinator.get("/danh-muc-nhiem-vu/").content.decode()
    assert 'data-testid="catalogue-from-plan"' in page
    response = coordinator.post(
        "/danh-muc-nhiem-vu/tu-ke-hoach/", {"ke_hoach": past.pk}, follow=True
    )
    assert "Đã thêm 1 nhiệm vụ của 12/KH-UBND vào danh mục." in text_of(response)
    entry = CatalogueTask.objects.get(province=province, source="plan")
    assert (entry.code, entry.units, entry.lead, entry.ref) == (
        "KH2022-1",
        "3.3",
        "Sở Tư pháp",
        "12/KH-UBND 1",
    )
    assert CatalogueTask.objects.filter(province=province).count() > 1  # the starter copied first
    assert AuditEntry.objects.filter(action="catalogue.from_plan").count() == 1
    again = coordinator.post("/danh-muc-nhiem-vu/tu-ke-hoach/", {"ke_hoach": past.pk}, follow=True)
    assert "Danh mục đã có mọi nhiệm vụ gắn chỉ số của kế hoạch này." in text_of(again)
    assert CatalogueTask.objects.filter(province=province, source="plan").count() == 1
