"""`chiso restructure follow-up`: an abolition saved before villages and accounts moved with
the work left them with the dissolved commune; the follow-up moves them to the successor named
in the abolition record, as an abolition does today, and finds nothing the second time."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command

from chiso.accounts.models import Agency, AgencyKind, Role, User
from chiso.activities import services as activity_services
from chiso.activities.models import PlaceType, Posting
from chiso.audit.models import AuditEntry
from chiso.places.models import Village, VillageKind
from chiso.restructuring import followup
from chiso.restructuring.models import Kind, Restructuring

pytestmark = pytest.mark.django_db

JULY_1 = dt.date(2025, 7, 1)


@pytest.fixture
def left_behind(world: Any, make_user: Any) -> dict[str, Any]:
    """Vĩnh Hải was merged into Bắc Nha Trang (recorded) before villages moved: its two
    residential groups (one posted at its hall), and its officer, are still with it; Bắc Nha
    Trang already has a TDP 1."""

    def commune(name: str) -> Agency:
        return Agency.objects.create(
            province=world.province, name=name, kind=AgencyKind.COMMUNE_COMMITTEE
        )

    hai, north = commune("UBND phường Vĩnh Hải"), commune("UBND phường Bắc Nha Trang")
    for c, name in ((hai, "1"), (hai, "2"), (north, "1")):
        Village.objects.create(
            province=world.province, commune=c, kind=VillageKind.TO_DAN_PHO, name=name
        )
    activity_services.record_posting(
        world.coordinator,
        world.plan,
        commune=hai,
        village=Village.objects.get(commune=hai, name="2"),
        place_type=PlaceType.VILLAGE_HALL,
        place="Nhà văn hóa tổ dân phố 2",
        posted_on=dt.date(2023, 6, 5),
    )
    officer = make_user("vinhhai", Role.AGENCY_OFFICER, world.province, hai)
    hai.active, hai.dissolved_on = False, JULY_1
    hai.save()
    Restructuring.objects.create(
        province=world.province,
        kind=Kind.ABOLISH,
        effective_on=JULY_1,
        summary={"agencies": [{"agency": hai.name, "successor": north.name, "moved": []}]},
    )
    return {"hai": hai, "north": north, "officer": officer}


def test_follow_up_moves_what_was_left_behind(world: Any, left_behind: dict[str, Any]) -> None:
    hai, north = left_behind["hai"], left_behind["north"]
    (left,) = followup.preview(world.province)
    assert (left.agency, left.successor, left.users) == (hai, north, 1)
    assert [(v.name, v.new_name) for v in left.villages] == [("1", "1 (Vĩnh Hải)"), ("2", "2")]
    out = StringIO()
    call_command("restructure", "follow-up", "--province", "56", "--apply", stdout=out)
    assert "UBND phường Vĩnh Hải → UBND phường Bắc Nha Trang: 2 thôn, tổ dân phố, 1 tài khoản" in (
        out.getvalue()
    )
    assert sorted(Village.objects.filter(commune=north).values_list("name", flat=True)) == [
        "1",
        "1 (Vĩnh Hải)",
        "2",
    ]
    assert Posting.objects.get().commune == north
    assert User.objects.get(username="vinhhai").agency == north
    actions = sorted(
        AuditEntry.objects.filter(
            action__in=["village.move", "posting.move", "user.handover"]
        ).values_list("action", flat=True)
    )
    assert actions == ["posting.move", "user.handover", "village.move", "village.move"]
    # Nothing left: the second run changes nothing.
    count = AuditEntry.objects.count()
    assert followup.preview(world.province) == []
    again = StringIO()
    call_command("restructure", "follow-up", "--province", "56", "--apply", stdout=again)
    assert "Không còn gì" in again.getvalue() and AuditEntry.objects.count() == count


def test_a_successor_dissolved_since_is_followed(world: Any, left_behind: dict[str, Any]) -> None:
    north = left_behind["north"]
    ward = Agency.objects.create(
        province=world.province, name="UBND phường Nha Trang", kind=AgencyKind.COMMUNE_COMMITTEE
    )
    north.active, north.dissolved_on = False, JULY_1
    north.save()
    Restructuring.objects.create(
        province=world.province,
        kind=Kind.ABOLISH,
        effective_on=JULY_1,
        summary={"agencies": [{"agency": north.name, "successor": ward.name, "moved": []}]},
    )
    found = {left.agency.name: left.successor for left in followup.preview(world.province)}
    assert found == {"UBND phường Vĩnh Hải": ward, "UBND phường Bắc Nha Trang": ward}
