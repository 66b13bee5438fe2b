"""Published index results as imported: one release per index and year, the observed scores.

Results are national public data, not per province. Only observed scores are stored (leaf
sub-dimensions, or whatever level a source gave); dimensions, aggregates, ranks and tiers are
computed by the core on load, so every consumer sees the same figures. A rank or group is stored
only as published (PCI's top 30, PAR INDEX's news items), where the core cannot compute it; such
a row may have no score.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReleaseQuerySet(models.QuerySet["ResultRelease"]):
    def current(self) -> ReleaseQuerySet:
        """The releases in use: one per index and year (the others were replaced)."""
        return self.filter(superseded_at__isnull=True)


class ResultRelease(models.Model):
    index = models.CharField(_("bộ chỉ số"), max_length=32)
    year = models.PositiveSmallIntegerField(_("năm"))
    source = models.CharField(_("nguồn"), max_length=500)
    imported_at = models.DateTimeField(_("thời điểm nhập"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người nhập"),
    )
    # Set when a later import replaced this release; it is kept so that
    # `chiso import-results --restore-previous YEAR` can bring it back.
    superseded_at = models.DateTimeField(_("bị thay thế lúc"), null=True, blank=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["index", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["index", "year"],
                condition=models.Q(superseded_at__isnull=True),
                name="results_one_current_release_per_year",
            )
        ]
        verbose_name = _("đợt kết quả")
        verbose_name_plural = _("đợt kết quả")

    def __str__(self) -> str:
        return f"{self.index} {self.year}"


class UnitScore(models.Model):
    release = models.ForeignKey(ResultRelease, on_delete=models.CASCADE, related_name="scores")
    # "63" = provinces until 30/6/2025, "34" = from 1/7/2025; GSO codes differ between them.
    province_era = models.CharField(_("danh mục tỉnh"), max_length=2, default="63")
    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    province_name = models.CharField(_("tỉnh/thành phố"), max_length=100)
    unit = models.CharField(_("mã chỉ số"), max_length=32)
    score = models.FloatField(_("điểm"), null=True, blank=True)
    se = models.FloatField(_("sai số chuẩn"), null=True, blank=True)
    ci_low = models.FloatField(_("cận dưới KTC"), null=True, blank=True)
    ci_high = models.FloatField(_("cận trên KTC"), null=True, blank=True)
    rank = models.PositiveSmallIntegerField(_("thứ hạng công bố"), null=True, blank=True)
    group = models.CharField(_("nhóm công bố"), max_length=32, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["release", "province_era", "province_code", "unit"],
                name="results_one_score_per_unit",
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=False)
                | models.Q(rank__isnull=False)
                | ~models.Q(group=""),
                name="results_score_rank_or_group",
            ),
        ]
        verbose_name = _("điểm")
        verbose_name_plural = _("điểm")

    def __str__(self) -> str:
        return f"{self.release} {self.province_name} {self.unit}: {self.score}"
