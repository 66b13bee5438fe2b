"""The inbox's filters (plans.inbox_filters): the agencies and units offered follow the reports
waiting on every request, the plans and units kept under the `shared` counter follow their
changes on the next request, and the form's cached HTML is never another filter's."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from chiso.plans import services
from chiso.plans.models import Plan, Section
from tests.plans.inbox_html import ids

URL = reverse("plans:inbox")


def options(response, name: str) -> list[str]:
    """The labels of the select `name`'s options, without "all"."""
    body = response.content.decode()
    found = re.search(rf'<select name="{name}">(.*?)</select>', body, re.DOTALL)
    if found is None:
        return []
    return re.findall(r'<option value="[^"]+"[^>]*>([^<]*)</option>', found.group(1))


def chosen(response, name: str) -> list[str]:
    body = response.content.decode()
    found = re.search(rf'<select name="{name}">(.*?)</select>', body, re.DOTALL)
    assert found is not None
    return re.findall(r'<option value="([^"]+)" selected>', found.group(1))


def waiting_heading(response) -> str:
    found = re.search(r'id="waiting-title"[^>]*>([^<]*)</h2>', response.content.decode())
    assert found is not None
    return found.group(1)


@pytest.fixture
def sent(world, district_task):
    """Nha Trang's report on the district task (unit 2.4), waiting for Sở Nội vụ."""
    return services.submit_report(
        world.nhatrang,
        district_task.assignments.get(agency=world.nha_trang),
        narrative="Đã niêm yết",
        progress=40,
    )


def test_the_agencies_offered_follow_the_reports_waiting(world, district_task, sent, client):
    client.force_login(world.coordinator)
    page = client.get(URL)
    assert options(page, "agency") == ["UBND thành phố Nha Trang"]
    assert options(page, "unit") == ["2", "2.4"]
    assert waiting_heading(page) == "Chờ duyệt (1)"

    other = services.submit_report(
        world.camranh,
        district_task.assignments.get(agency=world.cam_ranh),
        narrative="Đã công khai",
        progress=30,
    )
    page = client.get(URL)
    assert options(page, "agency") == ["UBND thành phố Cam Ranh", "UBND thành phố Nha Trang"]
    assert waiting_heading(page) == "Chờ duyệt (2)"

    services.review_report(world.coordinator, sent, accept=True, version=1)
    page = client.get(URL)
    assert options(page, "agency") == ["UBND thành phố Cam Ranh"]
    assert ids(page) == [other.pk] and waiting_heading(page) == "Chờ duyệt (1)"

    services.review_report(world.coordinator, other, accept=True, version=1)
    page = client.get(URL)
    assert options(page, "agency") == [] and options(page, "unit") == []
    assert waiting_heading(page) == "Chờ duyệt (0)"


def test_a_filtered_list_counts_its_own_reports(world, district_task, sent, client):
    services.submit_report(
        world.camranh,
        district_task.assignments.get(agency=world.cam_ranh),
        narrative="Đã công khai",
        progress=30,
    )
    client.force_login(world.coordinator)
    assert waiting_heading(client.get(URL)) == "Chờ duyệt (2)"
    page = client.get(URL, {"agency": world.nha_trang.pk})
    assert ids(page) == [sent.pk] and waiting_heading(page) == "Chờ duyệt (1)"
    # The same choices, another chosen value: the form is not the unfiltered page's.
    assert chosen(page, "agency") == [str(world.nha_trang.pk)]
    assert chosen(client.get(URL), "agency") == []
    assert chosen(client.get(URL, {"unit": "2"}), "unit") == ["2"]


def test_a_task_edited_changes_the_units_offered_on_the_next_request(
    world, district_task, sent, client
):
    client.force_login(world.coordinator)
    assert options(client.get(URL), "unit") == ["2", "2.4"]
    task = district_task
    task.refresh_from_db()
    services.update_task(world.coordinator, task, version=task.version, unit_codes=["3.1"])
    page = client.get(URL)
    assert options(page, "unit") == ["3", "3.1"]
    assert 'data-label="Chỉ số">3.1</td>' in page.content.decode()  # and the row's units
    assert ids(client.get(URL, {"unit": "3"})) == [sent.pk]


def test_a_new_plan_is_offered_on_the_next_request(world, sent, client):
    client.force_login(world.coordinator)
    assert options(client.get(URL), "plan") == ["100/KH-UBND (2023)"]
    services.create_plan(
        world.coordinator,
        number="7/KH-UBND",
        title="Kế hoạch PAPI 2024",
        year=2024,
        baseline_year=2023,
    )
    assert options(client.get(URL), "plan") == ["7/KH-UBND (2024)", "100/KH-UBND (2023)"]
    services.create_plan(
        world.coordinator,
        number="…/KH-UBND",
        title="Kế hoạch PCI 2025",
        year=2025,
        baseline_year=2024,
        index="PCI",
    )
    assert options(client.get(URL), "plan")[0] == "Kế hoạch PCI năm 2025"  # not yet numbered


def test_only_a_plan_of_the_province_offers_its_sections(world, sent, client, other_province):
    elsewhere = Plan.objects.create(
        province=other_province, number="1/KH-UBND", title="Hà Nội", year=2023, baseline_year=2022
    )
    Section.objects.create(plan=elsewhere, code="I", title="Mục của Hà Nội", order=1)
    client.force_login(world.coordinator)
    assert options(client.get(URL, {"plan": world.plan.pk}), "section") == ["II.1. Quán triệt"]
    page = client.get(URL, {"plan": elsewhere.pk})
    assert options(page, "section") == [] and "Mục của Hà Nội" not in page.content.decode()
