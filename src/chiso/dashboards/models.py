"""The log of reminder e-mails: one row per assignment × kind × deadline × escalation level, so
a re-run of `send_reminders` (cron) never sends the same reminder twice, and a changed deadline
starts a fresh series."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.plans.models import Assignment
from chiso.site.clock import SiteClockDateTimeField


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Quá hạn")


class EscalationLevel(models.IntegerChoices):
    AGENCY = 0, _("Cán bộ của cơ quan")
    AGENCY_HEAD = 1, _("Lãnh đạo cơ quan")


class ReminderLog(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("loại nhắc việc"), max_length=20, choices=ReminderKind.choices)
    deadline = models.DateField(_("thời hạn"))
    level = models.PositiveSmallIntegerField(
        _("cấp nhắc"), choices=EscalationLevel.choices, default=EscalationLevel.AGENCY
    )
    recipients = models.TextField(_("người nhận"))  # e-mail addresses, one per line
    sent_on = models.DateField(_("ngày gửi (theo lịch kế hoạch)"))
    sent_at = SiteClockDateTimeField(_("thời điểm gửi"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("nhật ký nhắc việc")
        verbose_name_plural = _("nhật ký nhắc việc")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "deadline", "level"], name="reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.get_kind_display()} ({self.deadline:%d/%m/%Y})"
