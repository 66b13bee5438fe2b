"""The task form offers agencies grouped by kind (departments first, then district and commune
committees, then the bodies a task can only request) and PAPI units grouped by dimension."""

from chiso.accounts.models import AgencyKind
from chiso.plans.forms import TaskForm, grouped_units


def test_agencies_are_grouped_by_kind_departments_first(world):
    form = TaskForm(world.plan)
    groups = [
        (label, [name for _pk, name in rows])
        for label, rows in form.fields["lead_agencies"].choices
    ]
    assert groups == [
        ("Sở, ban, ngành", ["Sở Nội vụ", "Sở Tư pháp"]),
        ("UBND cấp huyện", ["UBND thành phố Cam Ranh", "UBND thành phố Nha Trang"]),
        ("Mặt trận Tổ quốc", ["Ủy ban MTTQ Việt Nam tỉnh"]),
    ]
    assert form.fields["coordinating"].choices == form.fields["lead_agencies"].choices
    assert "data-multi-select" in str(form["lead_agencies"])


def test_a_grouped_choice_still_validates_against_the_provinces_agencies(
    world, other_province, make_agency
):
    outsider = make_agency(other_province, "Sở Nội vụ Hà Nội")
    data = {"title": "x", "lead_agencies": [str(world.department.pk)], "is_public": "on"}
    assert TaskForm(world.plan, data).is_valid()
    data["lead_agencies"] = [str(outsider.pk)]
    form = TaskForm(world.plan, data)
    assert not form.is_valid() and "lead_agencies" in form.errors


def test_units_are_grouped_by_dimension():
    units = [
        ("1", "1 — Tham gia"),
        ("1.1", "1.1 — Tri thức"),
        ("2", "2 — Công khai"),
        ("2.4", "2.4 — Đất"),
    ]
    assert grouped_units(units) == [
        ("1 — Tham gia", [("1", "1 — Tham gia"), ("1.1", "1.1 — Tri thức")]),
        ("2 — Công khai", [("2", "2 — Công khai"), ("2.4", "2.4 — Đất")]),
    ]
    assert AgencyKind.DEPARTMENT.label == "Sở, ban, ngành"
