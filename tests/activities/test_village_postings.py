"""Postings at villages: counted per village and per commune (known answers), and the posting
task's assignment takes the share of its area's places posted as progress."""

from __future__ import annotations

import datetime as dt

import pytest

from chiso.activities import coverage, services
from chiso.activities.errors import ActivityError
from chiso.activities.models import PlaceType
from chiso.activities.posting_progress import area_places
from chiso.audit.models import AuditEntry
from chiso.places.models import Village, VillageKind
from chiso.plans.models import Assignment

pytestmark = pytest.mark.django_db
DAY = dt.date(2023, 6, 5)


@pytest.fixture
def villages(world):
    def make(commune, name):
        return Village.objects.create(
            province=world.province, commune=commune, kind=VillageKind.TO_DAN_PHO, name=name
        )

    return {
        "a": make(world.vinh_hai, "Vĩnh Hải 1"),
        "b": make(world.vinh_hai, "Vĩnh Hải 2"),
        "c": make(world.vinh_hai, "Vĩnh Hải 3"),
        "d": make(world.vinh_phuoc, "Vĩnh Phước 1"),
        "e": make(world.cam_nghia, "Nghĩa Cam"),
    }


def office(world, commune, day=DAY):
    return services.record_posting(
        world.coordinator,
        world.plan,
        commune=commune,
        place_type=PlaceType.COMMUNE_OFFICE,
        place=f"Trụ sở {commune.name}",
        posted_on=day,
    )


def hall(world, village, day=DAY):
    return services.record_posting(
        world.coordinator,
        world.plan,
        commune=village.commune,
        village=village,
        place_type=PlaceType.VILLAGE_HALL,
        place="",
        posted_on=day,
    )


def test_coverage_per_village_and_per_commune(world, villages) -> None:
    office(world, world.vinh_hai)
    first = hall(world, villages["a"])
    hall(world, villages["b"])
    hall(world, villages["d"])
    assert first.place == "Tổ dân phố Vĩnh Hải 1"  # the village's name when no place is typed
    services.check_posting(
        world.coordinator, first, checked_on=dt.date(2023, 8, 1), still_posted=False, version=None
    )
    cov = coverage.posting_coverage(world.plan)
    rows = {c.commune.name: c for d in cov.districts for c in d.communes}
    assert (
        rows["UBND phường Vĩnh Hải"].villages,
        rows["UBND phường Vĩnh Hải"].villages_posted,
    ) == (
        3,
        1,  # a taken down, b standing, c never posted
    )
    assert (
        rows["UBND phường Vĩnh Phước"].villages_posted,
        rows["UBND phường Cam Nghĩa"].villages,
    ) == (
        1,
        1,
    )
    assert (cov.communes_total, cov.communes_posted) == (3, 2)  # Vĩnh Phước: its village only
    assert (cov.villages_total, cov.villages_posted) == (5, 2)
    nha_trang = next(d for d in cov.districts if d.district == world.nhatrang)
    assert (nha_trang.posted, nha_trang.villages, nha_trang.villages_posted) == (2, 4, 2)
    # Nha Trang's area: 2 commune offices (1 posted) + 4 villages (2 standing) = 3/6.
    places = area_places(world.plan, world.nhatrang)
    assert (places.posted, places.places, places.percent) == (3, 6, 50)


def test_a_village_of_another_commune_is_refused(world, villages) -> None:
    with pytest.raises(ActivityError) as err:
        services.record_posting(
            world.coordinator,
            world.plan,
            commune=world.vinh_phuoc,
            village=villages["a"],
            place_type=PlaceType.VILLAGE_HALL,
            place="",
            posted_on=DAY,
        )
    assert err.value.field == "village" and "Vĩnh Hải 1" in err.value.message


def test_postings_move_the_posting_tasks_progress(world, villages) -> None:
    cr = Assignment.objects.create(province=world.province, task=world.task, agency=world.camranh)
    services.set_posting_task(world.coordinator, world.plan, world.task)
    assert AuditEntry.objects.filter(action="plan.posting_task").count() == 1
    office(world, world.vinh_hai)
    world.assignment.refresh_from_db()
    assert world.assignment.progress == 16  # 1 of Nha Trang's 6 places (2 offices, 4 villages)
    hall(world, villages["a"])
    hall(world, villages["b"])
    world.assignment.refresh_from_db()
    assert world.assignment.progress == 50
    note = AuditEntry.objects.filter(action="assignment.progress").order_by("id").last().note
    assert "3/6" in note
    cr.refresh_from_db()
    assert cr.progress == 0  # Cam Ranh posted nothing
    office(world, world.cam_nghia)
    hall(world, villages["e"])
    cr.refresh_from_db()
    assert (cr.progress, cr.completed_on) == (100, None)  # postings never complete it


def test_postings_on_a_sub_assignment_roll_up_to_the_district(world, villages, make_user) -> None:
    """Nha Trang hands the posting task down to Vĩnh Hải: Vĩnh Hải's postings are its own part
    of the sub-assignment, and Nha Trang's progress rolls up from its own part and that share
    (docs/cascade.md), audited as a roll-up."""
    from chiso.accounts.models import Role
    from chiso.plans.services import split_assignment

    officer = make_user("nt-officer", Role.AGENCY_OFFICER, world.province, world.nhatrang)
    services.set_posting_task(world.coordinator, world.plan, world.task)
    (child,) = split_assignment(officer, world.assignment, agencies=[world.vinh_hai])
    office(world, world.vinh_hai)
    hall(world, villages["a"])
    hall(world, villages["b"])
    child.refresh_from_db()
    # Vĩnh Hải's area: its office and 2 of its 3 villages = 3/4 = 75%.
    assert (child.own_progress, child.progress, child.completed_on) == (75, 75, None)
    world.assignment.refresh_from_db()
    # Nha Trang's own part (no report, no posting of its own counted) 0%, Vĩnh Hải's 75%.
    assert (world.assignment.own_progress, world.assignment.progress) == (0, 37)
    assert AuditEntry.objects.filter(action="assignment.rollup").exists()


def test_coverage_as_of_a_day_and_in_the_consolidated_report(world, villages) -> None:
    """A report's cut-off counts only what was posted by then; the consolidated report's Part I
    reads villages posted of those listed (issue 16: coverage by district, commune, village)."""
    from chiso.documents.consolidated_facts import gather
    from chiso.documents.period import PeriodKind, make_period

    office(world, world.vinh_hai)
    hall(world, villages["a"])
    hall(world, villages["b"], day=dt.date(2023, 7, 20))
    in_june = coverage.posting_coverage(world.plan, as_of=dt.date(2023, 6, 30))  # before b
    assert (in_june.communes_posted, in_june.villages_posted) == (1, 1)
    assert coverage.posting_coverage(world.plan).villages_posted == 2
    # The six-month report, written on 15/08: its Part I counts what was posted by 30/06.
    facts = gather(world.plan, make_period(PeriodKind.HALF, 2023), as_of=dt.date(2023, 8, 15))
    rows = {d.district: d for d in facts.postings}
    nha_trang = rows[world.nhatrang.name]
    assert (nha_trang.communes, nha_trang.communes_posted) == (2, 1)
    assert (nha_trang.villages_posted, nha_trang.villages) == (1, 4)


def test_a_partial_split_counts_each_communes_postings_once(world, villages, make_user) -> None:
    """Nha Trang (Vĩnh Hải: office + 3 villages; Vĩnh Phước: office + 1 village) hands the
    posting task down to Vĩnh Hải only. Known answers: Vĩnh Phước's postings are Nha Trang's own
    part (2/2 = 100%, not 2/6 over the whole city), Vĩnh Hải's go to its sub-assignment only
    (2/4 = 50%), and the city rolls up (100 + 50) // 2 = 75."""
    from chiso.accounts.models import Role
    from chiso.plans.services import split_assignment

    officer = make_user("nt-officer", Role.AGENCY_OFFICER, world.province, world.nhatrang)
    services.set_posting_task(world.coordinator, world.plan, world.task)
    (child,) = split_assignment(officer, world.assignment, agencies=[world.vinh_hai])
    office(world, world.vinh_phuoc)
    hall(world, villages["d"])
    world.assignment.refresh_from_db()
    assert (world.assignment.own_progress, world.assignment.progress) == (100, 50)
    before = AuditEntry.objects.filter(
        action="assignment.progress", object_id=str(world.assignment.pk)
    ).count()
    office(world, world.vinh_hai)
    hall(world, villages["a"])
    child.refresh_from_db()
    world.assignment.refresh_from_db()
    assert (child.own_progress, child.progress) == (50, 50)
    assert (world.assignment.own_progress, world.assignment.progress) == (100, 75)
    after = AuditEntry.objects.filter(
        action="assignment.progress", object_id=str(world.assignment.pk)
    ).count()
    assert after == before  # Vĩnh Hải's postings never touched the city's own part


def test_splitting_after_postings_moves_their_share_down(world, villages, make_user) -> None:
    """Postings first (city's own part 3/6 = 50%), then the split: Vĩnh Phước's 2/2 stay the
    city's own (100%), Vĩnh Hải's office goes to the new sub-assignment (1/4 = 25%); the city
    rolls up (100 + 25) // 2 = 62."""
    from chiso.accounts.models import Role
    from chiso.plans.services import split_assignment

    officer = make_user("nt-officer", Role.AGENCY_OFFICER, world.province, world.nhatrang)
    services.set_posting_task(world.coordinator, world.plan, world.task)
    office(world, world.vinh_phuoc)
    hall(world, villages["d"])
    office(world, world.vinh_hai)
    world.assignment.refresh_from_db()
    assert world.assignment.own_progress == 50
    (child,) = split_assignment(officer, world.assignment, agencies=[world.vinh_hai])
    child.refresh_from_db()
    world.assignment.refresh_from_db()
    assert child.own_progress == 25
    assert (world.assignment.own_progress, world.assignment.progress) == (100, 62)


def test_withdrawing_a_sub_assignment_gives_its_share_back(world, villages, make_user) -> None:
    """The split of the test above (city's own part 2/2 = 100%, Vĩnh Hải's sub-assignment
    1/4 = 25%, city 62), then the city takes Vĩnh Hải's part back: its own part counts both
    communes again, (1 + 1 + 1 posted) / (2 offices + 4 villages) = 3/6 = 50%, and with no
    sub-assignment left its progress is its own; audited as a system change."""
    from chiso.accounts.models import Role
    from chiso.plans.services import split_assignment, withdraw_sub_assignment

    officer = make_user("nt-officer", Role.AGENCY_OFFICER, world.province, world.nhatrang)
    services.set_posting_task(world.coordinator, world.plan, world.task)
    office(world, world.vinh_phuoc)
    hall(world, villages["d"])
    office(world, world.vinh_hai)
    (child,) = split_assignment(officer, world.assignment, agencies=[world.vinh_hai])
    world.assignment.refresh_from_db()
    assert (world.assignment.own_progress, world.assignment.progress) == (100, 62)
    withdraw_sub_assignment(officer, child)
    world.assignment.refresh_from_db()
    assert not Assignment.objects.filter(pk=child.pk).exists()
    assert (world.assignment.own_progress, world.assignment.progress) == (50, 50)
    last = AuditEntry.objects.filter(
        action="assignment.progress", object_id=str(world.assignment.pk)
    ).latest("id")
    assert last.changes == {"own_progress": [100, 50]}
    assert last.actor is None


def test_the_coverage_workbook_lists_villages_per_commune(world, villages) -> None:
    """The XLSX: villages listed / posted per commune (Vĩnh Hải 3/1 after a is taken down),
    the province's total in the notes, and each posting's village on the places sheet."""
    import io

    from openpyxl import load_workbook

    from chiso.activities.exports import posting_coverage_xlsx
    from chiso.activities.models import Posting

    office(world, world.vinh_hai)
    first = hall(world, villages["a"])
    hall(world, villages["b"])
    services.check_posting(
        world.coordinator, first, checked_on=dt.date(2023, 8, 1), still_posted=False, version=None
    )
    postings = list(Posting.objects.filter(plan=world.plan).order_by("id"))
    data = posting_coverage_xlsx(world.plan, coverage.posting_coverage(world.plan), postings)
    book = load_workbook(io.BytesIO(data))
    rows = list(book["Theo xã"].iter_rows(values_only=True))
    assert rows[2][0] == "Thôn, tổ dân phố đã niêm yết: 1/5"
    assert rows[3][7:] == ("Số thôn, tổ dân phố", "Thôn, tổ dân phố đã niêm yết")
    by_commune = {row[1]: row[7:] for row in rows[4:]}
    assert by_commune == {
        "UBND phường Vĩnh Hải": (3, 1),
        "UBND phường Vĩnh Phước": (1, 0),
        "UBND phường Cam Nghĩa": (1, 0),
    }
    places = list(book["Các nơi niêm yết"].iter_rows(values_only=True))
    assert places[1][2] == "Thôn, tổ dân phố"
    assert [row[2] for row in places[2:]] == [
        None,
        "Tổ dân phố Vĩnh Hải 1",
        "Tổ dân phố Vĩnh Hải 2",
    ]
