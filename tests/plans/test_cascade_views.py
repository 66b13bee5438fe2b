"""The cascade on the assignment page (split form, children with their states, taking a part
back) and in the review inbox (a district sees its wards' reports)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from chiso.plans.models import Assignment, ReportState
from chiso.plans.services import split_assignment, submit_report
from tests.plans.cascade_world import Cascade, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def cascade(world: Any, make_user: Any) -> Cascade:
    return build(world, make_user)


def test_split_form_hands_parts_down_and_lists_them(
    client: Any, world: Any, cascade: Cascade
) -> None:
    c = cascade
    url = reverse("plans:assignment-detail", args=[c.city.pk])
    client.force_login(world.nhatrang)
    page = client.get(url).content.decode()
    assert 'data-testid="split-form"' in page
    assert "UBND phường Vĩnh Hải" in page and "Công an phường Vĩnh Hải" in page

    response = client.post(
        reverse("plans:assignment-split", args=[c.city.pk]),
        {"agencies": [c.ward_a.pk, c.ward_b.pk], "deadline": "30/09/2023"},
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    table = page[page.index('data-testid="cascade-children"') :]
    assert "UBND phường Vĩnh Hải" in table and "30/09/2023" in table
    assert "Chưa thực hiện" in table
    children = Assignment.objects.filter(parent=c.city)
    assert children.count() == 2

    # A ward's page says where its part came from; the ward's officer does not split the city's.
    child = children.get(agency=c.ward_a)
    client.force_login(c.officer_a)
    ward_page = client.get(reverse("plans:assignment-detail", args=[child.pk])).content.decode()
    assert 'data-testid="cascade-parent"' in ward_page and "UBND thành phố Nha Trang" in ward_page
    assert (
        client.post(
            reverse("plans:assignment-split", args=[c.city.pk]), {"agencies": [c.ward_a.pk]}
        ).status_code
        == 404
    )


def test_split_errors_come_back_on_the_form(client: Any, world: Any, cascade: Cascade) -> None:
    c = cascade
    client.force_login(world.nhatrang)
    response = client.post(
        reverse("plans:assignment-split", args=[c.city.pk]),
        {"agencies": [c.ward_a.pk], "deadline": "01/11/2023"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "không được sau thời hạn 31/10/2023" in body
    assert not Assignment.objects.filter(parent=c.city).exists()
    response = client.post(reverse("plans:assignment-split", args=[c.city.pk]), {"deadline": ""})
    assert "Cần chọn ít nhất một đơn vị cấp dưới" in response.content.decode()


def test_withdraw_takes_back_a_part_nobody_reported_on(
    client: Any, world: Any, cascade: Cascade
) -> None:
    c = cascade
    a, b = split_assignment(world.nhatrang, c.city, agencies=[c.ward_a, c.ward_b])
    submit_report(c.officer_a, a, narrative="Đã niêm yết", progress=30)
    client.force_login(world.nhatrang)
    url = reverse("plans:assignment-withdraw", args=[c.city.pk])
    assert client.post(url, {"child": b.pk}).status_code == 302
    assert client.post(url, {"child": a.pk}).status_code == 302  # refused with a message
    assert list(Assignment.objects.filter(parent=c.city)) == [a]
    assert client.post(url, {"child": c.city.pk}).status_code == 404


def test_the_district_reviews_its_wards_in_the_inbox(
    client: Any, world: Any, cascade: Cascade
) -> None:
    c = cascade
    (a,) = split_assignment(world.nhatrang, c.city, agencies=[c.ward_a])
    report = submit_report(c.officer_a, a, narrative="Niêm yết tại trụ sở phường", progress=50)
    client.force_login(world.nhatrang)
    inbox = client.get(reverse("plans:inbox")).content.decode()
    assert "UBND phường Vĩnh Hải" in inbox
    client.force_login(world.coordinator)
    assert "UBND phường Vĩnh Hải" not in client.get(reverse("plans:inbox")).content.decode()

    client.force_login(world.nhatrang)
    response = client.post(
        reverse("plans:report-review", args=[report.pk]),
        {"decision": "accept", "comment": "", "version": report.version},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == ReportState.ACCEPTED
    assert Assignment.objects.get(pk=c.city.pk).progress == 25  # (0 + 50) / 2
