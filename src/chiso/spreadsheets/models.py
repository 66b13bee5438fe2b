"""An uploaded task-framework workbook, kept between its preview and the coordinator's confirm
(and afterwards as the record of what was imported, by whom, when)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.plans.models import Plan


class TaskImport(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="task_imports")
    file_name = models.CharField(_("tên tệp"), max_length=255)
    data = models.BinaryField(_("nội dung tệp"))
    # What the workbook holds, read once at upload (framework_import): the task sheet's rows,
    # or the errors that stopped the reading. Null for uploads kept before it was stored.
    parsed = models.JSONField(_("nội dung đã đọc"), null=True, blank=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("ngày tải lên"), auto_now_add=True)
    imported_at = models.DateTimeField(_("ngày nhập"), null=True, blank=True)
    task_count = models.PositiveIntegerField(_("số nhiệm vụ đã nhập"), default=0)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("lần nhập bộ khung nhiệm vụ")
        verbose_name_plural = _("lần nhập bộ khung nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.file_name} → {self.plan.number}"
