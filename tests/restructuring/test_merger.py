"""Merging Ninh Thuận into Khánh Hòa on one deployment: every row moves, none is lost, shared
names are renamed (audited), the absorbed province's own books stay, a collision that cannot be
renamed refuses the whole merger."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chiso.accounts.models import Agency, AgencyKind, Province, Role, User
from chiso.audit.models import AuditEntry
from chiso.plans.models import Assignment, Plan, ProgressReport, Task
from chiso.plans.services import create_task, submit_report
from chiso.restructuring import merger
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.models import Restructuring

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)


@pytest.fixture
def ninh_thuan(world: Any, make_agency: Any, make_user: Any) -> dict[str, Any]:
    nt = Province.objects.create(code="58", name="Ninh Thuận", slug="ninh-thuan")
    home_affairs = make_agency(nt, "Sở Nội vụ", code="SNV")  # same name as Khánh Hòa's
    phan_rang = make_agency(
        nt, "UBND thành phố Phan Rang - Tháp Chàm", AgencyKind.DISTRICT_COMMITTEE
    )
    coordinator = make_user("snv_nt", Role.COORDINATOR, nt, home_affairs)
    officer = make_user("phanrang", Role.AGENCY_OFFICER, nt, phan_rang)
    plan = Plan.objects.create(
        province=nt,
        number="100/KH-UBND",
        title="Kế hoạch PAPI 2023 (NT)",
        year=2023,
        baseline_year=2022,
    )
    task = create_task(
        coordinator,
        plan,
        title="Niêm yết",
        lead_agencies=[phan_rang],
        deadline=dt.date(2023, 10, 31),
    )
    submit_report(officer, task.assignments.get(), narrative="Đã niêm yết", progress=30)
    Agency.objects.filter(pk=world.home_affairs.pk).update(code="SNV")
    return {"nt": nt, "plan": plan, "task": task, "home_affairs": home_affairs, "officer": officer}


def test_preview_counts_and_renames(world: Any, ninh_thuan: dict[str, Any]) -> None:
    found = merger.preview(ninh_thuan["nt"], world.province, JULY_1)
    assert found.problems == []
    moved = {m.label: m.count for m in found.moved}
    assert moved["accounts.Agency"] == 2 and moved["accounts.User"] == 2
    assert moved["plans.Plan"] == 1 and moved["plans.Assignment"] == 1
    assert moved["plans.ProgressReport"] == 1
    assert sorted((r.field, r.old, r.new) for r in found.renames) == [
        ("code", "SNV", "58-SNV"),
        ("name", "Sở Nội vụ", "Sở Nội vụ (Ninh Thuận)"),
        ("number", "100/KH-UBND", "100/KH-UBND (Ninh Thuận)"),
    ]


def test_merge_moves_every_row_and_loses_none(
    world: Any, ninh_thuan: dict[str, Any], admin_user: Any
) -> None:
    nt, kh = ninh_thuan["nt"], world.province
    totals = [M.objects.count() for M in (Agency, User, Plan, Task, Assignment, ProgressReport)]
    in_kh = [
        M.objects.filter(province=kh).count()
        for M in (Agency, User, Plan, Task, Assignment, ProgressReport)
    ]
    in_nt = [
        M.objects.filter(province=nt).count()
        for M in (Agency, User, Plan, Task, Assignment, ProgressReport)
    ]
    audit_before = AuditEntry.objects.count()

    merger.merge(admin_user, nt, kh, JULY_1)

    assert [
        M.objects.count() for M in (Agency, User, Plan, Task, Assignment, ProgressReport)
    ] == totals
    assert [
        M.objects.filter(province=kh).count()
        for M in (Agency, User, Plan, Task, Assignment, ProgressReport)
    ] == [a + b for a, b in zip(in_kh, in_nt, strict=True)]
    assert (
        not Agency.objects.filter(province=nt).exists()
        and Province.objects.filter(pk=nt.pk).exists()
    )
    assert AuditEntry.objects.count() - audit_before == 3 + 1 + 1  # renames, province, merger
    assert AuditEntry.objects.filter(province=nt).count() == 0  # the log moved with the rows
    moved = Agency.objects.get(pk=ninh_thuan["home_affairs"].pk)
    assert (moved.name, moved.code, moved.province) == ("Sở Nội vụ (Ninh Thuận)", "58-SNV", kh)
    assert Plan.objects.get(pk=ninh_thuan["plan"].pk).number == "100/KH-UBND (Ninh Thuận)"
    assert User.objects.get(pk=ninh_thuan["officer"].pk).province == kh
    assert Restructuring.objects.get().absorbed == nt


def test_the_merged_province_is_no_longer_served_but_keeps_its_results(
    world: Any, ninh_thuan: dict[str, Any], admin_user: Any
) -> None:
    """After the merger Ninh Thuận's row says into what and since when (audited); it leaves the
    served provinces (public lists, the merger's and the admin's pickers) and cannot be merged
    again; its results stay in the data, so its public profile still opens."""
    from django.contrib.admin.sites import site
    from django.test import RequestFactory

    from chiso.public import deployment
    from chiso.restructuring.forms import MergeForm

    nt, kh = ninh_thuan["nt"], world.province
    assert set(deployment.codes()) == {"56", "58"}
    merger.merge(admin_user, nt, kh, JULY_1)
    nt.refresh_from_db()
    assert (nt.merged_into, nt.merged_on) == (kh, JULY_1)
    entry = AuditEntry.objects.get(action="province.merged")
    assert entry.changes == {"merged_into": [None, "Khánh Hòa"], "merged_on": [None, "2025-07-01"]}
    assert list(Province.objects.served()) == [kh]
    assert set(deployment.codes()) == {"56"}
    assert list(MergeForm().fields["absorbed"].queryset) == [kh]  # type: ignore[attr-defined]
    request = RequestFactory().get("/")
    request.user = admin_user
    admin_form = site._registry[Agency].get_form(request)
    assert list(admin_form.base_fields["province"].queryset) == [kh]  # type: ignore[attr-defined]
    other = Province.objects.create(code="40", name="Nghệ An", slug="nghe-an")
    problems = merger.preview(nt, other, JULY_1).problems
    assert problems == ["Ninh Thuận đã hợp nhất vào Khánh Hòa."]


def test_a_collision_that_cannot_be_renamed_saves_nothing(
    world: Any, ninh_thuan: dict[str, Any], admin_user: Any
) -> None:
    from chiso.activities.models import SurveyRound

    for p, who in ((world.province, world.coordinator), (ninh_thuan["nt"], ninh_thuan["officer"])):
        SurveyRound.objects.create(province=p, index="PAPI", year=2023, created_by=who)
    before = (Agency.objects.filter(province=world.province).count(), AuditEntry.objects.count())
    found = merger.preview(ninh_thuan["nt"], world.province, JULY_1)
    assert len(found.problems) == 1 and "không gộp được" in found.problems[0]
    with pytest.raises(RestructuringError):
        merger.merge(admin_user, ninh_thuan["nt"], world.province, JULY_1)
    assert (
        Agency.objects.filter(province=world.province).count(),
        AuditEntry.objects.count(),
    ) == before
    assert Agency.objects.get(pk=ninh_thuan["home_affairs"].pk).name == "Sở Nội vụ"


def test_only_an_administrator_merges(world: Any, ninh_thuan: dict[str, Any]) -> None:
    with pytest.raises(RestructuringError):
        merger.merge(world.coordinator, ninh_thuan["nt"], world.province, JULY_1)
    assert merger.preview(world.province, world.province, JULY_1).problems == [
        "Chọn hai tỉnh khác nhau."
    ]


@pytest.fixture
def admin_user(world: Any, make_user: Any) -> Any:
    return make_user("quantri", Role.ADMIN, world.province)


def test_the_page_previews_then_merges(
    world: Any, ninh_thuan: dict[str, Any], admin_user: Any
) -> None:
    from django.test import Client
    from django.urls import reverse

    client = Client()
    client.force_login(admin_user)
    data = {
        "absorbed": ninh_thuan["nt"].pk,
        "into": world.province.pk,
        "effective_on": "01/07/2025",
    }
    page = client.post(reverse("restructuring:merge"), {**data, "preview": "1"}).content.decode()
    assert "Sở Nội vụ → Sở Nội vụ (Ninh Thuận)" in page
    assert Agency.objects.filter(province=ninh_thuan["nt"]).count() == 2  # nothing saved yet
    assert client.post(reverse("restructuring:merge"), {**data, "confirm": "1"}).status_code == 302
    assert Agency.objects.filter(province=ninh_thuan["nt"]).count() == 0


def test_the_command_previews_then_merges(
    world: Any, ninh_thuan: dict[str, Any], capsys: Any
) -> None:
    from django.core.management import call_command

    call_command("restructure", "merge", "--from", "58", "--into", "56")
    out = capsys.readouterr().out
    assert "đổi tên: Sở Nội vụ → Sở Nội vụ (Ninh Thuận)" in out and "Xem trước" in out
    assert Agency.objects.filter(province=ninh_thuan["nt"]).count() == 2
    call_command("restructure", "merge", "--from", "58", "--into", "56", "--apply")
    assert Agency.objects.filter(province=ninh_thuan["nt"]).count() == 0
    assert Restructuring.objects.get().actor is None
