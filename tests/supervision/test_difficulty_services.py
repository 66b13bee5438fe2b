"""Difficulties and recommendations: known answers for the states, escalation, permissions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from chiso.audit.services import history_for
from chiso.plans.services import submit_report
from chiso.supervision import services
from chiso.supervision.listing import counts, filtered
from chiso.supervision.models import Difficulty, Kind, State
from chiso.supervision.services import SupervisionError

pytestmark = pytest.mark.django_db
TODAY = dt.date(2023, 8, 15)


def raise_one(world: Any, **extra: Any) -> Difficulty:
    return services.raise_difficulty(
        world.officer_nt,
        world.plan,
        title="Chưa có kinh phí niêm yết",
        text="Xã chưa bố trí được kinh phí in bảng niêm yết.",
        assignment=world.assignment,
        **extra,
    )


def test_raised_on_an_assignment_takes_its_task_units_and_goes_to_so_noi_vu(world: Any) -> None:
    item = raise_one(world)
    assert item.kind == Kind.DIFFICULTY
    assert item.state == State.OPEN
    assert item.task == world.task
    assert item.unit_codes == ["2.4"]
    assert item.raised_by_agency == world.nhatrang
    assert item.handler == world.snv  # the coordinators' agency, no reporting settings needed
    assert item.raised_on == TODAY
    assert item.due_on == dt.date(2023, 8, 30)  # 15 days
    entry = history_for(item).get()
    assert entry.action == "difficulty.raise"


def test_a_difficulty_written_in_a_report_becomes_an_item(world: Any) -> None:
    report = submit_report(
        world.officer_nt,
        world.assignment,
        narrative="Đã niêm yết 3/5 phường.",
        progress=60,
        difficulty="Thiếu bảng niêm yết ở 2 phường\nCần hướng dẫn mẫu bảng.",
    )
    item = Difficulty.objects.get()
    assert item.report == report
    assert item.title == "Thiếu bảng niêm yết ở 2 phường"
    assert item.text.endswith("Cần hướng dẫn mẫu bảng.")
    assert item.assignment == world.assignment


def test_a_report_without_difficulty_raises_nothing(world: Any) -> None:
    submit_report(world.officer_nt, world.assignment, narrative="Xong 3/5.", progress=60)
    assert not Difficulty.objects.exists()


def test_answer_then_resolve(world: Any) -> None:
    item = raise_one(world)
    item = services.answer(world.coordinator, item, text="Dùng mẫu số 2.", version=item.version)
    assert (item.state, item.answered_on, item.answered_by) == (
        State.ANSWERED,
        TODAY,
        world.coordinator,
    )
    item = services.resolve(world.officer_nt, item, resolution="Đã in bảng.", version=item.version)
    assert (item.state, item.resolved_on) == (State.RESOLVED, TODAY)
    actions = list(history_for(item).order_by("pk").values_list("action", flat=True))
    assert actions == ["difficulty.raise", "difficulty.answer", "difficulty.resolve"]


def test_escalation_by_so_noi_vu_only(world: Any) -> None:
    item = raise_one(world)
    with pytest.raises(PermissionDenied):
        services.escalate(world.officer_nt, item, proposal="x", version=None)
    with pytest.raises(SupervisionError) as error:
        services.escalate(world.coordinator, item, proposal="  ", version=None)
    assert error.value.field == "proposal"
    item = services.escalate(
        world.coordinator, item, proposal="Đề nghị UBND tỉnh bố trí kinh phí.", version=None
    )
    assert (item.state, item.escalated_on) == (State.ESCALATED, TODAY)
    # Escalated: the handler can no longer answer, only Sở Nội vụ or the raiser close it.
    with pytest.raises(PermissionDenied):
        services.answer(world.coordinator, item, text="x", version=None)
    with pytest.raises(PermissionDenied):
        services.escalate(world.coordinator, item, proposal="again", version=None)


def test_hand_over_to_the_guiding_agency_who_answers(world: Any, make_user: Any) -> None:
    from chiso.accounts.models import Role

    item = raise_one(world)
    guide = make_user("stp", Role.AGENCY_OFFICER, world.province, world.camranh)
    with pytest.raises(PermissionDenied):
        services.answer(guide, item, text="x", version=None)
    item = services.hand_over(
        world.coordinator, item, handler=world.camranh, due_on=dt.date(2023, 9, 1), version=None
    )
    assert (item.handler, item.due_on) == (world.camranh, dt.date(2023, 9, 1))
    item = services.answer(guide, item, text="Hướng dẫn theo văn bản 12.", version=None)
    assert item.state == State.ANSWERED


def test_leadership_and_other_agencies_cannot_act(world: Any, outsider: Any) -> None:
    item = raise_one(world)
    for user in (world.leadership, world.officer_cr, outsider):
        with pytest.raises(PermissionDenied):
            services.answer(user, item, text="x", version=None)
        with pytest.raises(PermissionDenied):
            services.resolve(user, item, resolution="x", version=None)
    with pytest.raises(PermissionDenied):
        services.raise_difficulty(world.leadership, world.plan, title="x", text="y")


def test_only_own_assignments(world: Any) -> None:
    with pytest.raises(SupervisionError) as error:
        services.raise_difficulty(
            world.officer_cr, world.plan, title="x", text="y", assignment=world.assignment
        )
    assert error.value.field == "assignment"


def test_input_rules(world: Any) -> None:
    with pytest.raises(SupervisionError) as error:
        raise_one(world, due_on=dt.date(2023, 8, 1))
    assert error.value.field == "due_on"
    with pytest.raises(SupervisionError) as error:
        services.raise_difficulty(world.officer_nt, world.plan, title="x" * 301, text="y")
    assert error.value.field == "title"
    with pytest.raises(SupervisionError) as error:
        services.raise_difficulty(
            world.officer_nt, world.plan, title="x", text="y", unit_codes=["99"]
        )
    assert error.value.field == "unit_codes"
    assert not Difficulty.objects.exists()


def test_front_recommendation_is_tracked_the_same_way(world: Any) -> None:
    item = services.add_recommendation(
        world.supervisor,
        world.plan,
        agency=world.nhatrang,
        title="Niêm yết chưa đúng nơi",
        text="Kiến nghị niêm yết tại nhà văn hóa tổ dân phố.",
        task=world.task,
    )
    assert (item.kind, item.handler, item.assignment) == (
        Kind.RECOMMENDATION,
        world.nhatrang,
        world.assignment,
    )
    item = services.answer(world.officer_nt, item, text="Đã tiếp thu.", version=None)
    assert item.state == State.ANSWERED
    with pytest.raises(PermissionDenied):
        services.add_recommendation(
            world.officer_nt, world.plan, agency=world.camranh, title="x", text="y"
        )


def test_counts_open_overdue_escalated(world: Any) -> None:
    late = raise_one(world, due_on=TODAY)
    escalated = raise_one(world)
    services.escalate(world.coordinator, escalated, proposal="Đề nghị.", version=None)
    done = raise_one(world)
    services.resolve(world.coordinator, done, resolution="Xong.", version=None)
    later = dt.date(2023, 8, 16)
    figures = counts(Difficulty.objects.all(), later)
    assert (figures.open, figures.overdue, figures.escalated, figures.resolved) == (2, 1, 1, 1)
    assert list(filtered(Difficulty.objects.all(), "overdue", later)) == [late]
    assert counts(Difficulty.objects.all(), TODAY).overdue == 0
