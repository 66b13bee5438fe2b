"""A record of each restructuring carried out (the 2025 abolition of district level, a merger of
two provinces): what was done, when it took effect, who did it, and what moved. The moves
themselves are audited row by row (chiso.restructuring.history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.site.clock import SiteClockDateTimeField


class Kind(models.TextChoices):
    ABOLISH = "abolish", _("Giải thể cơ quan, chuyển việc đang làm cho cơ quan kế nhiệm")
    MERGE = "merge", _("Hợp nhất tỉnh")


class Restructuring(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    # A merger: the province that joined `province` (its row is kept, emptied).
    absorbed = models.ForeignKey(
        Province, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices)
    effective_on = models.DateField(_("ngày có hiệu lực"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    # What moved, as shown in the preview: {"agencies": [...], "moved": n, ...}.
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("sắp xếp đơn vị hành chính")
        verbose_name_plural = _("sắp xếp đơn vị hành chính")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.effective_on:%d/%m/%Y}"
