"""Activities, postings and survey services: rules, ownership, audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from chiso.activities import services
from chiso.activities.errors import ActivityError
from chiso.activities.models import (
    Activity,
    ActivityKind,
    Attachment,
    AudienceType,
    LogisticsKind,
    LogisticsState,
    PlaceType,
)
from chiso.audit.models import AuditEntry
from chiso.plans.errors import PlanError
from chiso.workflow.errors import StaleVersion
from tests.activities.conftest import pdf_upload, png_as_pdf
from tests.zip_bombs import docx_bomb

pytestmark = pytest.mark.django_db


def training(world, user, organiser, **extra):
    fields = dict(
        kind=ActivityKind.TRAINING,
        title="Tập huấn PAPI cho cán bộ phường",
        held_on=dt.date(2023, 7, 20),
        organiser=organiser,
        audience_type=AudienceType.GRASSROOTS_OFFICIALS,
        audience_count=85,
        unit_codes=["2.4", "2"],
    )
    fields.update(extra)
    return services.record_activity(user, world.plan, **fields)


def test_an_agency_records_its_own_activity_only(world) -> None:
    activity = training(world, world.officer_nt, world.nhatrang, files=[pdf_upload("agenda.pdf")])
    assert activity.unit_codes == ["2", "2.4"]  # framework order
    assert activity.attachments.get().original_name == "agenda.pdf"
    with pytest.raises(PermissionDenied):
        training(world, world.officer_nt, world.camranh)
    with pytest.raises(PermissionDenied):
        training(world, world.leadership, world.nhatrang)
    assert AuditEntry.objects.filter(action="activity.create").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"held_on": dt.date(2023, 8, 20)}, "held_on"),  # after "today" (15/08/2023)
        ({"held_on": dt.date(2022, 12, 20)}, "held_on"),  # outside the plan's year
        ({"unit_codes": ["5.2"]}, "unit_codes"),  # building permits: gone since 2021
        ({"title": "  "}, "title"),
        ({"kind": "party"}, "kind"),
    ],
)
def test_activity_rules(world, change, field) -> None:
    with pytest.raises(ActivityError) as error:
        training(world, world.coordinator, world.snv, **change)
    assert error.value.field == field
    assert not Activity.objects.exists()


def test_a_bad_file_or_link_saves_no_activity(world) -> None:
    with pytest.raises(PlanError):
        training(world, world.coordinator, world.snv, files=[png_as_pdf()])
    with pytest.raises(ActivityError):
        training(world, world.coordinator, world.snv, links=["ftp://example.org/x"])
    assert not Activity.objects.exists() and not Attachment.objects.exists()


def test_a_zip_bomb_saves_no_activity_or_posting(world) -> None:
    def bomb_file():
        return SimpleUploadedFile("bom.docx", docx_bomb())

    with pytest.raises(PlanError, match="“bom.docx” bị từ chối"):
        training(world, world.coordinator, world.snv, files=[bomb_file()])
    with pytest.raises(PlanError, match="“bom.docx” bị từ chối"):
        services.record_posting(
            world.officer_nt,
            world.plan,
            commune=world.vinh_phuoc,
            place_type=PlaceType.VILLAGE_HALL,
            place="Tổ dân phố Hòn Xện",
            posted_on=dt.date(2023, 7, 3),
            files=[bomb_file()],
        )
    assert not Activity.objects.exists() and not Attachment.objects.exists()


def test_update_activity_is_audited_and_locked(world) -> None:
    activity = training(world, world.officer_nt, world.nhatrang)
    updated = services.update_activity(world.officer_nt, activity, version=1, audience_count=90)
    assert updated.version == 2
    entry = AuditEntry.objects.get(action="activity.update")
    assert entry.changes == {"audience_count": [85, 90]}
    with pytest.raises(StaleVersion):
        services.update_activity(world.officer_nt, activity, version=1, audience_count=70)
    with pytest.raises(PermissionDenied):  # moving it to another agency's name
        services.update_activity(world.officer_nt, updated, version=2, organiser=world.camranh)
    with pytest.raises(PermissionDenied):
        services.update_activity(world.officer_cr, updated, version=2, audience_count=1)


def test_postings_by_district_for_its_communes(world) -> None:
    posting = services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_phuoc,
        place_type=PlaceType.VILLAGE_HALL,
        place="Tổ dân phố Hòn Xện",
        posted_on=dt.date(2023, 7, 3),
        files=[pdf_upload("anh-niem-yet.pdf")],
    )
    with pytest.raises(PermissionDenied):
        services.record_posting(
            world.officer_cr,
            world.plan,
            commune=world.vinh_phuoc,
            place_type=PlaceType.VILLAGE_HALL,
            place="x",
            posted_on=dt.date(2023, 7, 3),
        )
    with pytest.raises(ActivityError) as error:  # a district is not a commune
        services.record_posting(
            world.officer_nt,
            world.plan,
            commune=world.nhatrang,
            place_type=PlaceType.COMMUNE_OFFICE,
            place="x",
            posted_on=dt.date(2023, 7, 3),
        )
    assert error.value.field == "commune"
    with pytest.raises(ActivityError) as error:
        services.check_posting(
            world.officer_nt,
            posting,
            checked_on=dt.date(2023, 7, 1),
            still_posted=True,
            version=posting.version,
        )
    assert error.value.field == "checked_on"
    checked = services.check_posting(
        world.officer_nt,
        posting,
        checked_on=dt.date(2023, 8, 2),
        still_posted=False,
        note="Bị mưa làm hỏng",
        version=posting.version,
    )
    assert (checked.still_posted, checked.notes) == (False, "Bị mưa làm hỏng")
    more = services.add_evidence(world.officer_nt, checked, links=["https://example.org/anh"])
    assert [a.url for a in more] == ["https://example.org/anh"]
    with pytest.raises(ActivityError):
        services.add_evidence(world.officer_nt, checked)


def test_survey_support_rules(world) -> None:
    with pytest.raises(PermissionDenied):
        services.create_survey_round(world.officer_nt, world.province, year=2023)
    survey = services.create_survey_round(world.supervisor, world.province, year=2023)
    with pytest.raises(ActivityError):
        services.create_survey_round(world.coordinator, world.province, year=2023)
    services.add_location(
        world.supervisor,
        survey,
        district=world.nhatrang,
        commune_name="Phường Vĩnh Hòa",
        village_name="Tổ dân phố 3",
    )
    with pytest.raises(ActivityError):  # same place, other spelling and tone placement
        services.add_location(
            world.coordinator,
            survey,
            district=world.nhatrang,
            commune_name="phuong  Vinh Hoà",
            village_name="to dan pho 3",
        )
    with pytest.raises(ActivityError):
        services.add_location(world.coordinator, survey, district=world.vinh_hai, commune_name="x")
    with pytest.raises(ActivityError) as error:
        services.add_contact(world.coordinator, survey, agency=world.front, name="Lê Thị Thu")
    assert error.value.field == "phone"
    task = services.add_logistics_task(
        world.coordinator,
        survey,
        kind=LogisticsKind.GUIDE,
        title="Cử người dẫn đường",
        agency=world.camranh,
    )
    done = services.update_logistics_state(
        world.officer_cr, task, state=LogisticsState.DONE, version=task.version
    )
    assert done.state == LogisticsState.DONE
    with pytest.raises(PermissionDenied):
        services.update_logistics_state(world.officer_nt, done, state="todo", version=None)
    with pytest.raises(PermissionDenied):
        services.update_logistics_state(world.leadership, done, state="todo", version=None)


def test_update_posting_is_audited_locked_and_owned(world) -> None:
    posting = services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở UBND phường",
        posted_on=dt.date(2023, 7, 3),
    )
    checked = services.update_posting(
        world.officer_nt,
        posting,
        version=1,
        checked_on=dt.date(2023, 8, 1),
        still_posted=True,
        place=" Trụ sở UBND phường Vĩnh Hải ",
    )
    assert (checked.version, checked.place) == (2, "Trụ sở UBND phường Vĩnh Hải")
    entry = AuditEntry.objects.get(action="posting.update")
    assert entry.changes == {
        "place": ["Trụ sở UBND phường", "Trụ sở UBND phường Vĩnh Hải"],
        "checked_on": [None, "2023-08-01"],
        "still_posted": [None, True],
    }
    unchanged = services.update_posting(world.officer_nt, checked, version=2, place=checked.place)
    assert unchanged.version == 2  # nothing changed: no new version, no audit entry
    assert AuditEntry.objects.filter(action="posting.update").count() == 1
    with pytest.raises(StaleVersion):  # stale
        services.update_posting(world.officer_nt, posting, version=1, notes="x")
    with pytest.raises(ActivityError) as error:  # a check without its date
        services.update_posting(world.officer_nt, checked, version=2, checked_on=None)
    assert error.value.field == "checked_on"
    with pytest.raises(PermissionDenied):  # moved to a commune of another district
        services.update_posting(world.officer_nt, checked, version=2, commune=world.cam_nghia)
    with pytest.raises(PermissionDenied):
        services.update_posting(world.officer_cr, checked, version=2, notes="x")
    with pytest.raises(PermissionDenied):
        services.update_posting(world.leadership, checked, version=2, notes="x")
    with pytest.raises(TypeError):
        services.update_posting(world.officer_nt, checked, version=2, plan=None)
    checked.refresh_from_db()
    assert (checked.version, checked.commune, checked.notes) == (2, world.vinh_hai, "")
