"""The home-page panel of a person's unread notifications (newest first, a few; the bell's page
lists them all)."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.notifications.models import Notification
from chiso.notifications.text import describe
from chiso.web.panels import HOME, Panel, register_panel

SHOWN = 5


def unread_panel(request: HttpRequest) -> Panel | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    unread = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True)
    rows = list(unread.order_by("-created_at", "-id")[:SHOWN])
    if not rows:
        return None
    total = len(rows) if len(rows) < SHOWN else unread.count()
    return Panel(
        title=_("Thông báo chưa đọc"),
        template="notifications/_home_panel.html",
        context={"rows": [(n, describe(n)) for n in rows], "total": total},
        priority=15,
    )


register_panel(HOME, unread_panel)
