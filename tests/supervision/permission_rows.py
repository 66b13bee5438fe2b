"""Permission-matrix rows for /giam-sat/ (picked up by tests/test_permission_matrix.py).

The world gains a difficulty raised by agency A's officer on its assignment, handled by Sở Nội
vụ (the coordinators' agency), a direction of the People's Committee addressed to agency A, and
two citizens' posts on the published plan's task (one waiting for moderation, one accepted).
"""

from __future__ import annotations

from typing import Any

from chiso.plans.models import Task
from chiso.supervision import services
from tests.api.world import World
from tests.test_permission_matrix import (
    API_SIGNED_IN,
    CONFLICT,
    CREATED,
    DENIED,
    EVERYONE,
    FOUND,
    LOGIN,
    MISSING,
    OK,
    SIGNED_IN,
    UNAUTH,
    Row,
    expect,
)


def extend_world(world: World) -> None:
    world.extra["difficulty"] = services.raise_difficulty(
        world.users["officer_a"],
        world.home.plan,
        title="Thiếu kinh phí niêm yết",
        text="Chưa bố trí được kinh phí.",
        assignment=world.home.assignment_a,
    )
    _direction(world)
    plan, task = world.home.plan, world.home.task
    world.extra["feedback"] = services.post_feedback(
        plan, text="Chưa thấy niêm yết", task=task, address_key="k"
    )
    accepted = services.post_feedback(plan, text="Đề nghị công khai", task=task, address_key="k")
    world.extra["feedback_accepted"] = services.moderate(
        world.users["coordinator"], accepted, accept=True, version=None
    )


def item(world: World) -> dict[str, Any]:
    return {"pk": world.extra["difficulty"].pk}


def with_version(**fields: Any) -> Any:
    def data(world: World) -> dict[str, Any]:
        return {"version": world.extra["difficulty"].version, **fields}

    return data


# Province-wide readers and agency A's staff (who raised it) read it; B and outsiders get 404.
READERS = expect(OK, anonymous=LOGIN, officer_b=MISSING, other_province=MISSING)
# Sở Nội vụ (the handler, and the coordinator) acts; other readers are refused.
SO_NOI_VU = expect(
    DENIED,
    anonymous=LOGIN,
    admin=FOUND,
    coordinator=FOUND,
    officer_b=MISSING,
    other_province=MISSING,
)
RAISERS = expect(OK, anonymous=LOGIN, admin=DENIED, leadership=DENIED, national_viewer=DENIED)

ROWS = [
    Row("supervision:difficulty-list", SIGNED_IN),
    Row("supervision:difficulty-create", RAISERS),
    Row(
        "supervision:recommendation-create",
        expect(DENIED, anonymous=LOGIN, supervisor=OK),
    ),
    Row("supervision:difficulty-detail", READERS, item),
    Row(
        "supervision:difficulty-answer",
        SO_NOI_VU,
        item,
        method="POST",
        data=with_version(text="Dùng mẫu bảng số 2."),
    ),
    Row(
        "supervision:difficulty-escalate",
        SO_NOI_VU,
        item,
        method="POST",
        data=with_version(proposal="Đề nghị UBND tỉnh bố trí kinh phí."),
    ),
    Row(
        "supervision:difficulty-hand-over",
        SO_NOI_VU,
        item,
        method="POST",
        data=lambda w: {"version": w.extra["difficulty"].version, "handler": w.agency_b.pk},
    ),
    Row(
        "supervision:difficulty-resolve",
        {**SO_NOI_VU, "agency_head": FOUND, "officer_a": FOUND},
        item,
        method="POST",
        data=with_version(resolution="Đã bố trí."),
    ),
]


def _direction(world: World) -> Any:
    import datetime as dt

    if "direction" not in world.extra:
        world.extra["direction"] = services.record_direction(
            world.users["coordinator"],
            world.home.plan,
            number="12/UBND-KSTT",
            issued_on=dt.date(2023, 6, 1),
            signer="Nguyễn Tân Tuân",
            content="Bố trí kinh phí niêm yết.",
            deadline=dt.date(2023, 9, 30),
            agencies=[world.agency_a],
        )
        # Its follow-up task is filed under "III"; keep that section empty for the plans rows.
        Task.objects.filter(direction=world.extra["direction"]).update(section=None)
    return world.extra["direction"]


def direction(world: World) -> dict[str, Any]:
    return {"pk": _direction(world).pk}


def direction_form(world: World) -> dict[str, Any]:
    return {
        "number": "13/UBND",
        "issued_on": "01/06/2023",
        "signer": "Nguyễn Tân Tuân",
        "content": "Chỉ đạo.",
        "deadline": "30/09/2023",
        "agencies": [world.agency_b.pk],
    }


# Everyone of the province reads the committee's directions; other provinces get a 404.
PROVINCE = expect(OK, anonymous=LOGIN, other_province=MISSING)
COORDINATORS_OK = expect(DENIED, anonymous=LOGIN, admin=OK, coordinator=OK, other_province=OK)

ROWS += [
    Row("supervision:direction-list", SIGNED_IN),
    Row("supervision:direction-create", COORDINATORS_OK),
    Row(
        "supervision:direction-create",
        expect(DENIED, anonymous=LOGIN, admin=FOUND, coordinator=FOUND, other_province=OK),
        method="POST",
        data=direction_form,
        label="save",
    ),
    Row("supervision:direction-detail", PROVINCE, direction),
]


def feedback(name: str) -> Any:
    return lambda world: {"pk": world.extra[name].pk}


def public_plan(world: World) -> dict[str, Any]:
    return {"plan_id": world.home.plan.pk}


# Every agency of the world has a part in the task the posts are about.
FEEDBACK_READERS = expect(OK, anonymous=LOGIN, other_province=MISSING)
TASK_AGENCIES_ANSWER = expect(
    FOUND,
    anonymous=LOGIN,
    leadership=DENIED,
    national_viewer=DENIED,
    other_province=MISSING,
)

ROWS += [
    Row("feedback:form", EVERYONE, public_plan),
    Row(
        "feedback:form",
        expect(FOUND),
        public_plan,
        method="POST",
        data=lambda w: {"text": "Góp ý", "commune": w.agency_a.pk},
        label="post",
    ),
    Row(
        "feedback:form", expect(MISSING), lambda w: {"plan_id": w.away.plan.pk}, label="unpublished"
    ),
    Row("supervision:feedback-list", SIGNED_IN),
    Row("supervision:feedback-detail", FEEDBACK_READERS, feedback("feedback")),
    Row(
        "supervision:feedback-moderate",
        {**SO_NOI_VU, "officer_b": DENIED},
        feedback("feedback"),
        method="POST",
        data=lambda w: {"version": w.extra["feedback"].version, "decision": "accept"},
    ),
    Row(
        "supervision:feedback-answer",
        TASK_AGENCIES_ANSWER,
        feedback("feedback_accepted"),
        method="POST",
        data=lambda w: {
            "version": w.extra["feedback_accepted"].version,
            "answer": "Đã công khai.",
            "publish": "on",
        },
    ),
]


# --- the JSON API -----------------------------------------------------------------------------

API_READERS = expect(OK, anonymous=UNAUTH, officer_b=MISSING, other_province=MISSING)
API_SO_NOI_VU = expect(
    DENIED,
    anonymous=UNAUTH,
    admin=OK,
    coordinator=OK,
    officer_b=MISSING,
    other_province=MISSING,
)
API_PROVINCE = expect(OK, anonymous=UNAUTH, other_province=MISSING)


def _api_item_form(world: World) -> dict[str, Any]:
    return {"plan": world.home.plan.pk, "title": "Thiếu bảng niêm yết", "text": "Chưa in được."}


def _api_direction_form(world: World) -> dict[str, Any]:
    return {
        "plan": world.home.plan.pk,
        "number": "14/UBND-KSTT",
        "issued_on": "2023-06-01",
        "signer": "Nguyễn Tân Tuân",
        "content": "Bố trí kinh phí niêm yết.",
        "deadline": "2023-09-30",
        "agencies": [world.agency_a.pk, world.agency_b.pk],
    }


def _feedback_version(name: str, **fields: Any) -> Any:
    return lambda w: {"version": w.extra[name].version, **fields}


ROWS += [
    Row("api-difficulties", API_SIGNED_IN),
    Row(
        "api-difficulties",
        expect(
            CREATED,
            anonymous=UNAUTH,
            admin=DENIED,
            leadership=DENIED,
            national_viewer=DENIED,
            other_province=MISSING,
        ),
        method="POST",
        data=_api_item_form,
        label="raise",
    ),
    Row("api-recommendations", API_SIGNED_IN),
    Row(
        "api-recommendations",
        expect(DENIED, anonymous=UNAUTH, supervisor=CREATED),
        method="POST",
        data=lambda w: {**_api_item_form(w), "agency": w.agency_a.pk},
        label="record",
    ),
    Row("api-difficulty", API_READERS, item),
    Row(
        "api-difficulty-answer",
        API_SO_NOI_VU,
        item,
        method="POST",
        data=with_version(text="Dùng mẫu bảng số 2."),
    ),
    Row(
        "api-difficulty-escalate",
        API_SO_NOI_VU,
        item,
        method="POST",
        data=with_version(proposal="Đề nghị UBND tỉnh bố trí kinh phí."),
    ),
    Row(
        "api-difficulty-hand-over",
        API_SO_NOI_VU,
        item,
        method="POST",
        data=lambda w: {"version": w.extra["difficulty"].version, "handler": w.agency_b.pk},
    ),
    Row(
        "api-difficulty-resolve",
        {**API_SO_NOI_VU, "agency_head": OK, "officer_a": OK},
        item,
        method="POST",
        data=with_version(resolution="Đã bố trí."),
    ),
    Row("api-directions", API_SIGNED_IN),
    # Sở Nội vụ records a direction (API 1.6); every other role is refused before any field;
    # another province's Sở Nội vụ does not find this province's plan.
    Row(
        "api-directions",
        expect(
            DENIED,
            anonymous=UNAUTH,
            admin=CREATED,
            coordinator=CREATED,
            other_province=MISSING,
        ),
        method="POST",
        data=_api_direction_form,
        label="record",
    ),
    Row("api-direction", API_PROVINCE, direction),
    Row("api-feedback", API_SIGNED_IN),
    Row("api-feedback-item", API_PROVINCE, feedback("feedback")),
    Row(
        "api-feedback-moderate",
        {**API_SO_NOI_VU, "officer_b": DENIED},
        feedback("feedback"),
        method="POST",
        data=_feedback_version("feedback", decision="accept"),
    ),
    # A post already moderated: every reader of it hears the conflict.
    Row(
        "api-feedback-moderate",
        expect(CONFLICT, anonymous=UNAUTH, other_province=MISSING),
        feedback("feedback_accepted"),
        method="POST",
        data=_feedback_version("feedback_accepted", decision="reject"),
        label="already moderated",
    ),
    Row(
        "api-feedback-answer",
        expect(
            OK,
            anonymous=UNAUTH,
            leadership=DENIED,
            national_viewer=DENIED,
            other_province=MISSING,
        ),
        feedback("feedback_accepted"),
        method="POST",
        data=_feedback_version("feedback_accepted", answer="Đã công khai.", publish="true"),
    ),
]
