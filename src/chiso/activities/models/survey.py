"""Support for the national PAPI survey team (section II.4): the round, the places the team
selected, contact points and logistics. Locations are a sample chosen by the survey team; they
are recorded to organise support, never to score or rank communes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, Province
from chiso.site.clock import SiteClockDateTimeField


class SurveyRound(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    index = models.CharField(_("chỉ số"), max_length=20, default="PAPI")
    year = models.PositiveSmallIntegerField(_("năm khảo sát"))
    notified_on = models.DateField(_("ngày nhận thông báo"), null=True, blank=True)
    fieldwork_from = models.DateField(_("khảo sát từ ngày"), null=True, blank=True)
    fieldwork_to = models.DateField(_("đến ngày"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    illustrative = models.BooleanField(
        _("dữ liệu minh họa"),
        default=False,
        help_text=_("Địa bàn nhập để minh họa, không phải địa bàn khảo sát thật."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("đợt khảo sát")
        verbose_name_plural = _("đợt khảo sát")
        constraints = [
            models.UniqueConstraint(
                fields=["province", "index", "year"], name="survey_round_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.index} {self.year}"


class SurveyLocation(models.Model):
    """A village (thôn, tổ dân phố) the survey team selected, with its commune and district."""

    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="locations")
    district = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("huyện, thị xã, thành phố"),
    )
    commune_name = models.CharField(_("xã, phường, thị trấn"), max_length=200)
    village_name = models.CharField(_("thôn, tổ dân phố"), max_length=200, blank=True)
    village = models.ForeignKey(
        "places.Village",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="survey_locations",
        verbose_name=_("thôn, tổ dân phố (danh mục)"),
    )

    class Meta:
        ordering = ["district__name", "commune_name", "village_name"]
        verbose_name = _("địa bàn khảo sát")
        verbose_name_plural = _("địa bàn khảo sát")

    def __str__(self) -> str:
        return ", ".join(p for p in (self.village_name, self.commune_name, str(self.district)) if p)


class SurveyContact(models.Model):
    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="contacts")
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan")
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = _("đầu mối liên hệ")
        verbose_name_plural = _("đầu mối liên hệ")

    def __str__(self) -> str:
        return f"{self.name} ({self.agency})"


class LogisticsKind(models.TextChoices):
    VENUE = "venue", _("Địa điểm")
    SCHEDULE = "schedule", _("Lịch làm việc")
    GUIDE = "guide", _("Người dẫn đường")
    OTHER = "other", _("Khác")


class LogisticsState(models.TextChoices):
    TODO = "todo", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang chuẩn bị")
    DONE = "done", _("Đã xong")


LOGISTICS_TONE = {
    LogisticsState.TODO: "pending",
    LogisticsState.IN_PROGRESS: "warn",
    LogisticsState.DONE: "ok",
}


class LogisticsTask(models.Model):
    survey = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="logistics")
    kind = models.CharField(_("loại việc"), max_length=12, choices=LogisticsKind.choices)
    title = models.CharField(_("nội dung"), max_length=300)
    agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị thực hiện")
    )
    due_on = models.DateField(_("hạn"), null=True, blank=True)
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=LogisticsState.choices, default=LogisticsState.TODO
    )
    note = models.TextField(_("ghi chú"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("công việc hậu cần")
        verbose_name_plural = _("công việc hậu cần")

    def __str__(self) -> str:
        return self.title

    @property
    def tone(self) -> str:
        return LOGISTICS_TONE[LogisticsState(self.state)]
