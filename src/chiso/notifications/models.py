"""Notifications: one row per person and event, shown under the bell and e-mailed (at once, in
a daily digest, or not at all, as the person prefers).

`key` names the event ("report.returned:42"); (recipient, key) is unique, so the same event
never reaches the same person twice however often it is announced. The text is made when the
row is shown (in the reader's language) from `kind` and `params`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.site.clock import SiteClockDateTimeField


class Kind(models.TextChoices):
    REPORT_SUBMITTED = "report_submitted", _("Báo cáo chờ duyệt")
    REPORT_RETURNED = "report_returned", _("Báo cáo bị trả lại")
    REPORT_ACCEPTED = "report_accepted", _("Báo cáo được chấp nhận")
    ASSIGNED = "assigned", _("Nhiệm vụ mới được giao")
    DEADLINE_CHANGED = "deadline_changed", _("Thời hạn thay đổi")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")
    AWAITING_HEAD = "awaiting_head", _("Báo cáo chờ lãnh đạo cơ quan duyệt")


class MailState(models.TextChoices):
    PENDING = "pending", _("Chờ gửi thư")
    SENT = "sent", _("Đã gửi thư")
    SKIPPED = "skipped", _("Không gửi thư")


class Notification(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("loại"), max_length=30, choices=Kind.choices)
    key = models.CharField(max_length=120)
    params = models.JSONField(default=dict)
    url = models.CharField(max_length=300)  # a path inside chiso
    created_at = SiteClockDateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    mail = models.CharField(max_length=10, choices=MailState.choices, default=MailState.PENDING)
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once")
        ]
        indexes = [
            # The bell: a person's unread notifications.
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
            # The mail job: what is still to be mailed.
            models.Index(
                fields=["recipient", "created_at"],
                condition=models.Q(mail="pending"),
                name="notification_mail_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.recipient} — {self.get_kind_display()}"


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Gửi thư ngay khi có thông báo")
    DIGEST = "digest", _("Gửi một thư tổng hợp mỗi ngày")
    OFF = "off", _("Không gửi thư (chỉ xem trong chiso)")


class Preference(models.Model):
    """How a person wants notifications by e-mail; without a row: immediately."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_mode = models.CharField(
        _("nhận thông báo qua thư điện tử"),
        max_length=10,
        choices=EmailMode.choices,
        default=EmailMode.IMMEDIATE,
    )
    # The mail job runs outside any request, so it cannot see the language the person reads the
    # pages in: they choose it here (chosen when they save, from the page's language).
    language = models.CharField(
        _("ngôn ngữ của thư"), max_length=8, choices=settings.LANGUAGES, default="vi"
    )

    class Meta:
        verbose_name = _("cài đặt thông báo")
        verbose_name_plural = _("cài đặt thông báo")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_email_mode_display()}"
