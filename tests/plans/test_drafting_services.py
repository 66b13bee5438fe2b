"""Drafting services: next year's copy (known answers), objectives with the core's messages,
YAML import (all or nothing, errors naming file, objective and field), sections, reordering."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import yaml
from django.core.exceptions import PermissionDenied
from django.utils import translation

from chiso.accounts.models import AgencyKind, Role
from chiso.audit.models import AuditEntry
from chiso.audit.services import history_for
from chiso.index.plan_file import DEMO_PLAN, parse_plan
from chiso.plans import services
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment, Objective, Plan, Relation, Section, Task
from chiso.plans.objective_file import objectives_yaml
from chiso.plans.services.copying import copy_plan_to_next_year, one_year_later
from chiso.plans.services.drafting import (
    delete_objective,
    delete_section,
    move_objective,
    move_section,
    save_objective,
    save_section,
)
from chiso.plans.services.importing import import_objectives
from chiso.workflow.errors import StaleVersion

pytestmark = pytest.mark.django_db


def _objective(world, code="1", **fields):
    values = {"text": "Điểm tổng hợp đạt 45,00", "kind": "aggregate_score_min", "value": 45}
    values.update(fields)
    return save_objective(world.coordinator, world.plan, code=code, **values)


# --- next year's plan ------------------------------------------------------------------------


def test_one_year_later():
    assert one_year_later(dt.date(2023, 6, 30)) == dt.date(2024, 6, 30)
    assert one_year_later(dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert one_year_later(None) is None


@pytest.fixture
def full_plan(world, district_task):
    """The world's plan with an objective, a second (empty) section, a recurring task on a
    department and the Front, and a report on the district task (must not be copied)."""
    plan = world.plan
    plan.report_due = dt.date(2023, 9, 29)
    plan.signer, plan.signer_title = "Nguyễn Tấn Tuân", "Chủ tịch"
    plan.issuer = world.home_affairs
    plan.save()
    _objective(world, "1")
    _objective(
        world,
        "2",
        text="8 chỉ số nội dung từ Trung bình cao",
        kind="dimensions_tier_min_all",
        value=None,
        tier="high_average",
    )
    save_section(world.coordinator, plan, code="III", title="Tổ chức thực hiện")
    services.create_task(
        world.coordinator,
        plan,
        title="Tuyên truyền thường xuyên",
        lead_agencies=[world.department],
        coordinating=[world.front],
        recurring=True,
        reporting_period="quarterly",
        unit_codes=["1", "3.2"],
        code="2",
    )
    assignment = district_task.assignments.get(agency=world.nha_trang)
    services.submit_report(world.nhatrang, assignment, narrative="Đã niêm yết", progress=50)
    return plan


def test_copy_to_next_year_known_answers(world, full_plan, district_task):
    summary = copy_plan_to_next_year(
        world.coordinator,
        full_plan,
        number="25/KH-UBND",
        title="Kế hoạch PAPI 2024",
        issued_on=dt.date(2024, 2, 1),
    )
    new = summary.plan
    assert (new.year, new.baseline_year, new.index) == (2024, 2023, "PAPI")
    assert new.report_due == dt.date(2024, 9, 29)
    assert new.issued_on == dt.date(2024, 2, 1)
    assert (new.signer, new.signer_title, new.issuer) == (
        "Nguyễn Tấn Tuân",
        "Chủ tịch",
        world.home_affairs,
    )
    assert new.is_public is False
    assert (summary.sections, summary.objectives, summary.tasks) == (2, 2, 2)
    # District task: 2 group members + the Front (coordinating); recurring task: department + Front.
    assert summary.assignments == 5
    assert summary.skipped_agencies == ()
    assert [(s.code, s.title, s.order) for s in new.sections.all()] == [
        ("II.1", "Quán triệt", 1),
        ("III", "Tổ chức thực hiện", 2),
    ]
    assert [(o.code, o.kind, o.value, o.tier) for o in new.objectives.all()] == [
        ("1", "aggregate_score_min", Decimal("45.0000"), ""),
        ("2", "dimensions_tier_min_all", None, "high_average"),
    ]
    copied = Task.objects.get(plan=new, code="1")
    assert copied.section.plan == new and copied.section.code == "II.1"
    assert copied.deadline == dt.date(2024, 6, 30)
    assert copied.lead_group == world.districts
    assert list(copied.units.values_list("unit_code", flat=True)) == ["2.4"]
    rows = {
        a.agency.name: (a.relation, a.leads, a.via_group_id, a.deadline, a.progress)
        for a in copied.assignments.select_related("agency")
    }
    assert rows == {
        "UBND thành phố Nha Trang": ("lead", True, world.districts.pk, dt.date(2024, 6, 30), 0),
        "UBND thành phố Cam Ranh": ("lead", True, world.districts.pk, dt.date(2024, 6, 30), 0),
        "Ủy ban MTTQ Việt Nam tỉnh": ("request", False, None, dt.date(2024, 6, 30), 0),
    }
    assert not Assignment.objects.filter(task__plan=new, reports__isnull=False).exists()
    recurring = Task.objects.get(plan=new, code="2")
    assert recurring.section is None and recurring.deadline is None
    assert (recurring.recurring, recurring.reporting_period) == (True, "quarterly")
    assert sorted(recurring.units.values_list("unit_code", flat=True)) == ["1", "3.2"]
    # The source plan is untouched.
    assert full_plan.tasks.count() == 2 and district_task.assignments.count() == 3
    actions = set(history_for(new).values_list("action", flat=True))
    assert {"plan.create", "plan.copy"} <= actions
    copy_entry = AuditEntry.objects.get(action="plan.copy")
    assert copy_entry.changes == {"copied_from": [None, "100/KH-UBND"]}
    assert (
        AuditEntry.objects.filter(action="assignment.create", actor=world.coordinator).count() >= 5
    )


def test_copy_skips_inactive_agencies_and_names_them(world, full_plan):
    world.cam_ranh.active = False
    world.cam_ranh.save()
    summary = copy_plan_to_next_year(world.coordinator, full_plan, number="25/KH-UBND", title="x")
    assert summary.skipped_agencies == ("UBND thành phố Cam Ranh",)
    assert summary.assignments == 4


def test_copy_refuses_taken_number_and_saves_nothing(world, full_plan):
    before = (Plan.objects.count(), Task.objects.count(), AuditEntry.objects.count())
    with pytest.raises(services.PlanError) as caught:
        copy_plan_to_next_year(world.coordinator, full_plan, number="100/KH-UBND", title="x")
    assert caught.value.field == "number"
    assert (Plan.objects.count(), Task.objects.count(), AuditEntry.objects.count()) == before


@pytest.mark.parametrize("who", ["leadership", "nhatrang", "mttq"])
def test_copy_refused_to_readers(world, who):
    with pytest.raises(PermissionDenied):
        copy_plan_to_next_year(getattr(world, who), world.plan, number="1/KH", title="x")


def test_copy_refused_to_other_province_coordinator(world, other_province, make_agency, make_user):
    outsider = make_user(
        "hanoi",
        Role.COORDINATOR,
        other_province,
        make_agency(other_province, "Sở Nội vụ Hà Nội", AgencyKind.DEPARTMENT),
    )
    with pytest.raises(PermissionDenied):
        copy_plan_to_next_year(outsider, world.plan, number="1/KH", title="x")


# --- objectives ------------------------------------------------------------------------------


def test_objective_problems_are_the_cores_messages_per_field(world):
    with pytest.raises(services.PlanError) as caught:
        save_objective(
            world.coordinator,
            world.plan,
            code="",
            text="",
            kind="unit_score_min",
            value=None,
            tier=None,
            count=None,
            unit="9.9",
        )
    problems = dict(caught.value.problems)
    # In the reader's language only (the plan file's errors print both).
    assert problems["code"] == "thiếu mã mục tiêu"
    assert problems["text"] == "thiếu nội dung mục tiêu"
    assert problems["value"] == "loại unit_score_min cần trường này"
    assert problems["unit"] == "không có chỉ số '9.9' trong PAPI"
    assert not Objective.objects.exists()
    with translation.override("en"), pytest.raises(services.PlanError) as caught:
        save_objective(
            world.coordinator,
            world.plan,
            code="",
            text="x",
            kind="unit_score_min",
            value=1,
            tier=None,
            count=None,
            unit="9.9",
        )
    assert dict(caught.value.problems) == {
        "code": "missing id",
        "unit": "unknown dimension/sub-dimension '9.9' in PAPI",
    }


def test_objective_duplicate_code_and_rank(world):
    _objective(world, "1")
    with pytest.raises(services.PlanError) as caught:
        save_objective(
            world.coordinator,
            world.plan,
            code="1",
            text="Xếp hạng",
            kind="aggregate_rank_max",
            value=Decimal("10.5"),
        )
    assert dict(caught.value.problems) == {
        "value": "thứ hạng phải là số nguyên ≥ 1",
        "code": "Kế hoạch đã có mục tiêu mang mã này.",
    }


def test_objective_stale_edit_refused(world):
    objective = _objective(world, "1")
    shown = objective.version
    save_objective(
        world.coordinator,
        world.plan,
        objective,
        version=shown,
        code="1",
        text="Đạt 46,00",
        kind="aggregate_score_min",
        value=46,
    )
    with pytest.raises(StaleVersion):
        save_objective(
            world.coordinator,
            world.plan,
            objective,
            version=shown,
            code="1",
            text="Đạt 47,00",
            kind="aggregate_score_min",
            value=47,
        )
    objective.refresh_from_db()
    assert objective.value == 46


def test_remove_objective_audited_on_the_plan(world):
    objective = _objective(world, "1")
    delete_objective(world.coordinator, objective, version=objective.version)
    assert not Objective.objects.exists()
    entry = history_for(world.plan).get(action="objective.delete")
    assert entry.changes["objective"][0].startswith("1. Điểm tổng hợp")


def test_reorder_objectives_and_sections(world):
    a, b, c = (_objective(world, code) for code in ("1", "2", "3"))
    move_objective(world.coordinator, c, "up")
    assert list(world.plan.objectives.values_list("code", flat=True)) == ["1", "3", "2"]
    move_objective(world.coordinator, a, "up")  # already first: nothing happens
    move_objective(world.coordinator, a, "down")
    assert list(world.plan.objectives.values_list("code", flat=True)) == ["3", "1", "2"]
    assert list(world.plan.objectives.values_list("order", flat=True)) == [1, 2, 3]
    second = save_section(world.coordinator, world.plan, code="II.2", title="Công khai")
    move_section(world.coordinator, second, "up")
    assert list(world.plan.sections.values_list("code", flat=True)) == ["II.2", "II.1"]
    assert (
        AuditEntry.objects.filter(action="section.update", changes__order__isnull=False).count()
        == 2
    )


def test_move_refused_to_readers(world):
    objective = _objective(world, "1")
    with pytest.raises(PermissionDenied):
        move_objective(world.leadership, objective, "down")
    with pytest.raises(PermissionDenied):
        move_section(world.nhatrang, world.section, "down")


# --- sections --------------------------------------------------------------------------------


def test_delete_section_refused_while_tasks_use_it(world, district_task):
    with pytest.raises(services.PlanError) as caught:
        delete_section(world.coordinator, world.section)
    assert "còn 1 nhiệm vụ" in caught.value.message and "II.1" in caught.value.message
    assert Section.objects.filter(pk=world.section.pk).exists()
    empty = save_section(world.coordinator, world.plan, code="III", title="Tổ chức thực hiện")
    delete_section(world.coordinator, empty, version=empty.version)
    assert not Section.objects.filter(pk=empty.pk).exists()
    assert history_for(world.plan).filter(action="section.delete").exists()


def test_section_stale_edit_refused(world):
    shown = world.section.version
    save_section(
        world.coordinator,
        world.plan,
        world.section,
        version=shown,
        code="II.1",
        title="Quán triệt, tuyên truyền",
    )
    with pytest.raises(StaleVersion):
        save_section(
            world.coordinator, world.plan, world.section, version=shown, code="II.1", title="Khác"
        )


# --- YAML import / export ----------------------------------------------------------------------


def test_import_the_demo_plan_file_and_export_round_trip(world):
    summary = import_objectives(
        world.coordinator, world.plan, DEMO_PLAN.read_bytes(), "khanh-hoa-2023.yaml"
    )
    assert (summary.created, summary.updated, summary.removed) == (7, 0, 0)
    rows = list(world.plan.objectives.values_list("code", "kind", "value", "tier", "count"))
    assert rows[0] == ("1", "aggregate_score_min", Decimal("45.0000"), "", None)
    assert rows[1] == ("2", "aggregate_increase_min", Decimal("1.5600"), "", None)
    assert rows[6] == ("7", "dimensions_tier_min_count", None, "high", 3)
    exported = objectives_yaml(world.plan)
    again = parse_plan(yaml.safe_load(exported), "export.yaml")
    original = parse_plan(yaml.safe_load(DEMO_PLAN.read_text(encoding="utf-8")), "demo")
    assert again.objectives == original.objectives
    assert (again.year, again.baseline_year, again.province) == (2023, 2022, "Khánh Hòa")
    # Importing the export again changes nothing.
    summary = import_objectives(world.coordinator, world.plan, exported.encode(), "export.yaml")
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 7)


def test_objectives_on_every_index_round_trip_through_the_yaml_file(world):
    """Issue 18, item 4: a PAPI plan's PCI and SIPAS objectives leave in the file with their
    `index:` and come back; export → import (replace) gives the same objectives, in order."""
    _objective(world, "1", text="PAPI đạt 45 điểm", value=45)
    save_objective(
        world.coordinator, world.plan, code="2", text="PCI vào top 20",
        kind="aggregate_rank_max", value=20, index="PCI",
    )  # fmt: skip
    save_objective(
        world.coordinator, world.plan, code="3", text="Chi phí thời gian từ 7 điểm",
        kind="unit_score_min", value=7, unit="time_costs", index="PCI",
    )  # fmt: skip
    save_objective(
        world.coordinator, world.plan, code="4", text="SIPAS từ 85%",
        kind="aggregate_score_min", value=85, index="SIPAS",
    )  # fmt: skip
    fields = ("code", "index", "text", "kind", "value", "tier", "count", "unit", "order")
    before = list(world.plan.objectives.values_list(*fields))
    exported = objectives_yaml(world.plan)
    entries = yaml.safe_load(exported)["objectives"]
    assert [e.get("index") for e in entries] == [None, "PCI", "PCI", "SIPAS"]
    world.plan.objectives.all().delete()
    summary = import_objectives(
        world.coordinator, world.plan, exported.encode(), "export.yaml", replace=True
    )
    assert (summary.created, summary.removed) == (4, 0)
    assert list(world.plan.objectives.values_list(*fields)) == before
    # Again: nothing changes, and replace keeps the other indices' objectives.
    summary = import_objectives(
        world.coordinator, world.plan, exported.encode(), "export.yaml", replace=True
    )
    assert (summary.unchanged, summary.removed) == (4, 0)
    # Each index's objectives are checked against its own framework.
    bad = _file(
        [GOOD, {"id": "5", "text": "x", "kind": "unit_improves", "unit": "9", "index": "PCI"}]
    )
    with pytest.raises(PlanError, match="objective '5', trường/field 'unit'"):
        import_objectives(world.coordinator, world.plan, bad, "sai.yaml")
    unknown = _file(
        [GOOD, {"id": "6", "text": "x", "kind": "aggregate_rank_improves", "index": "XYZ"}]
    )
    with pytest.raises(PlanError, match="trường/field 'index': không có bộ chỉ số “XYZ”"):
        import_objectives(world.coordinator, world.plan, unknown, "sai.yaml")


def test_import_replace_removes_and_reorders(world):
    _objective(world, "9", text="Mục tiêu cũ")
    _objective(world, "2", text="Bản cũ của mục tiêu 2", value=40)
    content = _file(
        [
            {
                "id": "2",
                "text": "Tăng 1,56 điểm",
                "kind": "aggregate_increase_min",
                "value": "1,56",
            },
            {"id": "1", "text": "Đạt 45,00 điểm", "kind": "aggregate_score_min", "value": 45},
        ]
    )
    summary = import_objectives(world.coordinator, world.plan, content, "moi.yaml", replace=True)
    assert (summary.created, summary.updated, summary.removed) == (1, 1, 1)
    assert list(world.plan.objectives.values_list("code", "kind", "value")) == [
        ("2", "aggregate_increase_min", Decimal("1.5600")),
        ("1", "aggregate_score_min", Decimal("45.0000")),
    ]


def _file(objectives, **top):
    data = {"index": "PAPI", "province": "Khanh Hoa", "year": 2023, "baseline_year": 2022}
    data.update(top)
    data["objectives"] = objectives
    return yaml.safe_dump(data, allow_unicode=True).encode()


GOOD = {"id": "1", "text": "Đạt 45,00 điểm", "kind": "aggregate_score_min", "value": 45}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            _file(
                [GOOD, {"id": "3", "text": "Nhóm Cao", "kind": "aggregate_tier_min", "tier": "top"}]
            ),
            "muc-tieu.yaml, mục tiêu/objective '3', trường/field 'tier': nhóm không hợp lệ 'top'",
        ),
        (
            _file([GOOD, {"id": "2", "text": "Tăng", "kind": "aggregate_increase_min"}]),
            "muc-tieu.yaml, mục tiêu/objective '2', trường/field 'value': loại "
            "aggregate_increase_min cần trường này",
        ),
        (
            _file([GOOD, {"id": "1", "text": "Lặp", "kind": "aggregate_rank_improves"}]),
            "muc-tieu.yaml, mục tiêu/objective '1', trường/field 'id': mã mục tiêu trùng",
        ),
        (
            _file([GOOD, {"id": "4", "text": "Lạ", "kind": "unit_improves", "unit": "aggregate"}]),
            "muc-tieu.yaml, mục tiêu/objective '4', trường/field 'unit'",
        ),
        (
            _file([GOOD, {"id": "5", "text": "Số", "kind": "aggregate_score_min", "value": "abc"}]),
            "muc-tieu.yaml, mục tiêu/objective '5', trường/field 'value': không phải là số",
        ),
        (_file([GOOD], year=2024), "muc-tieu.yaml, trường/field 'year': tệp ghi “2024”"),
        (
            _file([GOOD], province="Hà Nội"),
            "muc-tieu.yaml, trường/field 'province': tệp ghi “Hà Nội”",
        ),
        (_file([GOOD], baseline_year=2021), "trường/field 'baseline_year'"),
        (b"index: PAPI\nobjectives: [\n", "muc-tieu.yaml: YAML không hợp lệ"),
        ("chỉ số".encode("utf-16"), "muc-tieu.yaml: tệp không phải văn bản UTF-8"),
        (_file([]), "muc-tieu.yaml, trường/field 'objectives'"),
    ],
    ids=[
        "tier",
        "missing-value",
        "duplicate",
        "unit",
        "number",
        "year",
        "province",
        "baseline",
        "yaml",
        "encoding",
        "empty",
    ],
)
def test_import_errors_name_file_objective_field_and_save_nothing(world, content, expected):
    _objective(world, "1", text="Giữ nguyên")
    entries = AuditEntry.objects.count()
    with pytest.raises(services.PlanError) as caught:
        import_objectives(world.coordinator, world.plan, content, "muc-tieu.yaml", replace=True)
    assert expected in caught.value.message
    assert caught.value.field == "file"
    assert list(world.plan.objectives.values_list("code", "text")) == [("1", "Giữ nguyên")]
    assert AuditEntry.objects.count() == entries


def test_import_refused_to_readers(world):
    with pytest.raises(PermissionDenied):
        import_objectives(world.leadership, world.plan, _file([GOOD]), "x.yaml")
    assert not Objective.objects.exists()


def test_relation_kept_for_request_only_bodies_in_copy(world, full_plan):
    summary = copy_plan_to_next_year(world.coordinator, full_plan, number="2/KH", title="x")
    front = Assignment.objects.get(task__plan=summary.plan, task__code="2", agency=world.front)
    assert front.relation == Relation.REQUEST and front.leads is False


def test_copied_texts_move_on_a_year_but_dates_of_documents_stay(world, full_plan):
    from chiso.plans.services.copying import shift_years

    plan = full_plan  # PAPI 2023, baseline 2022
    assert (
        shift_years("Chỉ số tổng hợp PAPI năm 2023 tăng 1,56 điểm so với Năm 2022", plan)
        == "Chỉ số tổng hợp PAPI năm 2024 tăng 1,56 điểm so với Năm 2023"
    )
    assert shift_years("Kết quả PAPI 2022, giai đoạn 2021-2025", plan) == (
        "Kết quả PAPI 2023, giai đoạn 2021-2025"
    )
    unchanged = "Văn bản số 81/UBND-KSTT ngày 05/01/2022; Quyết định năm 2019"
    assert shift_years(unchanged, plan) == unchanged

    services.create_task(
        world.coordinator,
        plan,
        title="Xây dựng kế hoạch cải thiện PAPI năm 2023 theo Văn bản ngày 05/01/2023",
        lead_agencies=[world.department],
        expected_output="Báo cáo kết quả năm 2023",
    )
    summary = copy_plan_to_next_year(
        world.coordinator, plan, number="26/KH-UBND", title="Kế hoạch PAPI năm 2024"
    )
    copied = Task.objects.get(plan=summary.plan, title__startswith="Xây dựng kế hoạch")
    assert copied.title == (
        "Xây dựng kế hoạch cải thiện PAPI năm 2024 theo Văn bản ngày 05/01/2023"
    )
    assert copied.expected_output == "Báo cáo kết quả năm 2024"
    assert summary.texts_shifted == 2
