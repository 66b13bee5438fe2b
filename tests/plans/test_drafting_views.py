"""Drafting pages: they work, errors land next to the right field, stale edits keep the input,
other provinces get 404 and read-only roles 403."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chiso.accounts.models import AgencyKind, Role
from chiso.index.plan_file import DEMO_PLAN
from chiso.plans import services
from chiso.plans.models import Objective, Plan, Section
from chiso.plans.services.drafting import save_objective

pytestmark = pytest.mark.django_db


@pytest.fixture
def objective(world):
    return save_objective(
        world.coordinator,
        world.plan,
        code="1",
        text="Chỉ số tổng hợp đạt từ 45,00 điểm",
        kind="aggregate_score_min",
        value=Decimal("45"),
    )


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.coordinator)
    return client


def _urls(world, objective):
    plan, section = world.plan.pk, world.section.pk
    return [
        reverse("plans:plan-create"),
        reverse("plans:plan-edit", args=[plan]),
        reverse("plans:plan-copy", args=[plan]),
        reverse("plans:objective-create", args=[plan]),
        reverse("plans:objective-fields", args=[plan]) + "?kind=unit_tier_min",
        reverse("plans:objectives-import", args=[plan]),
        reverse("plans:objective-edit", args=[objective.pk]),
        reverse("plans:objective-delete", args=[objective.pk]),
        reverse("plans:section-create", args=[plan]),
        reverse("plans:section-edit", args=[section]),
        reverse("plans:section-delete", args=[section]),
    ]


def test_pages_work_for_the_coordinator(coordinator, world, objective):
    for url in _urls(world, objective):
        assert coordinator.get(url).status_code == 200, url
    body = coordinator.get(reverse("plans:plan-detail", args=[world.plan.pk])).content.decode()
    for testid in (
        "plan-edit",
        "plan-copy",
        "objective-create",
        "objectives-import",
        "objectives-export",
        "section-create",
        "objective-edit",
        "section-delete",
    ):
        assert f'data-testid="{testid}"' in body, testid


def test_readers_see_no_drafting_tools(client, world, objective):
    client.force_login(world.leadership)
    body = client.get(reverse("plans:plan-detail", args=[world.plan.pk])).content.decode()
    assert 'data-testid="objective-edit"' not in body and 'data-testid="plan-copy"' not in body
    assert 'data-testid="objectives-export"' in body  # reading the objectives is allowed


@pytest.mark.parametrize("who", ["leadership", "nhatrang", "camranh", "mttq"])
def test_read_only_roles_are_refused(client, world, objective, who):
    client.force_login(getattr(world, who))
    for url in _urls(world, objective):
        assert client.get(url).status_code == 403, url
        if "truong" not in url:  # the kind-fields fragment is GET only
            assert client.post(url, {"code": "X", "title": "X"}).status_code == 403, url
    for name, pk in (
        ("plans:objective-move", objective.pk),
        ("plans:section-move", world.section.pk),
    ):
        assert client.post(reverse(name, args=[pk]), {"direction": "down"}).status_code == 403
    assert Objective.objects.get().text == "Chỉ số tổng hợp đạt từ 45,00 điểm"
    assert Section.objects.get().title == "Quán triệt"
    assert Plan.objects.count() == 1


def test_other_province_gets_404(client, world, objective, other_province, make_agency, make_user):
    outsider = make_user(
        "hanoi",
        Role.COORDINATOR,
        other_province,
        make_agency(other_province, "Sở Nội vụ Hà Nội", AgencyKind.DEPARTMENT),
    )
    client.force_login(outsider)
    for url in _urls(world, objective)[1:]:  # plan-create is their own province's page
        assert client.get(url).status_code == 404, url
    assert client.get(reverse("plans:objectives-export", args=[world.plan.pk])).status_code == 404
    assert (
        client.post(
            reverse("plans:objective-move", args=[objective.pk]), {"direction": "down"}
        ).status_code
        == 404
    )


def test_anonymous_is_sent_to_log_in(client, world, objective):
    for url in _urls(world, objective):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")


# --- the plan --------------------------------------------------------------------------------


def _plan_form(**changes):
    data = {
        "number": "45/KH-UBND",
        "title": "Kế hoạch cải thiện Chỉ số PAPI năm 2024",
        "issued_on": "05/03/2024",
        "issuer": "",
        "signer": "Nguyễn Tấn Tuân",
        "signer_title": "Chủ tịch",
        "index": "PAPI",
        "year": "2024",
        "baseline_year": "2023",
        "report_due": "30/09/2024",
        "is_public": "on",
    }
    data.update(changes)
    return data


def test_create_plan_with_day_first_dates(coordinator, world):
    response = coordinator.post(
        reverse("plans:plan-create"), _plan_form(issuer=str(world.home_affairs.pk))
    )
    plan = Plan.objects.get(number="45/KH-UBND")
    assert response.status_code == 302 and response["Location"] == f"/ke-hoach/{plan.pk}/"
    assert (plan.issued_on, plan.report_due) == (dt.date(2024, 3, 5), dt.date(2024, 9, 30))
    assert (plan.year, plan.baseline_year, plan.is_public) == (2024, 2023, True)
    assert plan.issuer == world.home_affairs and plan.province == world.province


def test_create_plan_errors_next_to_fields(coordinator, world):
    response = coordinator.post(
        reverse("plans:plan-create"), _plan_form(baseline_year="2024", issued_on="31/02/2024")
    )
    assert response.status_code == 200
    assert "issued_on" in response.context["form"].errors
    response = coordinator.post(reverse("plans:plan-create"), _plan_form(baseline_year="2024"))
    assert response.context["form"].errors == {
        "baseline_year": ["Năm cơ sở phải trước năm kế hoạch."]
    }
    response = coordinator.post(reverse("plans:plan-create"), _plan_form(number="100/KH-UBND"))
    assert response.context["form"].errors == {"number": ["Đã có kế hoạch mang số, ký hiệu này."]}
    assert Plan.objects.count() == 1


def test_stale_plan_edit_keeps_input_then_saves(coordinator, world):
    url = reverse("plans:plan-edit", args=[world.plan.pk])
    services.update_plan(world.coordinator, world.plan, version=1, signer="Người khác")
    mine = _plan_form(
        number="100/KH-UBND", year="2023", baseline_year="2022", title="Tên tôi vừa gõ", version="1"
    )
    response = coordinator.post(url, mine)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Người khác đã lưu thay đổi" in body and "Tên tôi vừa gõ" in body
    assert 'name="version" value="2"' in body
    world.plan.refresh_from_db()
    assert world.plan.title == "Kế hoạch PAPI 2023"
    response = coordinator.post(url, {**mine, "version": "2"})
    assert response.status_code == 302
    world.plan.refresh_from_db()
    assert world.plan.title == "Tên tôi vừa gõ"


def test_copy_page_suggests_title_and_copies(coordinator, world, district_task):
    url = reverse("plans:plan-copy", args=[world.plan.pk])
    assert "Kế hoạch PAPI 2024" in coordinator.get(url).content.decode()
    response = coordinator.post(
        url, {"number": "7/KH-UBND", "title": "Kế hoạch PAPI 2024", "issued_on": ""}
    )
    new = Plan.objects.get(number="7/KH-UBND")
    assert response["Location"] == f"/ke-hoach/{new.pk}/"
    assert new.tasks.get().assignments.count() == 3
    page = coordinator.get(response["Location"]).content.decode()
    assert "Đã lập kế hoạch năm 2024: 1 mục, 0 mục tiêu, 1 nhiệm vụ, 3 phân công." in page


# --- objectives ------------------------------------------------------------------------------


def _objective_form(**changes):
    data = {
        "code": "2",
        "text": "Tăng ít nhất 1,56 điểm",
        "kind": "aggregate_increase_min",
        "value": "1,56",
    }
    data.update(changes)
    return data


def test_add_objective_with_comma_decimal(coordinator, world):
    url = reverse("plans:objective-create", args=[world.plan.pk])
    response = coordinator.post(url, _objective_form())
    assert response.status_code == 302 and response["Location"].endswith("#muc-tieu")
    objective = Objective.objects.get()
    assert (objective.kind, objective.value, objective.order) == (
        "aggregate_increase_min",
        Decimal("1.5600"),
        1,
    )


def test_objective_errors_are_the_cores_next_to_the_field(coordinator, world, objective):
    url = reverse("plans:objective-create", args=[world.plan.pk])
    response = coordinator.post(url, _objective_form(code="1", kind="unit_score_min", value=""))
    errors = response.context["form"].errors
    assert errors == {
        "value": ["loại unit_score_min cần trường này"],
        "unit": ["loại unit_score_min cần trường này"],
        "code": ["Kế hoạch đã có mục tiêu mang mã này."],
    }
    body = response.content.decode()
    value_field = body[body.index('class="field field--value has-error"') :]
    value_field = value_field[: value_field.index('class="field ', 10)]
    assert "loại unit_score_min cần trường này<" in value_field  # no English in a Vietnamese page
    response = coordinator.post(url, _objective_form(value="abc"))
    assert response.context["form"].errors == {"value": ["Cần nhập một số, ví dụ 45,00."]}
    response = coordinator.post(
        url, _objective_form(kind="dimensions_tier_min_count", tier="high", count="9")
    )
    assert response.context["form"].errors == {"count": ["số lượng phải từ 1 đến 8"]}
    assert Objective.objects.count() == 1


def test_values_of_another_kind_are_dropped(coordinator, world):
    """Changing the kind without JavaScript leaves the old kind's value in the request."""
    url = reverse("plans:objective-create", args=[world.plan.pk])
    response = coordinator.post(
        url, _objective_form(kind="aggregate_tier_min", tier="high", value="1,56")
    )
    assert response.status_code == 302
    assert Objective.objects.values_list("kind", "value", "tier").get() == (
        "aggregate_tier_min",
        None,
        "high",
    )


def test_kind_fields_fragment_and_no_js_refresh(coordinator, world):
    fragment = coordinator.get(
        reverse("plans:objective-fields", args=[world.plan.pk]),
        {"kind": "dimensions_tier_min_count", "code": "7"},
    ).content.decode()
    assert 'id="kind-fields"' in fragment and 'name="tier"' in fragment
    assert 'name="count"' in fragment and 'name="value"' not in fragment
    rank = coordinator.get(
        reverse("plans:objective-fields", args=[world.plan.pk]), {"kind": "aggregate_rank_max"}
    ).content.decode()
    assert "Thứ hạng (không thấp hơn)" in rank
    response = coordinator.post(
        reverse("plans:objective-create", args=[world.plan.pk]),
        {"code": "8", "text": "Chỉ số 5 đạt nhóm Cao", "kind": "unit_tier_min", "refresh": "1"},
    )
    body = response.content.decode()
    assert response.status_code == 200 and not Objective.objects.exists()
    assert 'name="unit"' in body and 'name="tier"' in body and 'name="value"' not in body
    assert "Chỉ số 5 đạt nhóm Cao" in body and "errorlist" not in body


def test_stale_objective_edit_keeps_input(coordinator, world, objective):
    url = reverse("plans:objective-edit", args=[objective.pk])
    shown = objective.version
    save_objective(
        world.coordinator,
        world.plan,
        objective,
        code="1",
        text="Đạt 46,00 điểm",
        kind="aggregate_score_min",
        value=46,
    )
    mine = {
        "version": shown,
        "code": "1",
        "text": "Đạt 47,50 điểm",
        "kind": "aggregate_score_min",
        "value": "47,50",
    }
    response = coordinator.post(url, mine)
    body = response.content.decode()
    assert response.status_code == 200 and "Người khác đã lưu thay đổi" in body
    assert "Đạt 47,50 điểm" in body and 'value="47,50"' in body
    assert Objective.objects.get().value == Decimal("46")
    fresh = response.context["form"]["version"].value()
    assert coordinator.post(url, {**mine, "version": fresh}).status_code == 302
    assert Objective.objects.get().value == Decimal("47.5")


def test_edit_form_shows_comma_value(coordinator, world, objective):
    body = coordinator.get(reverse("plans:objective-edit", args=[objective.pk])).content.decode()
    assert 'value="45"' in body
    objective.value = Decimal("44.94")
    objective.save()
    body = coordinator.get(reverse("plans:objective-edit", args=[objective.pk])).content.decode()
    assert 'value="44,94"' in body


def test_delete_and_move_objective(coordinator, world, objective):
    second = save_objective(
        world.coordinator, world.plan, code="2", text="Tăng hạng", kind="aggregate_rank_improves"
    )
    response = coordinator.post(
        reverse("plans:objective-move", args=[second.pk]), {"direction": "up"}
    )
    assert response.status_code == 302
    assert list(world.plan.objectives.values_list("code", flat=True)) == ["2", "1"]
    assert coordinator.get(reverse("plans:objective-move", args=[second.pk])).status_code == 405
    url = reverse("plans:objective-delete", args=[objective.pk])
    response = coordinator.post(url, {"version": objective.version})
    assert response.status_code == 302
    assert list(world.plan.objectives.values_list("code", flat=True)) == ["2"]


# --- sections --------------------------------------------------------------------------------


def test_section_add_edit_delete(coordinator, world, district_task):
    response = coordinator.post(
        reverse("plans:section-create", args=[world.plan.pk]),
        {"code": "III", "title": "Tổ chức thực hiện"},
    )
    assert response.status_code == 302 and response["Location"].endswith("#muc-iii")
    new = Section.objects.get(code="III")
    assert new.order == 2
    response = coordinator.post(
        reverse("plans:section-create", args=[world.plan.pk]), {"code": "III", "title": "Lặp"}
    )
    assert response.context["form"].errors == {"code": ["Kế hoạch đã có mục mang số này."]}
    response = coordinator.post(
        reverse("plans:section-edit", args=[new.pk]),
        {"version": new.version, "code": "IV", "title": "Tổ chức"},
    )
    assert response.status_code == 302
    # A section with a task is refused, with the reason; the page says so before the click too.
    url = reverse("plans:section-delete", args=[world.section.pk])
    assert "Mục này có 1 nhiệm vụ" in coordinator.get(url).content.decode()
    response = coordinator.post(url, {"version": world.section.version})
    assert response.status_code == 200
    assert "Không thể xóa mục “II.1”: còn 1 nhiệm vụ" in response.content.decode()
    assert Section.objects.filter(pk=world.section.pk).exists()
    new.refresh_from_db()
    response = coordinator.post(
        reverse("plans:section-delete", args=[new.pk]), {"version": new.version}
    )
    assert response.status_code == 302 and not Section.objects.filter(pk=new.pk).exists()


def test_stale_section_edit(coordinator, world):
    url = reverse("plans:section-edit", args=[world.section.pk])
    shown = world.section.version
    services.save_section(world.coordinator, world.plan, world.section, code="II.1", title="Đã đổi")
    response = coordinator.post(url, {"version": shown, "code": "II.1", "title": "Của tôi"})
    assert "Người khác đã lưu thay đổi" in response.content.decode()
    assert "Của tôi" in response.content.decode()
    assert Section.objects.get().title == "Đã đổi"


# --- YAML --------------------------------------------------------------------------------------


def _upload(content: bytes, name: str = "muc-tieu.yaml"):
    return SimpleUploadedFile(name, content, "application/yaml")


def test_import_page_good_file_then_export(coordinator, world):
    url = reverse("plans:objectives-import", args=[world.plan.pk])
    response = coordinator.post(url, {"file": _upload(DEMO_PLAN.read_bytes())})
    assert response.status_code == 302
    assert world.plan.objectives.count() == 7
    response = coordinator.get(reverse("plans:objectives-export", args=[world.plan.pk]))
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    assert 'filename="muc-tieu-papi-2023-khanh-hoa.yaml"' in response["Content-Disposition"]
    data = yaml.safe_load(response.content.decode())
    assert data["province"] == "Khánh Hòa" and len(data["objectives"]) == 7
    assert data["objectives"][1] == {
        "id": "2",
        "text": "Chỉ số tổng hợp PAPI năm 2023 tăng từ 1,56 điểm trở lên so với năm 2022",
        "kind": "aggregate_increase_min",
        "value": 1.56,
    }


def test_import_page_bad_file_names_objective_and_field(coordinator, world, objective):
    bad = DEMO_PLAN.read_text(encoding="utf-8").replace("tier: high_average", "tier: medium")
    response = coordinator.post(
        reverse("plans:objectives-import", args=[world.plan.pk]),
        {"file": _upload(bad.encode()), "replace": "on"},
    )
    assert response.status_code == 200
    (message,) = response.context["form"].errors["file"]
    assert message.startswith(
        "muc-tieu.yaml, mục tiêu/objective '6', trường/field 'tier': nhóm không hợp lệ 'medium'"
    )
    assert list(world.plan.objectives.values_list("code", flat=True)) == ["1"]


def test_readers_may_export(client, world, objective):
    client.force_login(world.mttq)
    response = client.get(reverse("plans:objectives-export", args=[world.plan.pk]))
    assert response.status_code == 200 and b"aggregate_score_min" in response.content


def test_english_pages(coordinator, world, objective):
    from django.utils import translation

    try:
        coordinator.post(reverse("set_language"), {"language": "en", "next": "/"})
        body = coordinator.get(reverse("plans:plan-detail", args=[world.plan.pk])).content.decode()
        assert "Add objective" in body and "Import from a YAML file" in body
        body = coordinator.get(
            reverse("plans:objective-edit", args=[objective.pk])
        ).content.decode()
        assert "Objective kind" in body and "Save objective" in body
    finally:
        translation.activate("vi")


def test_stale_delete_shows_the_latest_then_deletes(coordinator, world, objective):
    url = reverse("plans:objective-delete", args=[objective.pk])
    shown = objective.version
    save_objective(
        world.coordinator,
        world.plan,
        objective,
        code="1",
        text="Đạt 46,00 điểm",
        kind="aggregate_score_min",
        value=46,
    )
    response = coordinator.post(url, {"version": shown})
    body = response.content.decode()
    assert response.status_code == 200 and "Người khác đã lưu thay đổi" in body
    assert "Đạt 46,00 điểm" in body and Objective.objects.exists()
    fresh = response.context["form"]["version"].value()
    assert coordinator.post(url, {"version": fresh}).status_code == 302
    assert not Objective.objects.exists()
