"""Permission-matrix rows for the plan drafting pages (read by tests/test_permission_matrix.py).

Drafting is the coordinator's (and admin's) work: every reader of the province is refused (403),
other provinces get 404. The world's plan has objective "1" and section "II.1" (with a task, so
deleting it is refused and the coordinator gets the page back with the reason); the world gains
an empty section "III" that may be deleted.
"""

from __future__ import annotations

from typing import Any

from chiso.accounts.models import Agency, AgencyKind
from chiso.plans.models import Assignment, Section
from tests.api.world import World
from tests.test_permission_matrix import (
    A_ONLY_API,
    A_ONLY_PAGE,
    CONFLICT,
    COORDINATOR_PAGE,
    CREATED,
    DENIED,
    FOUND,
    HOME_PAGE,
    LOGIN,
    MISSING,
    NOT_ALLOWED,
    OK,
    SIGNED_IN,
    UNAUTH,
    Row,
    expect,
)

# A form that saved: the coordinator and admin are redirected; the rest as for the page.
COORDINATOR_SAVES = {**COORDINATOR_PAGE, "admin": FOUND, "coordinator": FOUND}
# Creating a plan needs no plan: any coordinator creates one in their own province.
CREATE_PAGE = expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, other_province=OK)
CREATE_SAVES = expect(DENIED, anonymous=LOGIN, admin=FOUND, coordinator=FOUND, other_province=FOUND)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)
# Splitting agency A's assignment: A's own staff; readers of the province refused.
SPLIT_SAVES = expect(
    DENIED,
    anonymous=LOGIN,
    officer_a=FOUND,
    agency_head=FOUND,
    officer_b=MISSING,
    other_province=MISSING,
)


def extend_world(world: World) -> None:
    world.extra["empty_section"] = Section.objects.create(
        plan=world.home.plan, code="III", title="Tổ chức thực hiện", order=2
    )
    _extend_cascade(world)


def _extend_cascade(world: World) -> None:
    """Two wards under agency A; the second already holds a part of A's assignment."""
    a = world.home.assignment_a
    ward, held = (
        Agency.objects.create(
            province_id=a.province_id,
            name=name,
            kind=AgencyKind.COMMUNE_COMMITTEE,
            parent_id=a.agency_id,
        )
        for name in ("UBND phường Vĩnh Hải", "UBND xã Vĩnh Lương")
    )
    world.extra["ward"] = ward
    world.extra["sub_assignment"] = Assignment.objects.create(
        province_id=a.province_id,
        task_id=a.task_id,
        agency=held,
        parent=a,
        lineage=f"/{a.pk}/",
        deadline=a.deadline,
    )


def _plan(world: World) -> dict[str, Any]:
    return {"pk": world.home.plan.pk}


def _plan_pk(world: World) -> dict[str, Any]:
    return {"plan_pk": world.home.plan.pk}


def _objective(world: World) -> dict[str, Any]:
    assert world.home.objective is not None
    return {"pk": world.home.objective.pk}


def _section(world: World) -> dict[str, Any]:
    return {"pk": world.home.section.pk}


def _empty_section(world: World) -> dict[str, Any]:
    return {"pk": world.extra["empty_section"].pk}


def _plan_form(world: World) -> dict[str, Any]:
    return {
        "number": "77/KH-UBND",
        "title": "Kế hoạch PAPI 2024",
        "index": "PAPI",
        "year": "2024",
        "baseline_year": "2023",
        "issued_on": "05/03/2024",
    }


def _objective_form(world: World) -> dict[str, Any]:
    return {"code": "9", "text": "Tăng hạng", "kind": "aggregate_rank_improves"}


def _section_form(world: World) -> dict[str, Any]:
    return {"code": "IV", "title": "Kinh phí"}


def _empty(world: World) -> dict[str, Any]:
    return {}


def _down(world: World) -> dict[str, Any]:
    return {"direction": "down"}


def _task(world: World) -> dict[str, Any]:
    return {"pk": world.home.task.pk}


def _schedule_form(world: World) -> dict[str, Any]:
    return {"version": world.home.task.version, "report_schedule": "quarterly"}


def _assignment_schedule_form(world: World) -> dict[str, Any]:
    return {"version": world.home.assignment_a.version, "report_schedule": "quarterly"}


def _report_a(world: World) -> dict[str, Any]:
    assert world.home.report_a is not None
    return {"pk": world.home.report_a.pk}


def _signoff_form(world: World) -> dict[str, Any]:
    return {"decision": "approve", "comment": "", "version": 1}


def _review_form(world: World) -> dict[str, Any]:
    return {"decision": "accept", "comment": "", "version": "1"}


def _assignment_a(world: World) -> dict[str, Any]:
    return {"pk": world.home.assignment_a.pk}


SPLIT_API = {**SPLIT_SAVES, "anonymous": UNAUTH, "officer_a": CREATED, "agency_head": CREATED}


def _split_form(world: World) -> dict[str, Any]:
    return {"agencies": [world.extra["ward"].pk], "deadline": ""}


def _withdraw_form(world: World) -> dict[str, Any]:
    return {"child": world.extra["sub_assignment"].pk}


def _sub_assignment(world: World) -> dict[str, Any]:
    return {"pk": world.extra["sub_assignment"].pk}


ROWS: list[Row] = [
    # The API of the reporting loop (chiso.api.views_loop).
    Row("api-inbox", expect(OK, anonymous=UNAUTH)),
    Row(
        "api-report-review",
        expect(
            DENIED,
            anonymous=UNAUTH,
            admin=OK,
            coordinator=OK,
            officer_b=MISSING,
            other_province=MISSING,
        ),
        _report_a,
        "POST",
        _review_form,
    ),
    Row(
        "api-report-signoff",
        expect(
            DENIED,
            anonymous=UNAUTH,
            agency_head=CONFLICT,
            officer_b=MISSING,
            other_province=MISSING,
        ),
        _report_a,
        "POST",
        _signoff_form,
    ),
    Row(
        "api-assignment-periods",
        expect(OK, anonymous=UNAUTH, officer_b=MISSING, other_province=MISSING),
        _assignment_a,
    ),
    # The agency head's sign-off: only A's head may decide (report_a is not awaiting a head, so
    # the head gets the page back with the reason); everyone else of the province is refused.
    Row(
        "plans:report-signoff",
        expect(DENIED, anonymous=LOGIN, agency_head=OK, officer_b=MISSING, other_province=MISSING),
        _report_a,
        "POST",
        _signoff_form,
    ),
    # A task's reporting schedule: the coordinator's (POST only; the task page carries the form).
    Row("plans:task-schedule", COORDINATOR_SAVES, _task, "POST", _schedule_form),
    Row("plans:task-schedule", POST_ONLY, _task, label="GET"),
    # One agency's own schedule: the coordinator's (the assignment page carries the form); another
    # agency's officer does not see the assignment at all.
    Row(
        "plans:assignment-schedule",
        {**COORDINATOR_SAVES, "officer_b": MISSING},
        _assignment_a,
        "POST",
        _assignment_schedule_form,
    ),
    Row("plans:assignment-schedule", POST_ONLY, _assignment_a, label="GET"),
    # The review inbox: everyone signed in has one (empty for those who neither review nor report).
    Row("plans:inbox", SIGNED_IN),
    Row("plans:inbox", SIGNED_IN, query="plan=1&agency=2&unit=2.4", label="filtered"),
    Row("plans:plan-create", CREATE_PAGE),
    Row("plans:plan-create", CREATE_SAVES, method="POST", data=_plan_form),
    # The province's review rules: each coordinator edits their own province's.
    Row("plans:reporting-rules", CREATE_PAGE),
    Row("plans:reporting-rules", CREATE_SAVES, method="POST", data=_empty),
    Row("plans:plan-edit", COORDINATOR_PAGE, _plan),
    Row("plans:plan-edit", COORDINATOR_PAGE, _plan, "POST", _empty, label="empty form"),
    Row("plans:plan-copy", COORDINATOR_PAGE, _plan),
    Row(
        "plans:plan-copy",
        COORDINATOR_SAVES,
        _plan,
        "POST",
        lambda w: {"number": "78/KH-UBND", "title": "Kế hoạch PAPI 2024"},
    ),
    Row("plans:objective-create", COORDINATOR_PAGE, _plan_pk),
    Row("plans:objective-create", COORDINATOR_SAVES, _plan_pk, "POST", _objective_form),
    Row("plans:objective-fields", COORDINATOR_PAGE, _plan_pk, query="kind=unit_tier_min"),
    Row("plans:objectives-import", COORDINATOR_PAGE, _plan_pk),
    Row("plans:objectives-import", COORDINATOR_PAGE, _plan_pk, "POST", _empty, label="no file"),
    Row("plans:objectives-export", HOME_PAGE, _plan_pk),
    Row("plans:objective-edit", COORDINATOR_PAGE, _objective),
    Row(
        "plans:objective-edit",
        COORDINATOR_SAVES,
        _objective,
        "POST",
        lambda w: {
            "code": "1",
            "text": "Đạt 46,00 điểm",
            "kind": "aggregate_score_min",
            "value": "46",
        },
    ),
    Row("plans:objective-delete", COORDINATOR_PAGE, _objective),
    Row("plans:objective-delete", COORDINATOR_SAVES, _objective, "POST", _empty),
    Row("plans:objective-move", POST_ONLY, _objective, label="GET"),
    Row("plans:objective-move", COORDINATOR_SAVES, _objective, "POST", _down),
    Row("plans:section-create", COORDINATOR_PAGE, _plan_pk),
    Row("plans:section-create", COORDINATOR_SAVES, _plan_pk, "POST", _section_form),
    Row("plans:section-edit", COORDINATOR_PAGE, _section),
    Row("plans:section-edit", COORDINATOR_SAVES, _section, "POST", _section_form),
    Row("plans:section-delete", COORDINATOR_PAGE, _section),
    # II.1 has a task: refused, the coordinator gets the page back with the reason.
    Row("plans:section-delete", COORDINATOR_PAGE, _section, "POST", _empty, label="in use"),
    Row(
        "plans:section-delete",
        COORDINATOR_SAVES,
        _empty_section,
        "POST",
        _empty,
        label="empty section",
    ),
    Row("plans:section-move", POST_ONLY, _section, label="GET"),
    Row("plans:section-move", COORDINATOR_SAVES, _section, "POST", _down),
    # Cascade: agency A's staff split A's assignment and take a part back; the province's
    # readers are refused (only the assignment's own agency splits it); others see nothing.
    Row("plans:assignment-split", POST_ONLY, _assignment_a, label="GET"),
    Row("plans:assignment-split", SPLIT_SAVES, _assignment_a, "POST", _split_form),
    Row("plans:assignment-withdraw", POST_ONLY, _assignment_a, label="GET"),
    Row("plans:assignment-withdraw", SPLIT_SAVES, _assignment_a, "POST", _withdraw_form),
    Row("plans:assignment-detail", A_ONLY_PAGE, _sub_assignment, label="sub-assignment"),
    Row("api-sub-assignments", A_ONLY_API, _assignment_a),
    Row("api-sub-assignments", SPLIT_API, _assignment_a, "POST", _split_form),
]
