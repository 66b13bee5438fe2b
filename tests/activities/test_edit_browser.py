"""In a browser: a commune officer fills in the later check of a posting from its edit page; an
officer whose save went stale sees the refusal, the saved copy next to the input, and saves over
it on purpose. Screenshots go to test-output/."""

from __future__ import annotations

import datetime as dt

import pytest

from chiso.accounts.models import Role
from chiso.activities import services
from chiso.activities.models import Activity, ActivityKind, AudienceType, PlaceType, Posting
from tests.conftest import login, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_commune_officer_records_the_check(world, make_user, live_server, page) -> None:
    posting = services.record_posting(
        world.officer_nt,
        world.plan,
        commune=world.vinh_hai,
        place_type=PlaceType.VILLAGE_HALL,
        place="Nhà văn hóa tổ dân phố Đường Đệ",
        posted_on=dt.date(2023, 7, 3),
    )
    make_user("vinhhai", Role.AGENCY_OFFICER, world.province, world.vinh_hai)
    login(page, live_server.url, "vinhhai")
    page.goto(f"{live_server.url}/hoat-dong/niem-yet/{posting.pk}/")
    page.click("[data-testid=edit]")
    page.fill("#id_checked_on", "2023-08-14")
    page.select_option("#id_still_posted", "yes")
    screenshot(page, "activities-posting-edit")
    page.click("[data-testid=submit]")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/hoat-dong/niem-yet/{posting.pk}/")
    assert "14/08/2023" in page.inner_text(".facts")
    posting.refresh_from_db()
    assert (posting.checked_on, posting.still_posted, posting.version) == (
        dt.date(2023, 8, 14),
        True,
        2,
    )
    assert Posting.objects.count() == 1


def test_a_stale_save_shows_both_copies(world, live_server, page) -> None:
    activity = services.record_activity(
        world.officer_nt,
        world.plan,
        kind=ActivityKind.TRAINING,
        title="Tập huấn PAPI cho cán bộ phường, xã",
        held_on=dt.date(2023, 7, 20),
        organiser=world.nhatrang,
        audience_type=AudienceType.GRASSROOTS_OFFICIALS,
        audience_count=85,
        unit_codes=["2.4", "3.1"],
        place="Hội trường UBND thành phố",
    )
    login(page, live_server.url, "nhatrang")
    page.goto(f"{live_server.url}/hoat-dong/tuyen-truyen/{activity.pk}/")
    page.click("[data-testid=edit]")
    screenshot(page, "activities-activity-edit")
    page.fill("#id_audience_count", "92")
    # Meanwhile Sở Nội vụ corrects the same activity.
    services.update_activity(world.coordinator, activity, version=1, audience_count=88)
    page.click("[data-testid=submit]")
    page.wait_for_load_state("networkidle")
    assert "Người khác đã lưu thay đổi" in page.inner_text("[role=alert]")
    assert page.input_value("#id_audience_count") == "92"
    assert "88" in page.inner_text("[data-testid=latest]")
    screenshot(page, "activities-activity-edit-stale")
    page.click("[data-testid=submit]")
    page.wait_for_load_state("networkidle")
    assert page.url.endswith(f"/hoat-dong/tuyen-truyen/{activity.pk}/")
    assert Activity.objects.get().audience_count == 92
