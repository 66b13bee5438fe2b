"""The workspace's agency page shows the inspections of that agency, to those who may see them."""

import datetime as dt

import pytest
from django.test import Client

from chiso.activities import services
from chiso.activities.models import InspectionKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(world):
    inspection = services.create_inspection_plan(
        world.coordinator,
        world.plan,
        title="Kiểm tra PAPI 2023",
        kind=InspectionKind.HOME_AFFAIRS,
        lead_agency=world.snv,
        targets=[world.nhatrang],
        starts_on=dt.date(2023, 7, 1),
        ends_on=dt.date(2023, 10, 31),
        unit_codes=["2.4"],
    )
    visit = services.add_visit(
        world.coordinator,
        inspection,
        agency=world.nhatrang,
        visited_on=dt.date(2023, 8, 1),
        place="UBND TP Nha Trang",
        members="Nguyễn Văn A",
    )
    return {"visit": visit}


def test_agency_page_lists_its_inspection_visits(world, data, client: Client) -> None:
    client.force_login(world.coordinator)
    body = client.get(f"/ke-hoach/co-quan/{world.nhatrang.pk}/").content.decode()
    assert 'data-testid="agency-inspections"' in body
    assert f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/" in body


def test_agency_page_hides_visits_the_user_may_not_see(world, data, client: Client) -> None:
    # Cam Ranh's officer may open Nha Trang's page but not its inspection findings.
    client.force_login(world.officer_cr)
    response = client.get(f"/ke-hoach/co-quan/{world.nhatrang.pk}/")
    if response.status_code == 404:
        return
    assert f"/hoat-dong/dot-kiem-tra/{data['visit'].pk}/" not in response.content.decode()


def test_dashboard_shows_the_plan_inspections(world, data, client: Client) -> None:
    client.force_login(world.leadership)
    body = client.get(f"/bang-dieu-khien/{world.plan.pk}/").content.decode()
    assert 'data-testid="dashboard-inspections"' in body
    assert world.nhatrang.name in body


def test_agency_officers_do_not_get_the_province_inspection_summary(
    world, data, client: Client
) -> None:
    client.force_login(world.officer_cr)
    body = client.get(f"/bang-dieu-khien/{world.plan.pk}/").content.decode()
    assert 'data-testid="dashboard-inspections"' not in body


def test_activities_overview_links_only_pages_the_viewer_may_open(
    world, data, client: Client
) -> None:
    """Cam Ranh's officer sees Nha Trang's inspection counts but no link to its page (a 404 for
    them); the coordinator gets the link."""
    url = f"/hoat-dong/don-vi/{world.nhatrang.pk}/kiem-tra/"
    client.force_login(world.officer_cr)
    body = client.get("/hoat-dong/").content.decode()
    assert world.nhatrang.name in body and url not in body
    assert client.get(url).status_code == 404
    client.force_login(world.coordinator)
    assert url in client.get("/hoat-dong/").content.decode()
