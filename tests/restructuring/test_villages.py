"""Communes merged into a commune take their villages and residential groups along (issue 15):
known answers — every village moves with its id, a clashing name takes the old commune's name,
village-hall postings follow their village (the successor's coverage counts them), office
postings stay with the dissolved commune; one transaction, audited, refused the second time."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities import services as activity_services
from chiso.activities.coverage import posting_coverage
from chiso.activities.models import PlaceType, Posting
from chiso.audit.models import AuditEntry
from chiso.places.models import Village, VillageKind
from chiso.restructuring import abolition
from chiso.restructuring.errors import RestructuringError
from chiso.restructuring.villages import commune_short_name

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)
TDP = VillageKind.TO_DAN_PHO


@pytest.fixture
def communes(world: Any) -> dict[str, Any]:
    """Vĩnh Hải (TDP 1, TDP 2, Thôn Đông) and Vĩnh Phước (TDP 1, TDP Bắc) merge into Bắc Nha
    Trang, which already has TDP 2 (a new ward in the test); each village's hall is posted, and
    Vĩnh Hải's office."""

    def commune(name: str) -> Agency:
        return Agency.objects.create(
            province=world.province,
            name=name,
            kind=AgencyKind.COMMUNE_COMMITTEE,
            parent=world.nha_trang,
        )

    hai, phuoc = commune("UBND phường Vĩnh Hải"), commune("UBND phường Vĩnh Phước")
    north = commune("UBND phường Bắc Nha Trang")
    made = {}
    for c, kind, name in (
        (hai, TDP, "1"),
        (hai, TDP, "2"),
        (hai, VillageKind.THON, "Đông"),
        (phuoc, TDP, "1"),
        (phuoc, TDP, "Bắc"),
        (north, TDP, "2"),
    ):
        made[(c.pk, name)] = Village.objects.create(
            province=world.province, commune=c, kind=kind, name=name
        )
    for (commune_id, _name), village in made.items():
        if commune_id == north.pk:
            continue
        activity_services.record_posting(
            world.coordinator,
            world.plan,
            commune=village.commune,
            village=village,
            place_type=PlaceType.VILLAGE_HALL,
            place=f"Nhà văn hóa {village}",
            posted_on=dt.date(2023, 6, 5),
        )
    activity_services.record_posting(
        world.coordinator,
        world.plan,
        commune=hai,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở UBND phường Vĩnh Hải",
        posted_on=dt.date(2023, 6, 5),
    )
    return {"hai": hai, "phuoc": phuoc, "north": north, "v": made}


def _names(commune: Agency) -> list[str]:
    return sorted(str(v) for v in Village.objects.filter(commune=commune))


def test_short_name() -> None:
    assert commune_short_name(Agency(name="UBND phường Vĩnh Hải")) == "Vĩnh Hải"
    assert commune_short_name(Agency(name="UBND xã Cam Lập")) == "Cam Lập"
    assert commune_short_name(Agency(name="UBND thị trấn Diên Khánh")) == "Diên Khánh"


def test_preview_names_the_moves_and_renames(world: Any, communes: dict[str, Any]) -> None:
    hai, phuoc, north = communes["hai"], communes["phuoc"], communes["north"]
    found = abolition.preview(world.province, {hai.pk: north.pk, phuoc.pk: north.pk}, JULY_1)
    assert not found.problems
    assert (found.villages_moved, found.villages_renamed) == (5, 3)
    moves = {
        h.agency.name: [(v.name, v.new_name, v.postings) for v in h.villages]
        for h in found.handovers
    }
    assert moves == {
        "UBND phường Vĩnh Hải": [
            ("Đông", "Đông", 1),
            ("1", "1 (Vĩnh Hải)", 1),
            ("2", "2 (Vĩnh Hải)", 1),
        ],
        "UBND phường Vĩnh Phước": [("1", "1 (Vĩnh Phước)", 1), ("Bắc", "Bắc", 1)],
    }
    assert Village.objects.filter(commune=north).count() == 1  # nothing saved


def test_merger_moves_villages_and_their_postings(world: Any, communes: dict[str, Any]) -> None:
    hai, phuoc, north = communes["hai"], communes["phuoc"], communes["north"]
    ids = sorted(Village.objects.values_list("pk", flat=True))
    postings = Posting.objects.count()
    abolition.abolish(
        world.coordinator, world.province, {hai.pk: north.pk, phuoc.pk: north.pk}, JULY_1
    )
    assert sorted(Village.objects.values_list("pk", flat=True)) == ids  # same rows
    assert _names(north) == [
        "Thôn Đông",
        "Tổ dân phố 1 (Vĩnh Hải)",
        "Tổ dân phố 1 (Vĩnh Phước)",
        "Tổ dân phố 2",
        "Tổ dân phố 2 (Vĩnh Hải)",
        "Tổ dân phố Bắc",
    ]
    assert _names(hai) == _names(phuoc) == []
    # Postings: the five village halls follow their village; Vĩnh Hải's office stays.
    assert Posting.objects.count() == postings == 6
    assert Posting.objects.filter(commune=north, village__isnull=False).count() == 5
    office = Posting.objects.get(place_type=PlaceType.COMMUNE_OFFICE)
    assert office.commune == hai
    assert all(p.village.commune_id == p.commune_id for p in Posting.objects.exclude(village=None))
    # Coverage follows the village: the ward has 6 villages, 5 posted (its own TDP 2 is not).
    row = next(
        c for d in posting_coverage(world.plan).districts for c in d.communes if c.commune == north
    )
    assert (row.villages, row.villages_posted, row.places) == (6, 5, 5)
    # Audited: a move per village (3 with the new name), a move per posting.
    moved = AuditEntry.objects.filter(action="village.move")
    assert moved.count() == 5
    assert sum(1 for e in moved if "name" in e.changes) == 3
    entry = AuditEntry.objects.get(action="village.move", changes__name__1="1 (Vĩnh Hải)")
    assert entry.changes["commune"] == ["UBND phường Vĩnh Hải", "UBND phường Bắc Nha Trang"]
    assert AuditEntry.objects.filter(action="posting.move").count() == 5


def test_second_run_changes_nothing(world: Any, communes: dict[str, Any]) -> None:
    hai, north = communes["hai"], communes["north"]
    abolition.abolish(world.coordinator, world.province, {hai.pk: north.pk}, JULY_1)
    before = (
        list(Village.objects.values_list("pk", "commune_id", "name")),
        AuditEntry.objects.count(),
    )
    with pytest.raises(RestructuringError):
        abolition.abolish(world.coordinator, world.province, {hai.pk: north.pk}, JULY_1)
    after = (
        list(Village.objects.values_list("pk", "commune_id", "name")),
        AuditEntry.objects.count(),
    )
    assert after == before


def test_villages_stay_when_the_successor_is_not_a_commune(
    world: Any, communes: dict[str, Any]
) -> None:
    hai = communes["hai"]
    found = abolition.preview(world.province, {hai.pk: world.home_affairs.pk}, JULY_1)
    (handover,) = found.handovers
    assert (handover.villages, handover.villages_kept) == ([], 3)
    abolition.abolish(world.coordinator, world.province, {hai.pk: world.home_affairs.pk}, JULY_1)
    assert len(_names(hai)) == 3
    assert not AuditEntry.objects.filter(action="village.move").exists()


def test_a_failure_half_way_saves_no_village(
    world: Any, communes: dict[str, Any], monkeypatch: Any
) -> None:
    hai, north = communes["hai"], communes["north"]
    from chiso.restructuring import abolition as module

    def fail(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("half-way")

    monkeypatch.setattr(module, "_dissolve", fail)
    with pytest.raises(RuntimeError):
        abolition.abolish(world.coordinator, world.province, {hai.pk: north.pk}, JULY_1)
    assert len(_names(hai)) == 3 and _names(north) == ["Tổ dân phố 2"]
    assert not AuditEntry.objects.filter(action__in=["village.move", "posting.move"]).exists()
