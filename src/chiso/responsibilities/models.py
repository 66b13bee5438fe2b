"""Which agency guides (hướng dẫn, kiểm tra) or answers for (chịu trách nhiệm) which PAPI
dimension or sub-dimension in a province: the province's responsibilities map."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, Province


class Duty(models.TextChoices):
    GUIDES = "guides", _("Hướng dẫn, kiểm tra")
    ANSWERS = "answers", _("Chịu trách nhiệm thực hiện")


class Responsibility(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="responsibilities", verbose_name=_("cơ quan")
    )
    index = models.CharField(_("chỉ số"), max_length=20, default="PAPI")
    unit_code = models.CharField(_("mã chỉ số"), max_length=12)
    duty = models.CharField(_("trách nhiệm"), max_length=10, choices=Duty.choices)
    illustrative = models.BooleanField(_("dữ liệu minh họa"), default=False)

    class Meta:
        ordering = ["index", "unit_code", "agency__name"]
        verbose_name = _("trách nhiệm theo chỉ số")
        verbose_name_plural = _("trách nhiệm theo chỉ số")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "index", "unit_code"], name="responsibility_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province", "index", "unit_code"], name="responsibility_unit")
        ]

    def __str__(self) -> str:
        return f"{self.agency} — {self.index} {self.unit_code}"
