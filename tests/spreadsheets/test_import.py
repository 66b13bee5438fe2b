"""Task-framework import: a good file, each kind of error (nothing saved), the command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command

from chiso.audit.models import AuditEntry
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment, Relation, Section, Task
from chiso.spreadsheets.framework_import import (
    ImportFailed,
    confirm_import,
    import_framework,
    preview_framework,
    upload_framework,
)
from tests.dashboards.conftest import PlanData
from tests.spreadsheets.conftest import HEADERS

GOOD_ROWS = [
    [
        "1",
        "II.3. Tăng cường trách nhiệm giải trình",
        "Tổ chức đối thoại với người dân",
        "3.1; 3.2",
        "ubnd cac huyen, thi xa, thanh pho",
        "Sở Nội vụ",
        dt.datetime(2023, 9, 30),
        "Báo cáo",
    ],
    [
        "2",
        "II.3",
        "Giám sát việc giải quyết khiếu nại",
        "3",
        "Ủy ban MTTQ Việt Nam tỉnh",
        "",
        "30/11/2023",
        "Báo cáo giám sát",
    ],
    [
        "3",
        "II.1",
        "Cập nhật trang thông tin điện tử",
        "1.1",
        "SỞ NỘI VỤ",
        "UBND thành phố Nha Trang; UBND thành phố Cam Ranh",
        "Thường xuyên",
        "",
    ],
]


def task_count(plan: Any) -> int:
    return Task.objects.filter(plan=plan).count()


def test_good_file_imports_everything(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    plan, before = plan_data.plan, task_count(plan_data.plan)
    data = make_xlsx(GOOD_ROWS, title_rows=["BỘ KHUNG NHIỆM VỤ NĂM 2023", ""])
    preview = preview_framework(plan, "khung.xlsx", data)
    assert preview.errors == [] and len(preview.drafts) == 3
    assert preview.new_sections == {"II.3": "Tăng cường trách nhiệm giải trình"}

    result = import_framework(users["coordinator"], plan, "khung.xlsx", data)
    assert (result.tasks, result.sections) == (3, 1)
    assert task_count(plan) == before + 3
    t1 = Task.objects.get(plan=plan, title="Tổ chức đối thoại với người dân")
    assert t1.section.code == "II.3" and t1.deadline == dt.date(2023, 9, 30)
    assert t1.lead_group == plan_data.group
    assert sorted(t1.units.values_list("unit_code", flat=True)) == ["3.1", "3.2"]
    rel = {a.agency.name: a.relation for a in t1.assignments.select_related("agency")}
    assert rel == {
        "UBND thành phố Nha Trang": Relation.LEAD,
        "UBND thành phố Cam Ranh": Relation.LEAD,
        "Sở Nội vụ": Relation.COORDINATE,
    }
    # The Fatherland Front is asked (đề nghị), not ordered.
    t2 = Task.objects.get(plan=plan, title="Giám sát việc giải quyết khiếu nại")
    assert t2.assignments.get().relation == Relation.REQUEST
    t3 = Task.objects.get(plan=plan, title="Cập nhật trang thông tin điện tử")
    assert t3.recurring and t3.deadline is None and t3.section == plan_data.sections["II.1"]
    assert result.assignments == 3 + 1 + 3
    assert AuditEntry.objects.filter(action="task.create").count() == 3
    assert AuditEntry.objects.filter(action="plan.import_tasks").count() == 1


def _errors(plan: Any, data: bytes) -> list[str]:
    return [str(e) for e in preview_framework(plan, "sai.xlsx", data).errors]


def _assert_nothing_saved(plan_data: PlanData, user: Any, data: bytes) -> list[str]:
    tasks, assignments = task_count(plan_data.plan), Assignment.objects.count()
    sections = Section.objects.count()
    with pytest.raises(ImportFailed) as failed:
        import_framework(user, plan_data.plan, "sai.xlsx", data)
    assert task_count(plan_data.plan) == tasks
    assert (Assignment.objects.count(), Section.objects.count()) == (assignments, sections)
    return [str(e) for e in failed.value.errors]


def test_unknown_agency_with_suggestions(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    rows = [GOOD_ROWS[0], [*GOOD_ROWS[1][:4], "UBND TP Nha Trangg", *GOOD_ROWS[1][5:]]]
    errors = _assert_nothing_saved(plan_data, users["coordinator"], make_xlsx(rows))
    assert errors == [
        "sai.xlsx, dòng 3, cột “Cơ quan chủ trì”: Không có cơ quan hoặc nhóm “UBND TP Nha Trangg” "
        "trong tỉnh. Có phải: “UBND thành phố Nha Trang”?"
    ]


def test_bad_dates(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    rows = [
        [*GOOD_ROWS[0][:6], "31/02/2023", ""],
        [*GOOD_ROWS[1][:6], "quý III", ""],
        [*GOOD_ROWS[2][:6], "30/06/2032", ""],
    ]
    errors = _assert_nothing_saved(plan_data, users["coordinator"], make_xlsx(rows))
    assert len(errors) == 3
    assert errors[0].startswith(
        "sai.xlsx, dòng 2, cột “Thời hạn”: Thời hạn “31/02/2023” không hợp lệ"
    )
    assert "dòng 3" in errors[1] and "“quý III”" in errors[1]
    assert "30/06/2032 nằm ngoài khoảng 2022–2028" in errors[2]


def test_missing_column(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    headers = [h for h in HEADERS if h != "Thời hạn"]
    data = make_xlsx([row[:6] + row[7:] for row in GOOD_ROWS], headers=headers)
    errors = _assert_nothing_saved(plan_data, users["coordinator"], data)
    assert errors == ["sai.xlsx, dòng 1, cột “Thời hạn”: Thiếu cột “Thời hạn” ở dòng tiêu đề."]


def test_empty_title(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    rows = [GOOD_ROWS[0], ["2", "II.1", "  ", "1", "Sở Nội vụ", "", "30/09/2023", ""]]
    errors = _assert_nothing_saved(plan_data, users["coordinator"], make_xlsx(rows))
    assert errors == ["sai.xlsx, dòng 3, cột “Nhiệm vụ”: Thiếu tên nhiệm vụ."]


def test_duplicate_rows(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    again = [*GOOD_ROWS[0]]
    again[2] = "TỔ CHỨC đối thoại  với người dân"
    existing = ["9", "II.1", "Tuyên truyền dân chủ cơ sở", "1.1", "Sở Nội vụ", "", "30/09/2023", ""]
    errors = _assert_nothing_saved(
        plan_data, users["coordinator"], make_xlsx([GOOD_ROWS[0], again, existing])
    )
    assert errors == [
        "sai.xlsx, dòng 3, cột “Nhiệm vụ”: Trùng với nhiệm vụ ở dòng 2 (cùng mục, cùng tên).",
        "sai.xlsx, dòng 4, cột “Nhiệm vụ”: Mục II.1 của kế hoạch đã có nhiệm vụ này "
        "(nhập lại tệp cũ?).",
    ]


def test_wrong_sheet_and_not_xlsx(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    data = make_xlsx(GOOD_ROWS, sheet="Sheet1", extra_sheets=["Ghi chú"])
    errors = _assert_nothing_saved(plan_data, users["coordinator"], data)
    assert errors == [
        "sai.xlsx: Không có trang tính “Nhiệm vụ”; tệp có các trang: “Sheet1”, "
        "“Ghi chú”. Hãy đặt tên trang chứa danh sách nhiệm vụ là “Nhiệm vụ”."
    ]
    errors = _assert_nothing_saved(plan_data, users["coordinator"], b"STT;Muc\n1;II.1\n")
    assert errors == [
        "sai.xlsx: Không đọc được tệp: cần tệp Excel .xlsx (không phải .xls, .csv hay .docx)."
    ]


def test_unknown_unit_and_new_section_without_title(
    plan_data: PlanData, make_xlsx: Callable[..., bytes]
) -> None:
    rows = [["1", "II.9", "Nhiệm vụ mới", "2.9; 1", "Sở Nội vụ", "", "30/09/2023", ""]]
    errors = _errors(plan_data.plan, make_xlsx(rows))
    assert errors == [
        "sai.xlsx, dòng 2, cột “Mục”: Kế hoạch chưa có mục “II.9”; hãy ghi cả tên mục, ví dụ "
        "“II.9. Tên mục”.",
        "sai.xlsx, dòng 2, cột “Chỉ số/nội dung liên quan”: Mã chỉ số không có trong PAPI "
        "năm 2023: 2.9 (ghi mã như “2.4; 5”).",
    ]


def test_only_coordinators_import(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    data = make_xlsx(GOOD_ROWS)
    for name in ("nhatrang", "leadership", "mttq", "outsider"):
        with pytest.raises(PermissionDenied):
            import_framework(users[name], plan_data.plan, "khung.xlsx", data)
    assert task_count(plan_data.plan) == 4


def test_dry_run_and_confirm_once(
    plan_data: PlanData, users: dict[str, Any], make_xlsx: Callable[..., bytes]
) -> None:
    data = make_xlsx(GOOD_ROWS)
    result = import_framework(
        users["coordinator"], plan_data.plan, "khung.xlsx", data, dry_run=True
    )
    assert result.dry_run and result.tasks == 3 and task_count(plan_data.plan) == 4
    upload = upload_framework(users["coordinator"], plan_data.plan, "khung.xlsx", data)
    assert confirm_import(users["coordinator"], upload).tasks == 3
    with pytest.raises(PlanError, match="đã được nhập"):
        confirm_import(users["coordinator"], upload)
    assert task_count(plan_data.plan) == 7


def test_command(
    plan_data: PlanData,
    users: dict[str, Any],
    make_xlsx: Callable[..., bytes],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    good, bad = tmp_path / "khung.xlsx", tmp_path / "sai.xlsx"
    good.write_bytes(make_xlsx(GOOD_ROWS))
    bad.write_bytes(make_xlsx([[*GOOD_ROWS[0][:6], "31/02/2023", ""]]))
    call_command("import_tasks", "45/KH-UBND", str(good), "--dry-run")
    assert "Kiểm tra xong (chưa lưu): 3 nhiệm vụ, 1 mục mới" in capsys.readouterr().out
    assert task_count(plan_data.plan) == 4
    with pytest.raises(CommandError, match="1 lỗi; không nhập nhiệm vụ nào"):
        call_command("import_tasks", "45/KH-UBND", str(bad))
    assert "dòng 2, cột “Thời hạn”" in capsys.readouterr().err
    call_command("import_tasks", str(plan_data.plan.pk), str(good), "--user", "sonoivu")
    assert task_count(plan_data.plan) == 7
    with pytest.raises(CommandError, match="Kế hoạch “99/KH”: không có"):
        call_command("import_tasks", "99/KH", str(good))


def test_units_of_every_index_round_trip_through_the_task_export(
    plan_data: PlanData, users: dict[str, Any], client: Any, make_xlsx: Callable[..., bytes]
) -> None:
    """Issue 18, item 4: a task's units on other indices leave in the task export as
    INDEX:code and come back from it; export → import gives the same tasks and units."""
    from io import BytesIO

    from openpyxl import load_workbook

    from chiso.plans.models import TaskUnit

    plan = plan_data.plan
    Task.objects.filter(plan=plan, section=None).delete()  # the import asks every task's section
    one_stop = Task.objects.get(plan=plan, title="Một cửa liên thông")
    TaskUnit.objects.create(task=one_stop, index="PCI", unit_code="time_costs")
    TaskUnit.objects.create(task=one_stop, index="PAR_INDEX", unit_code="3")

    def units_by_title() -> dict[str, set[tuple[str, str]]]:
        return {
            t.title: {(u.index, u.unit_code) for u in t.units.all()}
            for t in Task.objects.filter(plan=plan).prefetch_related("units")
        }

    before = units_by_title()
    assert ("PCI", "time_costs") in before["Một cửa liên thông"]
    client.force_login(users["coordinator"])
    exported = client.get("/bang-tinh/nhiem-vu.xlsx").content
    sheet = load_workbook(BytesIO(exported)).active
    cells = {r[2].value: r[3].value for r in sheet.iter_rows(min_row=2)}
    assert cells["Một cửa liên thông"].endswith("; PAR_INDEX:3; PCI:time_costs")
    Task.objects.filter(plan=plan).delete()
    import_framework(users["coordinator"], plan, "nhiem-vu.xlsx", exported)
    assert units_by_title() == before
    # A code that is not a unit of the index it names is refused, naming it.
    rows = [["1", "II.1", "Nhiệm vụ khác", "PCI:5; SIPAS:1", "Sở Nội vụ", "", "30/09/2023", ""]]
    assert "PCI:5" in _errors(plan, make_xlsx(rows))[0]
