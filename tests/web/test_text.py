"""Text is stored in NFC whichever way it arrives, and search ignores case and diacritics on
both databases ("ĐÀ" finds "Đà", "hoa" finds "Hòa" and "Hoà")."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from django.test import Client

from chiso.accounts.models import Agency, AgencyKind
from chiso.plans.models import Task
from chiso.site.text import search
from tests.api.world import build_world

NFD = unicodedata.normalize("NFD", "UBND thị xã Ninh Hòa")


@pytest.mark.django_db
def test_text_is_stored_in_nfc(province: Any) -> None:
    agency = Agency.objects.create(province=province, name=NFD, kind=AgencyKind.DISTRICT_COMMITTEE)
    agency.refresh_from_db()
    assert agency.name == "UBND thị xã Ninh Hòa"
    assert unicodedata.is_normalized("NFC", agency.name)


@pytest.fixture
def tasks(province: Any, other_province: Any) -> Any:
    world = build_world(province, other_province)
    task = world.home.task
    titles = ["Tuyên truyền tại Đà Lạt", "Niêm yết ở Ninh Hòa", "Niêm yết ở Ninh Hoà", "Khác"]
    made = []
    for n, title in enumerate(titles):
        made.append(
            Task.objects.create(
                plan=task.plan,
                section=task.section,
                code=f"S{n}",
                title=title,
                province=task.province,
            )
        )
    return Task.objects.filter(pk__in=[t.pk for t in made])


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("ĐÀ", ["Tuyên truyền tại Đà Lạt"]),
        ("da lat", ["Tuyên truyền tại Đà Lạt"]),
        ("hoa", ["Niêm yết ở Ninh Hòa", "Niêm yết ở Ninh Hoà"]),
        ("NINH HOÀ", ["Niêm yết ở Ninh Hòa", "Niêm yết ở Ninh Hoà"]),
        (unicodedata.normalize("NFD", "Hòa"), ["Niêm yết ở Ninh Hòa", "Niêm yết ở Ninh Hoà"]),
        ("100%", []),
    ],
)
def test_search_ignores_case_and_diacritics(tasks: Any, query: str, found: list[str]) -> None:
    assert sorted(search(tasks, "title", query).values_list("title", flat=True)) == sorted(found)


@pytest.mark.django_db
def test_the_task_list_search_box_uses_it(tasks: Any) -> None:
    from chiso.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(username="sonoivu"))
    plan = tasks.first().plan
    page = client.get(f"/ke-hoach/{plan.pk}/nhiem-vu/", {"q": "ĐÀ LẠT"}).content.decode()
    assert "Tuyên truyền tại Đà Lạt" in page
    assert "Niêm yết ở Ninh Hòa" not in page
