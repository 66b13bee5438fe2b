"""Permission-matrix rows for the notification pages: every signed-in user has their own list;
a notification opens only for its recipient (others: 404)."""

from __future__ import annotations

from typing import Any

from chiso.notifications.fanout import Event, announce
from chiso.notifications.models import Kind, Notification
from tests.api.world import World
from tests.test_permission_matrix import (
    FOUND,
    LOGIN,
    MISSING,
    NOT_ALLOWED,
    OK,
    SIGNED_IN,
    UNAUTH,
    Row,
    expect,
)


def extend_world(world: World) -> None:
    officer = world.users["officer_a"]
    assert officer is not None
    announce(
        Event(world.home.province.pk, Kind.REPORT_ACCEPTED, "report_accepted:matrix", "/ke-hoach/"),
        [officer.pk],
    )
    world.extra["notification"] = Notification.objects.get(key="report_accepted:matrix")


def _notification(world: World) -> dict[str, Any]:
    return {"pk": world.extra["notification"].pk}


def _mode(world: World) -> dict[str, Any]:
    return {"email_mode": "digest", "language": "vi"}


SAVES = expect(FOUND, anonymous=LOGIN)
POST_ONLY = expect(NOT_ALLOWED, anonymous=LOGIN)

ROWS: list[Row] = [
    Row("notifications:list", SIGNED_IN),
    Row("notifications:open", expect(MISSING, anonymous=LOGIN, officer_a=FOUND), _notification),
    Row("notifications:mark-all-read", SAVES, method="POST"),
    Row("notifications:mark-all-read", POST_ONLY, label="GET"),
    Row("notifications:preferences", SAVES, method="POST", data=_mode),
    Row("notifications:preferences", POST_ONLY, label="GET"),
    Row("api-notifications", expect(OK, anonymous=UNAUTH)),
    Row(
        "api-notification-read",
        expect(MISSING, anonymous=UNAUTH, officer_a=OK),
        _notification,
        "POST",
    ),
]
