"""Villages and residential groups (thôn, tổ dân phố, khu phố): places under a commune where
the task framework is posted, the survey team interviews and activities are held. They are
places, not agencies: nobody logs in for a village, nothing is assigned to it."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.accounts.names import agency_key


class VillageKind(models.TextChoices):
    THON = "thon", _("Thôn")
    TO_DAN_PHO = "to_dan_pho", _("Tổ dân phố")
    KHU_PHO = "khu_pho", _("Khu phố")


class Village(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="villages")
    commune = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="villages",
        verbose_name=_("xã, phường, thị trấn"),
        limit_choices_to={"kind": AgencyKind.COMMUNE_COMMITTEE},
    )
    kind = models.CharField(_("loại"), max_length=16, choices=VillageKind.choices)
    name = models.CharField(
        _("tên"), max_length=120, help_text=_("Không kèm chữ “Thôn”, “Tổ dân phố”: “Hòn Xện”.")
    )
    code = models.CharField(_("mã"), max_length=20, blank=True)
    name_key = models.CharField(max_length=160, editable=False, db_index=True)
    active = models.BooleanField(_("đang hoạt động"), default=True)
    illustrative = models.BooleanField(
        _("dữ liệu minh họa"), default=False, help_text=_("Tên nhập để minh họa (bản chạy thử).")
    )

    class Meta:
        ordering = ["commune__name", "kind", "name"]
        verbose_name = _("thôn, tổ dân phố")
        verbose_name_plural = _("thôn, tổ dân phố")
        constraints = [
            models.UniqueConstraint(
                fields=["commune", "kind", "name_key"], name="village_unique_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.name_key = agency_key(self.name)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def clean(self) -> None:
        if not self.commune_id:
            return
        commune = Agency.objects.only("province_id", "kind").get(pk=self.commune_id)
        if commune.kind != AgencyKind.COMMUNE_COMMITTEE:
            raise ValidationError({"commune": _("Thôn, tổ dân phố phải thuộc một UBND cấp xã.")})
        if self.province_id and commune.province_id != self.province_id:
            raise ValidationError({"commune": _("Xã, phường này thuộc tỉnh khác.")})
        self.province_id = commune.province_id
