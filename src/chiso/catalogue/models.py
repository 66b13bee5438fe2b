"""A province's own catalogue of standard improvement tasks (until it has one, the national
starter catalogue of `chiso.index.catalogue` is shown)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.index.catalogue import CatalogueEntry


class CatalogueTask(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="catalogue")
    code = models.CharField(_("mã"), max_length=20)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    units = models.CharField(
        _("chỉ số"), max_length=200, help_text=_("mã chỉ số, cách nhau bởi dấu cách")
    )
    lead = models.CharField(_("cơ quan chủ trì thường giao"), max_length=200, blank=True)
    source = models.CharField(_("nguồn"), max_length=20, blank=True)
    ref = models.CharField(_("trích dẫn"), max_length=80, blank=True)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["province", "order", "id"]
        verbose_name = _("nhiệm vụ trong danh mục")
        verbose_name_plural = _("danh mục nhiệm vụ")
        constraints = [
            models.UniqueConstraint(fields=["province", "code"], name="catalogue_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    def entry(self) -> CatalogueEntry:
        return CatalogueEntry(
            code=self.code,
            title=self.title,
            units=tuple(self.units.split()),
            lead=self.lead,
            source=self.source,
            ref=self.ref,
        )
