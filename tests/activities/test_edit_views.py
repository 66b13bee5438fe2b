"""Edit pages of activities and postings: they save and audit, keep to the owner agency,
refuse read-only roles, and refuse a stale save while keeping what the user typed."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from chiso.accounts.models import Role
from chiso.activities import services
from chiso.activities.models import Activity, ActivityKind, AudienceType, PlaceType, Posting
from chiso.audit.models import AuditEntry
from tests.activities.conftest import pdf_upload, png_as_pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity(world):
    return services.record_activity(
        world.officer_nt,
        world.plan,
        kind=ActivityKind.TRAINING,
        title="Tập huấn PAPI cho cán bộ phường",
        held_on=dt.date(2023, 7, 20),
        organiser=world.nhatrang,
        audience_type=AudienceType.GRASSROOTS_OFFICIALS,
        audience_count=85,
        unit_codes=["2.4"],
    )


@pytest.fixture
def posting(world):
    return services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.COMMUNE_OFFICE,
        place="Trụ sở UBND phường Vĩnh Hải",
        posted_on=dt.date(2023, 7, 3),
    )


@pytest.fixture
def commune_officer(world, make_user):
    return make_user("vinhhai", Role.AGENCY_OFFICER, world.province, world.vinh_hai)


def activity_data(activity: Activity, **change: object) -> dict[str, object]:
    data: dict[str, object] = {
        "version": activity.version,
        "kind": activity.kind,
        "title": activity.title,
        "held_on": activity.held_on.isoformat(),
        "organiser": activity.organiser_id,
        "place": activity.place,
        "audience_type": activity.audience_type,
        "audience_count": activity.audience_count or "",
        "unit_codes": activity.unit_codes,
        "description": activity.description,
    }
    data.update(change)
    return data


def posting_data(posting: Posting, **change: object) -> dict[str, object]:
    data: dict[str, object] = {
        "version": posting.version,
        "commune": posting.commune_id,
        "place_type": posting.place_type,
        "place": posting.place,
        "posted_on": posting.posted_on.isoformat(),
        "checked_on": "",
        "still_posted": "",
        "notes": posting.notes,
    }
    data.update(change)
    return data


def edit_url(obj: Activity | Posting) -> str:
    kind = "tuyen-truyen" if isinstance(obj, Activity) else "niem-yet"
    return f"/hoat-dong/{kind}/{obj.pk}/sua/"


def test_the_organiser_edits_its_activity(world, activity, client: Client) -> None:
    client.force_login(world.officer_nt)
    detail = client.get(f"/hoat-dong/tuyen-truyen/{activity.pk}/").content.decode()
    assert edit_url(activity) in detail
    form = client.get(edit_url(activity))
    assert form.status_code == 200
    assert 'value="Tập huấn PAPI cho cán bộ phường"' in form.content.decode()
    response = client.post(
        edit_url(activity),
        activity_data(activity, audience_count="92", unit_codes=["2", "2.4"], place="Hội trường"),
    )
    assert response.status_code == 302
    assert response["Location"] == f"/hoat-dong/tuyen-truyen/{activity.pk}/"
    activity.refresh_from_db()
    assert (activity.audience_count, activity.unit_codes, activity.version) == (
        92,
        ["2", "2.4"],
        2,
    )
    entry = AuditEntry.objects.get(action="activity.update")
    assert entry.actor == world.officer_nt
    assert entry.changes == {
        "place": ["", "Hội trường"],
        "audience_count": [85, 92],
        "unit_codes": [["2.4"], ["2", "2.4"]],
    }
    history = client.get(f"/hoat-dong/tuyen-truyen/{activity.pk}/").content.decode()
    # Worded for people: the action, the fields' names and the values as officials read them.
    assert "Sửa hoạt động" in history and "activity.update" not in history
    assert "audience_count" not in history and "<del>85</del> → <ins>92</ins>" in history


def test_a_commune_officer_records_the_later_check(
    world, posting, commune_officer, client: Client
) -> None:
    client.force_login(commune_officer)
    assert edit_url(posting) in client.get(f"/hoat-dong/niem-yet/{posting.pk}/").content.decode()
    assert client.get(edit_url(posting)).status_code == 200
    response = client.post(
        edit_url(posting),
        posting_data(
            posting, checked_on="2023-08-14", still_posted="no", notes="Bảng bị gió làm rách"
        ),
    )
    assert response.status_code == 302
    posting.refresh_from_db()
    assert (posting.checked_on, posting.still_posted, posting.version) == (
        dt.date(2023, 8, 14),
        False,
        2,
    )
    entry = AuditEntry.objects.get(action="posting.update")
    assert entry.changes == {
        "checked_on": [None, "2023-08-14"],
        "still_posted": [None, False],
        "notes": ["", "Bảng bị gió làm rách"],
    }
    # the coverage page counts the place as taken down
    body = client.get("/hoat-dong/niem-yet/").content.decode()
    assert "1 nơi không còn" in body


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"checked_on": "2023-08-14"}, "still_posted", "còn niêm yết hay không"),
        ({"still_posted": "yes"}, "checked_on", "Cần nhập ngày kiểm tra lại"),
        ({"checked_on": "2023-07-01", "still_posted": "yes"}, "checked_on", "sau ngày niêm yết"),
        ({"checked_on": "2023-08-20", "still_posted": "yes"}, "checked_on", "tương lai"),
    ],
)
def test_a_bad_check_is_refused_with_the_input_kept(
    world, posting, commune_officer, client: Client, change, field, message
) -> None:
    client.force_login(commune_officer)
    response = client.post(
        edit_url(posting), posting_data(posting, place="Bảng tin phường", **change)
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and 'value="Bảng tin phường"' in body
    assert response.context["form"].errors[field]
    posting.refresh_from_db()
    assert posting.version == 1 and posting.place == "Trụ sở UBND phường Vĩnh Hải"


def test_it_checks_ownership(world, activity, posting, outsider, make_user, client) -> None:
    # Another district of the province: it reads both, may change neither.
    client.force_login(world.officer_cr)
    for obj, data in ((activity, activity_data(activity)), (posting, posting_data(posting))):
        assert client.get(edit_url(obj)).status_code == 403
        assert client.post(edit_url(obj), data).status_code == 403
    # Another commune under the same district: not its posting.
    client.force_login(
        make_user("vinhphuoc", Role.AGENCY_OFFICER, world.province, world.vinh_phuoc)
    )
    assert client.get(edit_url(posting)).status_code == 403
    # The organiser may not hand its activity to another agency (not among the choices).
    client.force_login(world.officer_nt)
    moved = client.post(edit_url(activity), activity_data(activity, organiser=world.camranh.pk))
    assert moved.status_code == 400
    moved = client.post(edit_url(posting), posting_data(posting, commune=world.cam_nghia.pk))
    assert moved.status_code == 400
    # Another province: the objects do not exist.
    client.force_login(outsider)
    for obj in (activity, posting):
        assert client.get(edit_url(obj)).status_code == 404
    assert client.post(edit_url(activity), activity_data(activity)).status_code == 404
    assert not AuditEntry.objects.filter(action__in=("activity.update", "posting.update")).exists()


def test_it_requires_rw_access(world, activity, posting, make_user, client: Client) -> None:
    viewer = make_user("xem", Role.NATIONAL_VIEWER, world.province, None)
    for user in (world.leadership, viewer):
        client.force_login(user)
        assert client.get(f"/hoat-dong/tuyen-truyen/{activity.pk}/").status_code == 200
        assert (
            edit_url(activity)
            not in client.get(f"/hoat-dong/tuyen-truyen/{activity.pk}/").content.decode()
        )
        for obj, data in (
            (activity, activity_data(activity, title="Đổi tên")),
            (posting, posting_data(posting, place="Đổi chỗ")),
        ):
            assert client.get(edit_url(obj)).status_code == 403
            assert client.post(edit_url(obj), data).status_code == 403
    activity.refresh_from_db()
    posting.refresh_from_db()
    assert activity.version == 1 and posting.version == 1


def test_a_stale_save_is_refused_and_the_input_kept(world, activity, client: Client) -> None:
    client.force_login(world.officer_nt)
    typed = activity_data(activity, title="Tập huấn PAPI (đợt 1)", audience_count="90")
    # Meanwhile the coordinator corrects the same activity.
    services.update_activity(world.coordinator, activity, version=1, audience_count=88)
    response = client.post(edit_url(activity), typed)
    assert response.status_code == 409
    body = response.content.decode()
    assert "Người khác đã lưu thay đổi" in body
    assert 'value="Tập huấn PAPI (đợt 1)"' in body and 'value="90"' in body
    assert 'data-testid="latest"' in body and ">88<" in body  # the copy now saved
    # the form now carries the version just read: saving again replaces it on purpose
    assert re.search(r'name="version" value="2"', body)
    activity.refresh_from_db()
    assert (activity.title, activity.audience_count, activity.version) == (
        "Tập huấn PAPI cho cán bộ phường",
        88,
        2,
    )
    again = client.post(edit_url(activity), {**typed, "version": 2})
    assert again.status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.audience_count, activity.version) == (
        "Tập huấn PAPI (đợt 1)",
        90,
        3,
    )


def test_a_stale_posting_check_is_refused(world, posting, commune_officer, client) -> None:
    client.force_login(commune_officer)
    services.check_posting(
        world.officer_nt, posting, checked_on=dt.date(2023, 8, 1), still_posted=True, version=1
    )
    response = client.post(
        edit_url(posting), posting_data(posting, checked_on="2023-08-14", still_posted="no")
    )
    assert response.status_code == 409
    assert "Người khác đã lưu thay đổi" in response.content.decode()
    posting.refresh_from_db()
    assert (posting.checked_on, posting.still_posted) == (dt.date(2023, 8, 1), True)


def test_evidence_is_added_to_an_existing_activity(world, activity, client: Client) -> None:
    client.force_login(world.officer_nt)
    url = f"/hoat-dong/tuyen-truyen/{activity.pk}/minh-chung/"
    bad = client.post(url, {"files": [png_as_pdf()]})
    assert bad.status_code == 400 and not activity.attachments.exists()
    ok = client.post(url, {"files": [pdf_upload("chuong-trinh.pdf")], "links": ""})
    assert ok.status_code == 302
    assert [a.original_name for a in activity.attachments.all()] == ["chuong-trinh.pdf"]
    assert AuditEntry.objects.filter(action="attachment.add").count() == 1
    client.force_login(world.officer_cr)
    assert client.post(url, {"links": "https://example.org/x"}).status_code == 403


def test_the_edit_pages_speak_english(world, activity, posting, client: Client) -> None:
    from django.utils import translation

    client.force_login(world.officer_nt)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    try:
        body = client.get(edit_url(posting)).content.decode()
        assert "Edit posting of the task framework" in body and "Save changes" in body
        assert "— Not checked yet —" in body
        services.update_activity(world.coordinator, activity, version=1, audience_count=88)
        body = client.post(edit_url(activity), activity_data(activity)).content.decode()
        assert "Saved copy (just changed by someone else)" in body
        assert "Save over the latest copy" in body
    finally:
        translation.activate("vi")  # LocaleMiddleware leaves the thread in English
