"""The restructuring pages and command: preview first, confirm saves; refusals shown, nothing
saved; the predecessors' results side by side."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from chiso.accounts.models import Agency, AgencyKind
from chiso.plans.models import Assignment
from chiso.plans.services import create_task, split_assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def committee(world: Any) -> Any:
    create_task(
        world.coordinator, world.plan, title="Tuyên truyền", lead_agencies=[world.nha_trang]
    )
    return Agency.objects.create(
        province=world.province, name="UBND tỉnh Khánh Hòa", kind=AgencyKind.PEOPLES_COMMITTEE
    )


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_preview_then_confirm(world: Any, committee: Any) -> None:
    client = _client(world.coordinator)
    url = reverse("restructuring:abolish")
    data = {"effective_on": "01/07/2025", f"ke_nhiem_{world.nha_trang.pk}": str(committee.pk)}
    page = client.post(url, {**data, "preview": "1"})
    assert page.status_code == 200 and "Tuyên truyền" in page.content.decode()
    assert Agency.objects.get(pk=world.nha_trang.pk).active  # the preview saves nothing
    done = client.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302
    assert Assignment.objects.get(task__title="Tuyên truyền").agency == committee
    index = client.get(reverse("restructuring:index")).content.decode()
    assert (
        "UBND thành phố Nha Trang → UBND tỉnh Khánh Hòa (1 phân công chuyển, 0 phần việc gộp)"
        in index
    )


def test_refusal_is_shown_and_nothing_saved(world: Any, committee: Any, make_user: Any) -> None:
    """Nha Trang handed part of a task to Vĩnh Hải; naming Vĩnh Hải as Nha Trang's successor
    would make it succeed its own parent part: refused on the page, nothing saved."""
    from tests.plans.cascade_world import build

    c = build(world, make_user)
    split_assignment(world.nhatrang, c.city, agencies=[c.ward_a])
    client = _client(world.coordinator)
    data = {
        "effective_on": "01/07/2025",
        f"ke_nhiem_{world.nha_trang.pk}": str(c.ward_a.pk),
        "confirm": "1",
    }
    page = client.post(reverse("restructuring:abolish"), data)
    assert page.status_code == 200 and "không thể kế nhiệm" in page.content.decode()
    assert Agency.objects.filter(active=False).count() == 0


def test_command_previews_by_default(world: Any, committee: Any, capsys: Any) -> None:
    call_command(
        "restructure",
        "abolish",
        "--province",
        "56",
        "--all-districts",
        "--to",
        "ubnd tinh khanh hoa",
    )
    assert (
        "Xem trước" in capsys.readouterr().out and Agency.objects.get(pk=world.nha_trang.pk).active
    )
    call_command(
        "restructure",
        "abolish",
        "--province",
        "56",
        "--all-districts",
        "--to",
        "UBND tỉnh Khánh Hòa",
        "--apply",
    )
    assert not Agency.objects.get(pk=world.nha_trang.pk).active


def test_predecessors_side_by_side(world: Any, monkeypatch: Any, papi_data_dir: Any) -> None:
    from chiso.results import store

    store.import_results(papi_data_dir)
    page = _client(world.leadership).get(reverse("restructuring:results")).content.decode()
    assert "Ninh Thuận" in page and "2024" in page


def test_the_moved_assignment_and_the_dissolved_agency_say_so(world: Any, committee: Any) -> None:
    moved = Assignment.objects.get(task__title="Tuyên truyền")
    call_command(
        "restructure",
        "abolish",
        "--province",
        "56",
        "--map",
        "UBND thành phố Nha Trang=UBND tỉnh Khánh Hòa",
        "--apply",
    )
    client = _client(world.coordinator)
    thread = client.get(reverse("plans:assignment-detail", args=[moved.pk])).content.decode()
    assert 'data-testid="handover"' in thread
    assert "Phần việc của UBND thành phố Nha Trang chuyển cho UBND tỉnh Khánh Hòa." in thread
    assert "có hiệu lực từ 01/07/2025" in thread
    agency = client.get(reverse("plans:agency-detail", args=[world.nha_trang.pk])).content.decode()
    assert "Giải thể từ ngày 01/07/2025" in agency and "Kế nhiệm: UBND tỉnh Khánh Hòa" in agency
