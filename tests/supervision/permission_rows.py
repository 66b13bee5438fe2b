"""Permission-matrix rows for /giam-sat/ (picked up by tests/test_permission_matrix.py).

The world gains a difficulty raised by agency A's officer on its assignment, handled by Sở Nội
vụ (the coordinators' agency).
"""

from __future__ import annotations

from typing import Any

from chiso.supervision import services
from tests.api.world import World
from tests.test_permission_matrix import (
    DENIED,
    FOUND,
    LOGIN,
    MISSING,
    OK,
    SIGNED_IN,
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
RAISERS = expect(
    OK, anonymous=LOGIN, admin=DENIED, leadership=DENIED, national_viewer=DENIED
)

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
