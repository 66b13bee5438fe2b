"""The main menu, declared as data. Apps add their entry here (one line each)."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


def _document_requesters(user: Any) -> bool:
    from chiso.documents.services import can_request_documents

    return can_request_documents(user)


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise
    requires_login: bool = True
    # Shown only when this returns True for the user (the page checks again on the server).
    visible_to: Callable[[Any], bool] | None = None
    # Hidden from logged-in users (they have a fuller page for the same thing).
    anonymous_only: bool = False


NAVIGATION: list[NavEntry] = [
    NavEntry("home", _("Trang chủ"), requires_login=False),
    NavEntry("public:index", _("Công khai kết quả"), requires_login=False, anonymous_only=True),
    NavEntry("public:results", _("Kết quả PAPI")),
    NavEntry("targets:page", _("Lộ trình mục tiêu")),
    NavEntry("plans:plan-list", _("Kế hoạch")),
    NavEntry("dashboards:home", _("Bảng điều khiển")),
    NavEntry("activities:index", _("Kiểm tra, tuyên truyền")),
    NavEntry("documents:page", _("Văn bản, báo cáo"), visible_to=_document_requesters),
    NavEntry("plans:help", _("Hướng dẫn")),
]
