"""Cascading work: splitting an assignment down the agency tree, the roll-up of progress and
status through three levels (known answers), the parent's review of its children's reports,
who sees what, and the errors."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from chiso.audit.models import AuditEntry
from chiso.plans import access, inbox, rollup
from chiso.plans.models import Assignment
from chiso.plans.services import (
    PlanError,
    review_report,
    split_assignment,
    submit_report,
    withdraw_sub_assignment,
)
from chiso.plans.status import Status
from tests.plans.cascade_world import DEADLINE, Cascade, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def cascade(world: Any, make_user: Any) -> Cascade:
    return build(world, make_user)


def _split_three_levels(world: Any, c: Cascade) -> tuple[Any, Any, Any]:
    a, b = split_assignment(
        world.nhatrang, c.city, agencies=[c.ward_a, c.ward_b], deadline=dt.date(2023, 9, 30)
    )
    (a1,) = split_assignment(c.officer_a, a, agencies=[c.unit_a1], deadline=dt.date(2023, 9, 15))
    return a, b, a1


def _report_and_accept(
    author: Any, reviewer: Any, assignment: Any, progress: int, final: bool = False
) -> None:
    report = submit_report(
        author,
        Assignment.objects.get(pk=assignment.pk),
        narrative=f"Báo cáo {progress}%",
        progress=progress,
        is_final=final,
    )
    review_report(reviewer, report, accept=True, version=None)


def _values(*assignments: Any) -> list[tuple[int, dt.date | None]]:
    return [
        tuple(Assignment.objects.filter(pk=a.pk).values_list("progress", "completed_on").get())
        for a in assignments
    ]


def test_rule_known_answers() -> None:
    share = rollup.Share
    day = dt.date(2023, 9, 1)
    assert rollup.rolled_up(share(40, None), []) == share(40, None)
    assert rollup.rolled_up(share(0, None), [share(50, None)]) == share(25, None)
    assert rollup.rolled_up(share(60, None), [share(100, day), share(40, None)]) == share(66, None)
    later = dt.date(2023, 9, 20)
    assert rollup.rolled_up(share(100, day), [share(100, later), share(100, day)]) == share(
        100, later
    )


def test_progress_and_status_roll_up_through_three_levels(world: Any, cascade: Cascade) -> None:
    c = cascade
    a, b, a1 = _split_three_levels(world, c)
    assert (a.parent_id, a1.parent_id, a1.lineage) == (c.city.pk, a.pk, f"/{c.city.pk}/{a.pk}/")
    assert a1.deadline == dt.date(2023, 9, 15)
    today = dt.date(2023, 8, 15)

    # Level 3 done: its ward counts it as one of two shares, the city as half of one of three.
    _report_and_accept(c.officer_a1, c.officer_a, a1, 100, final=True)
    assert _values(a1, a, c.city) == [(100, today), (50, None), (16, None)]
    # The ward's own part (80%): the ward (80 + 100) / 2 = 90; the city (0 + 90 + 0) / 3 = 30.
    _report_and_accept(c.officer_a, world.nhatrang, a, 80)
    assert _values(a, c.city) == [(90, None), (30, None)]
    _report_and_accept(c.officer_b, world.nhatrang, b, 40)
    _report_and_accept(world.nhatrang, world.coordinator, c.city, 60)
    assert _values(c.city) == [(63, None)]  # (60 + 90 + 40) / 3
    city = Assignment.objects.get(pk=c.city.pk)
    assert (city.own_progress, city.status(today)) == (60, Status.IN_PROGRESS)

    _report_and_accept(c.officer_a, world.nhatrang, a, 100, final=True)
    assert _values(a, c.city) == [(100, today), (66, None)]
    # The city's completion report waits until every part below it is complete.
    with pytest.raises(PlanError) as refused:
        submit_report(world.nhatrang, city, narrative="Xong", progress=100, is_final=True)
    assert refused.value.field == "is_final"
    with override_settings(CHISO_TODAY="2023-11-10"):  # after the city's deadline
        _report_and_accept(c.officer_b, world.nhatrang, b, 100, final=True)
        assert _values(c.city) == [(86, None)]
        late = dt.date(2023, 11, 10)
        assert Assignment.objects.get(pk=c.city.pk).status(late) == Status.OVERDUE
        _report_and_accept(world.nhatrang, world.coordinator, c.city, 100, final=True)
    city = Assignment.objects.get(pk=c.city.pk)
    assert (city.progress, city.completed_on) == (100, dt.date(2023, 11, 10))
    assert city.status(dt.date(2023, 11, 10)) == Status.DONE_LATE
    assert Assignment.objects.get(pk=b.pk).status(dt.date(2023, 11, 10)) == Status.DONE_LATE
    rolled = AuditEntry.objects.filter(action="assignment.rollup", object_id=str(c.city.pk))
    assert rolled.count() >= 5


def test_split_rolls_the_parent_back_and_withdraw_restores_it(world: Any, cascade: Cascade) -> None:
    c = cascade
    _report_and_accept(world.nhatrang, world.coordinator, c.city, 60)
    (a,) = split_assignment(world.nhatrang, c.city, agencies=[c.ward_a])
    assert a.deadline == DEADLINE  # the parent's when none is given
    assert _values(c.city) == [(30, None)]  # a new part, not started: (60 + 0) / 2
    withdraw_sub_assignment(world.nhatrang, Assignment.objects.get(pk=a.pk))
    assert _values(c.city) == [(60, None)]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"assignment.split", "assignment.withdraw", "assignment.rollup"} <= actions


def test_split_errors(world: Any, cascade: Cascade) -> None:
    c = cascade
    with pytest.raises(PlanError) as late:
        split_assignment(world.nhatrang, c.city, agencies=[c.ward_a], deadline=dt.date(2023, 11, 1))
    assert late.value.field == "deadline" and "31/10/2023" in str(late.value)
    with pytest.raises(PlanError) as outside:
        split_assignment(world.nhatrang, c.city, agencies=[world.department])
    assert "Sở Tư pháp" in str(outside.value)
    with pytest.raises(PlanError):
        split_assignment(world.nhatrang, c.city, agencies=[])
    with pytest.raises(PermissionDenied):
        split_assignment(world.camranh, c.city, agencies=[c.ward_a])
    with pytest.raises(PermissionDenied):
        split_assignment(world.coordinator, c.city, agencies=[c.ward_a])
    (a,) = split_assignment(world.nhatrang, c.city, agencies=[c.ward_a])
    with pytest.raises(PlanError) as again:
        split_assignment(world.nhatrang, c.city, agencies=[c.ward_a])
    assert "Vĩnh Hải" in str(again.value)
    assert Assignment.objects.filter(parent=c.city).count() == 1  # nothing half saved
    submit_report(c.officer_a, a, narrative="Đã niêm yết", progress=30)
    with pytest.raises(PlanError):
        withdraw_sub_assignment(world.nhatrang, a)


def test_parent_reviews_its_children_and_the_province_does_not(
    world: Any, cascade: Cascade
) -> None:
    c = cascade
    a, b, a1 = _split_three_levels(world, c)
    report_a = submit_report(c.officer_a, a, narrative="Phường", progress=20)
    report_a1 = submit_report(c.officer_a1, a1, narrative="Công an", progress=20)
    city_report = submit_report(world.nhatrang, c.city, narrative="Thành phố", progress=10)
    assert list(inbox.review_queue(world.nhatrang)) == [report_a]
    assert list(inbox.review_queue(c.officer_a)) == [report_a1]
    assert list(inbox.review_queue(world.coordinator)) == [city_report]
    assert access.oversees_sub_assignments(world.nhatrang)
    assert not access.oversees_sub_assignments(world.camranh)
    assert not access.can_review(world.coordinator, a)
    assert not access.can_review(c.officer_b, a)
    with pytest.raises(PermissionDenied):
        review_report(world.coordinator, report_a, accept=True, version=None)
    returned = review_report(
        world.nhatrang, report_a, accept=False, comment="Bổ sung ảnh", version=None
    )
    assert list(inbox.returned_queue(c.officer_a)) == [returned]


def test_who_sees_sub_assignments(world: Any, cascade: Cascade) -> None:
    c = cascade
    a, b, a1 = _split_three_levels(world, c)
    seen = {
        user: set(access.assignments_for(user).values_list("pk", flat=True))
        for user in (world.nhatrang, c.officer_a, c.officer_a1, world.camranh, world.coordinator)
    }
    assert {c.city.pk, a.pk, b.pk, a1.pk} <= seen[world.nhatrang]
    assert seen[c.officer_a] == {a.pk, a1.pk}
    assert seen[c.officer_a1] == {a1.pk}
    assert not seen[world.camranh] & {a.pk, b.pk, a1.pk}
    assert {a.pk, b.pk, a1.pk} <= seen[world.coordinator]


def test_one_assignment_is_seen_exactly_as_the_lists_see_it(
    world: Any, cascade: Cascade, other_province: Any, make_user: Any
) -> None:
    """An assignment's page fetches it by id and checks the row (`sees_assignment`): the same
    answer as `assignments_for` for every viewer and assignment, sub-assignments at any depth."""
    from django.contrib.auth.models import AnonymousUser

    from chiso.accounts.models import Role

    c = cascade
    _split_three_levels(world, c)
    viewers = [
        world.coordinator,
        world.nhatrang,
        world.camranh,
        world.mttq,
        world.leadership,
        c.officer_a,
        c.officer_b,
        c.officer_a1,
        make_user("national", Role.NATIONAL_VIEWER),
        make_user("hanoi", Role.COORDINATOR, other_province),
        make_user("noagency", Role.AGENCY_OFFICER, world.province),
        AnonymousUser(),
    ]
    everything = list(Assignment.objects.all())
    for viewer in viewers:
        listed = set(access.assignments_for(viewer).values_list("pk", flat=True))
        assert {a.pk for a in everything if access.sees_assignment(viewer, a)} == listed, viewer
    assert access.sees_assignment(world.nhatrang, Assignment.objects.get(agency=c.unit_a1))


def test_task_level_lists_count_the_province_assignments_only(world: Any, cascade: Cascade) -> None:
    from chiso.plans.queries import task_rows, with_task_details
    from chiso.plans.services import update_task

    c = cascade
    _split_three_levels(world, c)
    (row,) = task_rows(
        list(with_task_details(type(c.task).objects.filter(pk=c.task.pk))), dt.date(2023, 8, 15)
    )
    assert [a.agency_id for a in row.assignments] == [world.nha_trang.pk]
    # The coordinator edits the task: the agencies' own sub-assignments stay untouched.
    update_task(world.coordinator, c.task, version=None, title="Niêm yết công khai TTHC")
    assert Assignment.objects.filter(task=c.task).count() == 4
