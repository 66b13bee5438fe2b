"""The main menu, declared as data. Apps add their entry here (one line each)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise
    requires_login: bool = True


NAVIGATION: list[NavEntry] = [
    NavEntry("home", _("Trang chủ"), requires_login=False),
    NavEntry("targets:page", _("Lộ trình mục tiêu")),
    NavEntry("public:results", _("Kết quả PAPI")),
    NavEntry("plans:plan-list", _("Kế hoạch")),
    NavEntry("dashboards:home", _("Bảng điều khiển")),
    NavEntry("documents:page", _("Văn bản, báo cáo")),
    NavEntry("plans:help", _("Hướng dẫn")),
    NavEntry("activities:index", _("Kiểm tra, tuyên truyền")),
]
