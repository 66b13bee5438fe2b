"""The main menu, declared as data. Apps add their entry here (one line each)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chiso.accounts.roles import REPORTING_ROLES, REVIEWING_ROLES, has_role


def _document_requesters(user: Any) -> bool:
    from chiso.documents.services import can_request_documents

    return can_request_documents(user)


def _inbox_users(user: Any) -> bool:
    # By role alone (no query on every page): leadership sees the entry even when the province
    # has not named them to review Sở Nội vụ's reports.
    return has_role(user, REPORTING_ROLES | REVIEWING_ROLES)


def _inbox_count(user: Any) -> int:
    from chiso.plans.inbox import inbox_count

    return inbox_count(user)


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise
    requires_login: bool = True
    # Shown only when this returns True for the user (the page checks again on the server).
    visible_to: Callable[[Any], bool] | None = None
    # Hidden from logged-in users (they have a fuller page for the same thing).
    anonymous_only: bool = False
    # A count shown beside the label (things waiting for the user); 0 shows nothing. Counted
    # by `web.views.menu_counts`, which the page calls after it loads: pages served from the
    # fragment cache stay a few queries whatever the counts cost.
    badge: Callable[[Any], int] | None = None

    @property
    def badge_id(self) -> str:
        return f"badge-{self.url_name.replace(':', '-')}" if self.badge is not None else ""


NAVIGATION: list[NavEntry] = [
    NavEntry("home", _("Trang chủ"), requires_login=False),
    NavEntry("public:index", _("Công khai kết quả"), requires_login=False, anonymous_only=True),
    NavEntry("public:results", _("Kết quả PAPI")),
    NavEntry("targets:page", _("Lộ trình mục tiêu")),
    NavEntry("plans:plan-list", _("Kế hoạch")),
    NavEntry("plans:inbox", _("Chờ xử lý"), visible_to=_inbox_users, badge=_inbox_count),
    NavEntry("dashboards:home", _("Bảng điều khiển")),
    NavEntry("activities:index", _("Kiểm tra, tuyên truyền")),
    NavEntry("documents:page", _("Văn bản, báo cáo"), visible_to=_document_requesters),
    NavEntry("plans:help", _("Hướng dẫn")),
]


def _unread(user: Any) -> int:
    from chiso.notifications.services import unread_count

    return unread_count(user)


# The bell in the header (not a menu entry): every signed-in user has one.
BELL = NavEntry("notifications:list", _("Thông báo"), badge=_unread)


def badge_counts(user: Any) -> list[tuple[str, int]]:
    """(element id, count) for every badge the user sees: the menu's and the bell's."""
    return [
        (entry.badge_id, entry.badge(user))
        for entry in [*NAVIGATION, BELL]
        if entry.badge is not None and (entry.visible_to is None or entry.visible_to(user))
    ]
