"""Citizens' feedback (góp ý, phản ánh) on the published plan (issue 20, item 3).

Posted on the public pages without logging in, about one task or one commune; no personal data is
required (the contact is optional and never shown). The sender's address is kept only as a keyed
hash (`address_key`), to limit posts per address. A post waits for moderation; Sở Nội vụ or the
responsible agency answers it and may publish the answer next to the task.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, Province
from chiso.plans.models import Plan, Task
from chiso.site.clock import SiteClockDateTimeField


class FeedbackState(models.TextChoices):
    PENDING = "pending", _("Chờ kiểm duyệt")
    ACCEPTED = "accepted", _("Chờ trả lời")
    REJECTED = "rejected", _("Không tiếp nhận")
    ANSWERED = "answered", _("Đã trả lời")


FEEDBACK_TONE = {
    FeedbackState.PENDING: "pending",
    FeedbackState.ACCEPTED: "warn",
    FeedbackState.REJECTED: "not",
    FeedbackState.ANSWERED: "ok",
}


class Feedback(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="feedback")
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("nhiệm vụ"),
    )
    commune = models.ForeignKey(
        Agency,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="feedback",
        verbose_name=_("xã, phường"),
    )
    unit_codes = models.JSONField(_("chỉ số PAPI liên quan"), default=list, blank=True)
    text = models.TextField(_("nội dung góp ý, phản ánh"))
    contact = models.CharField(_("cách liên hệ (không công khai)"), max_length=120, blank=True)
    address_key = models.CharField(max_length=64, db_index=True)
    # The site's clock, like every other record of plan work: during a replay (CHISO_TODAY) a
    # post is received on the replayed day, beside "Số liệu tính đến 15/08/2023".
    received_at = SiteClockDateTimeField(auto_now_add=True, db_index=True)
    # The machine's real time, for the throttle only (chiso.supervision.throttle): it counts an
    # address's posts of the last hour and day, which a pinned day would pile onto one date.
    sent_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)
    state = models.CharField(
        _("trạng thái"),
        max_length=12,
        choices=FeedbackState.choices,
        default=FeedbackState.PENDING,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answer = models.TextField(_("trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answering_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan trả lời"),
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    published = models.BooleanField(_("công khai câu trả lời"), default=False)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("góp ý, phản ánh")
        verbose_name_plural = _("góp ý, phản ánh")
        indexes = [models.Index(fields=["province", "state"], name="feedback_province_state")]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def tone(self) -> str:
        return FEEDBACK_TONE[FeedbackState(self.state)]
