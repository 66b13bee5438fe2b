"""Villages: places under a commune, added and changed by the province's coordinators."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from chiso.accounts.models import Agency, AgencyKind, Province, Role, User
from chiso.audit.models import AuditEntry
from chiso.places import services
from chiso.places.access import villages_for
from chiso.places.models import Village, VillageKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    kh = Province.objects.create(code="56", name="Khánh Hòa", slug="khanh-hoa")
    other = Province.objects.create(code="58", name="Ninh Thuận", slug="ninh-thuan")
    district = Agency.objects.create(
        province=kh, name="UBND thành phố Nha Trang", kind=AgencyKind.DISTRICT_COMMITTEE
    )
    commune = Agency.objects.create(
        province=kh, name="UBND xã Vĩnh Lương", kind=AgencyKind.COMMUNE_COMMITTEE, parent=district
    )
    far = Agency.objects.create(
        province=other, name="UBND xã Phước Dinh", kind=AgencyKind.COMMUNE_COMMITTEE
    )
    coordinator = User.objects.create(
        username="snv", role=Role.COORDINATOR, province=kh, agency=None
    )
    officer = User.objects.create(
        username="nt", role=Role.AGENCY_OFFICER, province=kh, agency=district
    )
    outsider = User.objects.create(username="nthuan", role=Role.COORDINATOR, province=other)
    return dict(
        kh=kh,
        district=district,
        commune=commune,
        far=far,
        coordinator=coordinator,
        officer=officer,
        outsider=outsider,
    )


def test_create_strips_the_kind_word_and_audits(world) -> None:
    v = services.create_village(
        world["coordinator"], world["commune"], kind=VillageKind.THON, name="  Thôn  Đông Bắc "
    )
    assert (v.name, str(v), v.province_id) == ("Đông Bắc", "Thôn Đông Bắc", world["kh"].pk)
    entry = AuditEntry.objects.get(object_id=str(v.pk), action="create")
    assert entry.changes["name"] == [None, "Đông Bắc"]


def test_same_name_in_the_same_commune_is_refused_whatever_the_accents(world) -> None:
    services.create_village(
        world["coordinator"], world["commune"], kind=VillageKind.THON, name="Đông Bắc"
    )
    with pytest.raises(services.PlaceError) as err:
        services.create_village(
            world["coordinator"], world["commune"], kind=VillageKind.THON, name="dong bac"
        )
    assert err.value.field == "name" and "Vĩnh Lương" in err.value.message
    # A residential group of the same name is another place.
    services.create_village(
        world["coordinator"], world["commune"], kind=VillageKind.TO_DAN_PHO, name="Đông Bắc"
    )
    assert Village.objects.count() == 2


def test_a_village_belongs_to_a_commune_not_a_district(world) -> None:
    with pytest.raises(services.PlaceError) as err:
        services.create_village(
            world["coordinator"], world["district"], kind=VillageKind.THON, name="Đông Bắc"
        )
    assert err.value.field == "commune"


def test_only_the_provinces_coordinators_manage_villages(world) -> None:
    for user in (world["officer"], world["outsider"]):
        with pytest.raises(PermissionDenied):
            services.create_village(user, world["commune"], kind=VillageKind.THON, name="Đông Bắc")
    assert not Village.objects.exists()


def test_update_records_old_and_new_and_can_close(world) -> None:
    v = services.create_village(
        world["coordinator"], world["commune"], kind=VillageKind.THON, name="Tây Bắc"
    )
    services.update_village(world["coordinator"], v, name="Thôn Tây Bắc 1", active=False)
    v.refresh_from_db()
    assert (v.name, v.active) == ("Tây Bắc 1", False)
    entry = AuditEntry.objects.get(object_id=str(v.pk), action="update")
    assert entry.changes == {"name": ["Tây Bắc", "Tây Bắc 1"], "active": [True, False]}


def test_villages_are_scoped_to_the_province(world) -> None:
    services.create_village(
        world["coordinator"], world["commune"], kind=VillageKind.THON, name="Đông Bắc"
    )
    Village.objects.create(
        province=world["far"].province, commune=world["far"], kind=VillageKind.THON, name="Mỹ Tân"
    )
    assert [str(v) for v in villages_for(world["officer"])] == ["Thôn Đông Bắc"]
    assert [str(v) for v in villages_for(world["outsider"])] == ["Thôn Mỹ Tân"]
