"""A notification's sentence, made when it is shown (in the reader's language)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chiso.notifications.models import Kind, Notification


def describe(notification: Notification) -> str:
    p = {"task": "", "agency": "", "author": "", "comment": "", "date": "", "old": ""}
    p.update(notification.params)
    texts = {
        Kind.REPORT_SUBMITTED: _("%(agency)s gửi báo cáo “%(task)s”, chờ duyệt."),
        Kind.AWAITING_HEAD: _("%(author)s gửi báo cáo “%(task)s”, chờ lãnh đạo cơ quan duyệt."),
        Kind.REPORT_RETURNED: _("Báo cáo “%(task)s” bị trả lại để bổ sung: %(comment)s"),
        Kind.REPORT_ACCEPTED: _("Báo cáo “%(task)s” đã được chấp nhận."),
        Kind.ASSIGNED: _("%(agency)s được giao nhiệm vụ “%(task)s”."),
        Kind.DEADLINE_CHANGED: _("Thời hạn nhiệm vụ “%(task)s” đổi thành %(date)s."),
        Kind.DUE_SOON: _("Nhiệm vụ “%(task)s” đến hạn báo cáo ngày %(date)s."),
        Kind.OVERDUE: _("Nhiệm vụ “%(task)s” đã quá hạn báo cáo (hạn %(date)s)."),
    }
    return texts[Kind(notification.kind)] % p
