"""The responsibilities map: set per agency (checked, audited), read per unit, and the usual
lead agencies of catalogue units."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from chiso.accounts.models import AgencyKind, Role
from chiso.audit.models import AuditEntry
from chiso.responsibilities.models import Duty, Responsibility
from chiso.responsibilities.queries import unit_map, usual_leads
from chiso.responsibilities.services import ResponsibilityError, set_agency_units

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(province, other_province, make_agency, make_user):
    snv = make_agency(province, "Sở Nội vụ")
    tnmt = make_agency(province, "Sở Tài nguyên và Môi trường")
    nt = make_agency(province, "UBND thành phố Nha Trang", AgencyKind.DISTRICT_COMMITTEE)
    return dict(
        snv=snv,
        tnmt=tnmt,
        nt=nt,
        coordinator=make_user("c", Role.COORDINATOR, province, snv),
        officer=make_user("o", Role.AGENCY_OFFICER, province, nt),
        outsider=make_user("x", Role.COORDINATOR, other_province),
    )


def test_set_replaces_the_agencys_units_and_audits_old_and_new(world) -> None:
    set_agency_units(world["coordinator"], world["tnmt"], guides=["7", "2.4"], answers=[])
    set_agency_units(world["coordinator"], world["tnmt"], guides=["2.4", "5.3"], answers=["7.1"])
    rows = Responsibility.objects.filter(agency=world["tnmt"])
    assert sorted(rows.values_list("unit_code", "duty")) == [
        ("2.4", Duty.GUIDES),
        ("5.3", Duty.GUIDES),
        ("7.1", Duty.ANSWERS),
    ]
    last = AuditEntry.objects.filter(action="responsibility.set").order_by("id").last()
    assert last.changes == {
        "guides": [["2.4", "7"], ["2.4", "5.3"]],
        "answers": [[], ["7.1"]],
    }


@pytest.mark.parametrize(
    ("guides", "answers", "field", "words"),
    [
        (["9"], [], "units", "“9”"),
        (["2.4.1"], [], "units", "2.4.1"),
        (["2.4"], ["2.4"], "answers", "2.4"),
    ],
)
def test_bad_units_are_refused_and_nothing_changes(world, guides, answers, field, words) -> None:
    set_agency_units(world["coordinator"], world["tnmt"], guides=["7"])
    with pytest.raises(ResponsibilityError) as err:
        set_agency_units(world["coordinator"], world["tnmt"], guides=guides, answers=answers)
    assert err.value.field == field and words in err.value.message
    assert list(Responsibility.objects.values_list("unit_code", flat=True)) == ["7"]


def test_only_the_provinces_coordinators_set_the_map(world) -> None:
    for user in (world["officer"], world["outsider"]):
        with pytest.raises(PermissionDenied):
            set_agency_units(user, world["tnmt"], guides=["7"])
    assert not Responsibility.objects.exists()


def test_unit_map_lists_every_unit_with_its_agencies(world, province) -> None:
    set_agency_units(world["coordinator"], world["snv"], guides=["1"])
    set_agency_units(world["coordinator"], world["nt"], answers=["1", "2.2"])
    rows = {r.code: r for r in unit_map(province)}
    assert len(rows) == 8 + 29  # PAPI's 8 dimensions and their sub-dimensions, latest structure
    assert [a.name for a in rows["1"].guides] == ["Sở Nội vụ"]
    assert [a.name for a in rows["1"].answers] == ["UBND thành phố Nha Trang"]
    assert rows["2.2"].guides == () and rows["3"].answers == ()


def test_usual_leads_exact_unit_first_then_its_dimension(world, province) -> None:
    set_agency_units(world["coordinator"], world["snv"], guides=["2"])
    set_agency_units(world["coordinator"], world["tnmt"], guides=["2.4"])
    names = lambda codes: [a.name for a in usual_leads(province, codes)]  # noqa: E731
    assert names(("2.4",)) == ["Sở Tài nguyên và Môi trường"]
    assert names(("2.2",)) == ["Sở Nội vụ"]  # nobody guides 2.2: the dimension's guide
    assert names(("2.2", "2.4")) == ["Sở Nội vụ", "Sở Tài nguyên và Môi trường"]
    assert names(("6.1",)) == []
    world["tnmt"].active = False
    world["tnmt"].save()
    assert names(("2.4",)) == ["Sở Nội vụ"]
