"""Bulk set-up from one workbook: preview, row-level errors naming sheet/row/column, saving all
or nothing, password e-mails for new users, export in the same format, prefill of wards."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from openpyxl import load_workbook

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind, Role, User
from chiso.audit.models import AuditEntry
from chiso.bulksetup.workbook import SHEETS, to_bytes, write_workbook
from chiso.places.models import Village

pytestmark = pytest.mark.django_db

AGENCIES = [
    ["56", "UBND tỉnh Khánh Hòa", "", "UBND tỉnh", "", "có"],
    ["SNV", "Sở Nội vụ", "SNV", "Sở, ban, ngành", "56", ""],
    ["568", "UBND thành phố Nha Trang", "Nha Trang", "UBND cấp huyện", "", "có"],
    ["22366", "UBND xã Vĩnh Lương", "", "UBND cấp xã", "568", "có"],
]
GROUPS = [["Các huyện", "568"]]
USERS = [
    ["nt.officer", "Trần Văn Nha", "nha@example.vn", "Chuyên viên cơ quan", "568", "có"],
    ["nt.head", "Hồ Thị Trưởng", "truong@example.vn", "Lãnh đạo cơ quan", "568", "có"],
]
VILLAGES = [["22366", "Thôn", "Thôn Đông Bắc", "T01"], ["22366", "Thôn", "Văn Đăng", ""]]


def workbook(**override) -> io.BytesIO:
    rows = {
        "Cơ quan": AGENCIES,
        "Nhóm": GROUPS,
        "Người dùng": USERS,
        "Thôn, tổ dân phố": VILLAGES,
    }
    rows.update(override)
    buffer = io.BytesIO(to_bytes(write_workbook(rows)))
    buffer.name = "thiet-lap.xlsx"
    return buffer


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def coordinator(client, province, make_user, settings):
    settings.CHISO_SITE_URL = "https://chiso.example.vn"
    client.force_login(make_user("sonoivu", Role.COORDINATOR, province))
    return client


def test_preview_then_save_everything_and_invite_new_users(
    coordinator, province, django_capture_on_commit_callbacks
) -> None:
    response = coordinator.post("/thiet-lap/", {"tep": workbook()})
    assert response.status_code == 302
    preview = text_of(coordinator.get(response.url))
    assert "Người dùng 2 Thêm mới nt.officer — Trần Văn Nha" in preview
    assert not Agency.objects.exists()  # the preview saves nothing
    with django_capture_on_commit_callbacks(execute=True):
        confirm = coordinator.post(response.url + "luu/", follow=True)
    assert "thêm 9, cập nhật 0; đã gửi 2 thư" in text_of(confirm)
    commune = Agency.objects.get(code="22366")
    assert (commune.parent.code, commune.kind) == ("568", AgencyKind.COMMUNE_COMMITTEE)
    assert Agency.objects.get(code="SNV").parent.name == "UBND tỉnh Khánh Hòa"
    assert [a.code for a in AgencyGroup.objects.get().members.all()] == ["568"]
    officer = User.objects.get(username="nt.officer")
    assert (officer.last_name, officer.first_name, officer.role) == (
        "Trần Văn",
        "Nha",
        Role.AGENCY_OFFICER,
    )
    assert not officer.has_usable_password()
    assert sorted(str(v) for v in Village.objects.all()) == ["Thôn Văn Đăng", "Thôn Đông Bắc"]
    assert len(mail.outbox) == 2
    assert "https://chiso.example.vn/tai-khoan/dat-lai-mat-khau/" in mail.outbox[0].body
    assert "nt." in mail.outbox[0].body and "đặt mật khẩu" in mail.outbox[0].body
    assert AuditEntry.objects.filter(action="setup.apply").count() == 1
    assert AuditEntry.objects.filter(action="user.create").count() == 2
    # The link works: the new user sets a password on Django's reset page.
    link = re.search(r"https://chiso.example.vn(\S+)", mail.outbox[0].body).group(1)
    coordinator.logout()
    form = coordinator.get(link, follow=True)
    assert form.status_code == 200 and "new_password1" in form.content.decode()


def test_errors_name_sheet_row_and_column_and_nothing_is_saved(coordinator) -> None:
    bad = workbook(
        **{
            "Cơ quan": [*AGENCIES, ["X1", "Phòng lạ", "", "Loại lạ", "999", "có"]],
            "Người dùng": [
                ["nt.officer", "Trần Văn Nha", "không-phải-thư", "Chuyên viên cơ quan", "568", ""]
            ],
        }
    )
    response = coordinator.post("/thiet-lap/", {"tep": bad})
    text = text_of(response)
    assert response.status_code == 200
    assert "Trang “Cơ quan”, dòng 6, cột D (Loại): loại “Loại lạ” không có" in text
    assert "Trang “Cơ quan”, dòng 6, cột E (Mã cơ quan cấp trên): không có cơ quan mã 999." in text
    assert "Trang “Người dùng”, dòng 2, cột C (Thư điện tử)" in text
    assert not Agency.objects.exists() and not User.objects.filter(username="nt.officer").exists()


def test_a_second_upload_updates_and_export_gives_the_same_format(coordinator, province) -> None:
    first = coordinator.post("/thiet-lap/", {"tep": workbook()})
    coordinator.post(first.url + "luu/")
    renamed = [row[:] for row in AGENCIES]
    renamed[2][2] = "TP Nha Trang"
    second = coordinator.post("/thiet-lap/", {"tep": workbook(**{"Cơ quan": renamed})})
    confirm = coordinator.post(second.url + "luu/", follow=True)
    assert "thêm 0, cập nhật 9; đã gửi 0 thư" in text_of(confirm)
    assert Agency.objects.get(code="568").short_name == "TP Nha Trang"
    wb = load_workbook(io.BytesIO(coordinator.get("/thiet-lap/xlsx/").content))
    assert wb.sheetnames == [s.title for s in SHEETS]
    rows = list(wb["Cơ quan"].iter_rows(values_only=True))
    assert rows[0] == (
        "Mã",
        "Tên cơ quan",
        "Tên viết tắt",
        "Loại",
        "Mã cơ quan cấp trên",
        "Đang hoạt động",
    )
    assert ("22366", "UBND xã Vĩnh Lương", None, "UBND cấp xã", "568", "có") in rows
    villages = list(wb["Thôn, tổ dân phố"].iter_rows(values_only=True))
    assert ("22366", "Thôn", "Đông Bắc", "T01") in villages


def test_prefill_adds_the_2025_wards_of_the_province(coordinator, province) -> None:
    wb = load_workbook(io.BytesIO(coordinator.get("/thiet-lap/xa-phuong-2025/").content))
    names = [r[1] for r in wb["Cơ quan"].iter_rows(min_row=2, values_only=True)]
    assert len(names) == 65 and "UBND phường Nha Trang" in names  # Khánh Hòa after 1/7/2025


def test_agency_staff_cannot_set_up(client, province, make_user) -> None:
    client.force_login(make_user("o", Role.AGENCY_OFFICER, province))
    assert client.get("/thiet-lap/").status_code == 403
