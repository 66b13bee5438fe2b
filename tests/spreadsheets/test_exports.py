"""Exports open with openpyxl: Vietnamese headers, dd/mm/yyyy dates, filter, frozen header,
widths; filtered as asked; scoped to the user; a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.test import Client
from openpyxl import load_workbook

from chiso.spreadsheets.xlsx import Column, Kind, table_to_xlsx
from tests.dashboards.conftest import PlanData


def book(data: bytes) -> Any:
    return load_workbook(io.BytesIO(data))


def test_table_to_xlsx() -> None:
    data = table_to_xlsx(
        "Danh sách: quá hạn?",
        [
            Column("Cơ quan", 30),
            Column("Thời hạn", 12, Kind.DATE),
            Column("Tiến độ", 8, Kind.PERCENT),
            Column("Ghi chú", 20),
        ],
        [["Sở Nội vụ", dt.date(2023, 6, 30), 45, "=1+1"], ["Sở Tư pháp", None, 0, None]],
    )
    ws = book(data).active
    assert ws.title == "Danh sách- quá hạn-"
    assert [c.value for c in ws[1]] == ["Cơ quan", "Thời hạn", "Tiến độ", "Ghi chú"]
    assert ws["B2"].value == dt.datetime(2023, 6, 30) and ws["B2"].number_format == "dd/mm/yyyy"
    assert ws["C2"].number_format == '0"%"'
    assert ws["D2"].value == "=1+1" and ws["D2"].data_type == "s"  # text, never a formula
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:D3"
    assert ws.column_dimensions["A"].width == 30


def test_plan_export(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    client.force_login(users["leadership"])
    response = client.get(f"/bang-tinh/ke-hoach/{plan_data.plan.pk}/ke-hoach.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    wb = book(response.content)
    assert wb.sheetnames == ["Kế hoạch", "Mục tiêu", "Mục", "Nhiệm vụ"]
    tasks = wb["Nhiệm vụ"]
    assert [c.value for c in tasks[1]] == [
        "STT",
        "Mục",
        "Nhiệm vụ",
        "Chỉ số/nội dung liên quan",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời hạn",
        "Sản phẩm",
    ]
    rows = [[c.value for c in r] for r in tasks.iter_rows(min_row=2)]
    assert rows[0][:7] == [
        "1",
        "II.1",
        "Tuyên truyền dân chủ cơ sở",
        "1.1",
        "Sở Nội vụ",
        "UBND thành phố Nha Trang",
        dt.datetime(2023, 6, 30),
    ]
    assert rows[1][4] == "UBND thành phố Cam Ranh; UBND thành phố Nha Trang"
    assert rows[3][6] == "Thường xuyên"
    assert wb["Kế hoạch"]["B2"].value == "45/KH-UBND"


def test_assignment_export_filtered_and_scoped(
    plan_data: PlanData,
    users: dict[str, Any],
    client: Client,
    today_2023: dt.date,
    django_assert_max_num_queries: Any,
) -> None:
    client.force_login(users["coordinator"])
    with django_assert_max_num_queries(8):
        response = client.get("/bang-tinh/phan-cong.xlsx", {"status": "overdue"})
    ws = book(response.content).active
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=2)]
    assert len(rows) == 1 and rows[0][3] == "UBND thành phố Nha Trang" and rows[0][7] == "Quá hạn"
    response = client.get("/bang-tinh/phan-cong.xlsx", {"status": "finished"})
    assert book(response.content).active.max_row == 3
    # An agency officer exports only their own agency's assignments.
    client.force_login(users["nhatrang"])
    ws = book(client.get("/bang-tinh/phan-cong.xlsx").content).active
    assert {r[3].value for r in ws.iter_rows(min_row=2)} == {"UBND thành phố Nha Trang"}


def test_task_export_as_filtered(
    plan_data: PlanData, users: dict[str, Any], client: Client, today_2023: dt.date
) -> None:
    client.force_login(users["coordinator"])
    ws = book(client.get("/bang-tinh/nhiem-vu.xlsx", {"unit": "2"}).content).active
    assert [r[2].value for r in ws.iter_rows(min_row=2)] == ["Công khai quy hoạch"]
    ws = book(
        client.get(
            "/bang-tinh/nhiem-vu.xlsx", {"agency": plan_data.cam_ranh.pk, "status": "done_late"}
        ).content
    ).active
    assert [r[2].value for r in ws.iter_rows(min_row=2)] == ["Một cửa liên thông"]


def test_report_export(plan_data: PlanData, users: dict[str, Any], client: Client) -> None:
    from chiso.plans.models import ProgressReport

    ProgressReport.objects.create(
        province=plan_data.plan.province,
        assignment=plan_data.assignments["t2_nt"],
        author=users["nhatrang"],
        narrative="Đã niêm yết",
        progress=50,
    )
    client.force_login(users["outsider"])
    ws = book(client.get("/bang-tinh/bao-cao.xlsx").content).active
    assert ws.max_row == 1  # another province's coordinator sees nothing
    client.force_login(users["coordinator"])
    ws = book(client.get("/bang-tinh/bao-cao.xlsx").content).active
    assert ws["C2"].value == "UBND thành phố Nha Trang" and ws["L2"].value == "Đã niêm yết"
    assert ws["H2"].value == "Chờ duyệt"


def test_outsiders_get_404(plan_data: PlanData, users: dict[str, Any], client: Client) -> None:
    client.force_login(users["outsider"])
    assert client.get(f"/bang-tinh/ke-hoach/{plan_data.plan.pk}/ke-hoach.xlsx").status_code == 404
    assert client.get(f"/bang-tinh/ke-hoach/{plan_data.plan.pk}/nhap/").status_code == 404
    ws = book(client.get("/bang-tinh/phan-cong.xlsx").content).active
    assert ws.max_row == 1
    client.logout()
    assert client.get("/bang-tinh/phan-cong.xlsx").status_code == 302
