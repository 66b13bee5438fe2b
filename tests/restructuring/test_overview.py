"""`/sap-xep/` on a phone: an abolition's agencies grouped by successor (one <details> each, with
its totals), the operation's totals in one line, ten records a page."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from chiso.restructuring.models import Kind, Restructuring
from chiso.restructuring.overview import done_records

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)


def _abolition(province: Any, rows: list[tuple[str, str, int, int, int, int]]) -> Restructuring:
    agencies = [
        {
            "agency": old,
            "successor": new,
            "moved": list(range(moved)),
            "folded": list(range(folded)),
            "villages": list(range(villages)),
            "users": users,
        }
        for old, new, moved, folded, villages, users in rows
    ]
    return Restructuring.objects.create(
        province=province, kind=Kind.ABOLISH, effective_on=JULY_1, summary={"agencies": agencies}
    )


COMMUNES = [
    ("UBND phường Vĩnh Phước", "UBND phường Bắc Nha Trang", 0, 0, 0, 0),
    ("UBND phường Vĩnh Hải", "UBND phường Bắc Nha Trang", 2, 0, 0, 1),
    ("UBND xã Vĩnh Lương", "UBND phường Bắc Nha Trang", 0, 1, 3, 1),
    ("UBND phường Lộc Thọ", "UBND phường Nha Trang", 1, 0, 2, 1),
]


def test_groups_and_totals(world: Any) -> None:
    (item,) = done_records([_abolition(world.province, COMMUNES)])
    assert [(g.successor, [d.name for d in g.dissolved]) for g in item.groups] == [
        (
            "UBND phường Bắc Nha Trang",
            ["UBND phường Vĩnh Hải", "UBND phường Vĩnh Phước", "UBND xã Vĩnh Lương"],
        ),
        ("UBND phường Nha Trang", ["UBND phường Lộc Thọ"]),
    ]
    north = item.groups[0]
    assert (north.moved, north.folded, north.villages) == (2, 1, 3)
    assert (item.agencies, item.moved, item.folded, item.villages, item.users) == (4, 3, 1, 5, 3)


def test_an_older_record_without_villages_or_accounts(world: Any) -> None:
    record = Restructuring.objects.create(
        province=world.province,
        kind=Kind.ABOLISH,
        effective_on=JULY_1,
        summary={"agencies": [{"agency": "A", "successor": "B", "moved": [1], "folded": []}]},
    )
    (item,) = done_records([record])
    assert (item.agencies, item.moved, item.villages, item.users) == (1, 1, 0, 0)


def test_the_page_folds_each_successor_and_pages_the_records(world: Any) -> None:
    for _ in range(10):
        _abolition(world.province, COMMUNES[:1])
    _abolition(world.province, COMMUNES)  # the newest: first on page 1
    client = Client()
    client.force_login(world.coordinator)
    html = client.get(reverse("restructuring:index")).content.decode()
    assert html.count('data-testid="restructure-record"') == 10
    assert html.count('data-testid="restructure-group"') == 2 + 9
    assert (
        "4 cơ quan giải thể, việc chuyển cho 2 cơ quan kế nhiệm: 3 phân công chuyển, "
        "1 phần việc gộp. 5 thôn, tổ dân phố chuyển theo xã. 3 tài khoản chuyển theo cơ quan."
    ) in html
    assert "← 3 cơ quan · 2 phân công chuyển" in html
    assert (
        "UBND phường Vĩnh Hải → UBND phường Bắc Nha Trang (2 phân công chuyển, 0 phần việc gộp)"
        in html
    )
    second = client.get(reverse("restructuring:index"), {"trang": 2}).content.decode()
    assert second.count('data-testid="restructure-record"') == 1
    assert "Trang 2/2" in second
