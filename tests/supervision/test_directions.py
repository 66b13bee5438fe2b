"""Directions of the People's Committee: recorded with their document, follow-up through the
task services, done when every part is (on time or late), escalated difficulties closing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import reverse

from chiso.audit.services import history_for
from chiso.plans.models import Assignment
from chiso.plans.services import review_report, submit_report
from chiso.supervision import services
from chiso.supervision.listing import direction_counts
from chiso.supervision.models import Direction, DirectionStatus, State
from chiso.supervision.services import SupervisionError

pytestmark = pytest.mark.django_db


def escalated(world: Any) -> Any:
    item = services.raise_difficulty(
        world.officer_nt,
        world.plan,
        title="Thiếu kinh phí niêm yết",
        text="Chưa có kinh phí.",
        assignment=world.assignment,
    )
    return services.escalate(world.coordinator, item, proposal="Đề nghị bố trí.", version=None)


def direct(world: Any, **extra: Any) -> Direction:
    fields: dict[str, Any] = {
        "number": "4573/UBND-KSTT",
        "issued_on": dt.date(2023, 8, 10),
        "signer": "Nguyễn Tân Tuân",
        "content": "Giao UBND TP Nha Trang bố trí kinh phí niêm yết trước 31/8/2023.",
        "deadline": dt.date(2023, 8, 31),
        "agencies": [world.nhatrang],
    }
    fields.update(extra)
    return services.record_direction(world.coordinator, world.plan, **fields)


def finish(world: Any, direction: Direction, officer: Any) -> None:
    part = Assignment.objects.get(task=direction.follow_up_task, agency=officer.agency)
    report = submit_report(officer, part, narrative="Đã bố trí.", progress=100, is_final=True)
    review_report(world.coordinator, report, accept=True, version=None)


def test_recording_makes_a_follow_up_task_and_directs_the_difficulty(world: Any) -> None:
    item = escalated(world)
    direction = direct(world, difficulties=[item])
    task = direction.follow_up_task
    assert task.code == f"CĐ{direction.pk}"
    assert task.deadline == dt.date(2023, 8, 31)
    assert not task.is_public
    assert [u.unit_code for u in task.units.all()] == ["2.4"]  # from the difficulty
    assert [a.agency for a in task.assignments.all()] == [world.nhatrang]
    item.refresh_from_db()
    assert (item.state, item.direction) == (State.DIRECTED, direction)
    assert direction.status(dt.date(2023, 8, 15)) == DirectionStatus.IN_PROGRESS
    assert direction.status(dt.date(2023, 9, 1)) == DirectionStatus.OVERDUE
    assert history_for(direction).get().action == "direction.create"


def test_follow_up_done_completes_direction_and_closes_the_difficulty(world: Any) -> None:
    item = escalated(world)
    direction = direct(world, difficulties=[item])
    finish(world, direction, world.officer_nt)
    direction.refresh_from_db()
    item.refresh_from_db()
    assert direction.completed_on == dt.date(2023, 8, 15)
    assert direction.status(dt.date(2023, 9, 30)) == DirectionStatus.DONE
    assert item.state == State.RESOLVED
    assert "4573/UBND-KSTT" in item.resolution
    actions = list(history_for(item).order_by("pk").values_list("action", flat=True))
    assert actions[-2:] == ["difficulty.direct", "difficulty.resolve"]


def test_done_only_when_every_agency_is_done_and_late_after_the_deadline(world: Any) -> None:
    direction = direct(world, agencies=[world.nhatrang, world.camranh])
    finish(world, direction, world.officer_nt)
    direction.refresh_from_db()
    assert direction.completed_on is None
    with override_settings(CHISO_TODAY="2023-09-05"):
        finish(world, direction, world.officer_cr)
    direction.refresh_from_db()
    assert direction.completed_on == dt.date(2023, 9, 5)
    assert direction.status(dt.date(2023, 9, 5)) == DirectionStatus.DONE_LATE


def test_counts_given_done_late(world: Any) -> None:
    on_time = direct(world)
    finish(world, on_time, world.officer_nt)
    direct(world, number="1/UBND", deadline=dt.date(2023, 8, 12))  # overdue
    direct(world, number="2/UBND")  # in progress
    counts = direction_counts(Direction.objects.all(), dt.date(2023, 8, 15))
    assert (counts.given, counts.done, counts.done_late, counts.overdue, counts.in_progress) == (
        3,
        1,
        0,
        1,
        1,
    )


def test_rules_and_permissions(world: Any, outsider: Any) -> None:
    for user in (world.leadership, world.officer_nt, world.supervisor, outsider):
        with pytest.raises(PermissionDenied):
            services.record_direction(
                user,
                world.plan,
                number="1",
                issued_on=dt.date(2023, 8, 1),
                signer="A",
                content="B",
                deadline=dt.date(2023, 9, 1),
                agencies=[world.nhatrang],
            )
    cases = {
        "number": {"number": " "},
        "signer": {"signer": ""},
        "issued_on": {"issued_on": dt.date(2023, 8, 20)},
        "deadline": {"deadline": dt.date(2023, 8, 1)},
        "agencies": {"agencies": []},
        "content": {"content": ""},
    }
    for field, extra in cases.items():
        with pytest.raises(SupervisionError) as error:
            direct(world, **extra)
        assert error.value.field == field
    open_item = services.raise_difficulty(world.officer_nt, world.plan, title="x", text="y")
    with pytest.raises(SupervisionError) as error:
        direct(world, difficulties=[open_item])
    assert error.value.field == "difficulties"
    assert not Direction.objects.exists()


def test_pages(world: Any) -> None:
    item = escalated(world)
    coordinator, leader = Client(), Client()
    coordinator.force_login(world.coordinator)
    leader.force_login(world.leadership)
    page = coordinator.get(reverse("supervision:difficulty-detail", args=[item.pk]))
    assert 'data-testid="record-direction"' in page.content.decode()
    url = reverse("supervision:direction-create") + f"?ke-hoach={world.plan.pk}&kho-khan={item.pk}"
    form = coordinator.get(url).content.decode()
    assert (
        f'value="{item.pk}" checked' in form or f'value="{item.pk}"\n' in form or "checked" in form
    )
    response = coordinator.post(
        url,
        {
            "number": "12/UBND-KSTT",
            "issued_on": "14/08/2023",
            "signer": "Nguyễn Tân Tuân",
            "content": "Bố trí kinh phí.",
            "deadline": "31/08/2023",
            "agencies": [world.nhatrang.pk],
            "difficulties": [item.pk],
        },
    )
    direction = Direction.objects.get()
    assert response.url == reverse("supervision:direction-detail", args=[direction.pk])
    body = leader.get(reverse("supervision:direction-list")).content.decode()
    assert 'data-testid="directions-given">1<' in body
    assert "12/UBND-KSTT" in body
    assert leader.get(url).status_code == 403
    detail = leader.get(reverse("supervision:direction-detail", args=[direction.pk]))
    assert "UBND thành phố Nha Trang" in detail.content.decode()


def test_leadership_home_shows_directions_done_and_late(world: Any) -> None:
    finish(world, direct(world), world.officer_nt)
    direct(world, number="1/UBND", deadline=dt.date(2023, 8, 12))
    leader = Client()
    leader.force_login(world.leadership)
    body = leader.get(reverse("home")).content.decode()
    assert 'data-testid="home-directions"' in body
    assert "1 hoàn thành đúng hạn, 0 trễ hạn, 1 quá hạn chưa xong" in body
