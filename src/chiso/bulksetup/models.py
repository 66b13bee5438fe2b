"""An uploaded set-up workbook, read once and kept as JSON until it is applied or replaced."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province


class SetupImport(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filename = models.CharField(_("tệp"), max_length=255)
    parsed = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("tệp thiết lập")
        verbose_name_plural = _("tệp thiết lập")

    def __str__(self) -> str:
        return self.filename
