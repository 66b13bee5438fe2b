"""Training and communication activities (section II.2) and public postings of the task
framework at commune offices and village halls (niêm yết, II.2.b)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, Province
from chiso.plans.models import Plan
from chiso.site.clock import SiteClockDateTimeField


class ActivityKind(models.TextChoices):
    CONFERENCE = "conference", _("Hội nghị")
    TRAINING = "training", _("Tập huấn")
    CAMPAIGN = "campaign", _("Đợt tuyên truyền")
    RADIO_TV = "radio_tv", _("Chương trình phát thanh, truyền hình")
    ARTICLE = "article", _("Bài báo")
    CITIZEN_MEETING = "citizen_meeting", _("Gặp gỡ, đối thoại với Nhân dân")


class AudienceType(models.TextChoices):
    OFFICIALS = "officials", _("Cán bộ, công chức, viên chức")
    GRASSROOTS_OFFICIALS = "grassroots_officials", _("Cán bộ cấp cơ sở")
    CITIZENS = "citizens", _("Người dân")
    PUBLIC = "public", _("Công chúng (khán thính giả, bạn đọc)")
    MIXED = "mixed", _("Nhiều đối tượng")


class Activity(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="activities", verbose_name=_("kế hoạch")
    )
    kind = models.CharField(_("loại hoạt động"), max_length=20, choices=ActivityKind.choices)
    title = models.CharField(_("tên hoạt động"), max_length=300)
    held_on = models.DateField(_("ngày thực hiện"))
    organiser = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("đơn vị tổ chức")
    )
    place = models.CharField(_("địa điểm, kênh"), max_length=300, blank=True)
    village = models.ForeignKey(
        "places.Village",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("thôn, tổ dân phố"),
    )
    audience_type = models.CharField(_("đối tượng"), max_length=24, choices=AudienceType.choices)
    audience_count = models.PositiveIntegerField(
        _("số người tham dự"),
        null=True,
        blank=True,
        help_text=_("Để trống nếu không đếm được (phát sóng, đăng báo)."),
    )
    unit_codes = models.JSONField(_("chỉ số PAPI được đề cập"), default=list, blank=True)
    description = models.TextField(_("nội dung"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("hoạt động tập huấn, tuyên truyền")
        verbose_name_plural = _("hoạt động tập huấn, tuyên truyền")
        indexes = [models.Index(fields=["province", "held_on"], name="activity_province_date")]

    def __str__(self) -> str:
        return self.title


class PlaceType(models.TextChoices):
    COMMUNE_OFFICE = "commune_office", _("Trụ sở UBND cấp xã")
    VILLAGE_HALL = "village_hall", _("Nhà văn hóa thôn, tổ dân phố")


class Posting(models.Model):
    """The task framework posted (niêm yết) at one place of one commune, and when last checked."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="postings")
    commune = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="postings",
        verbose_name=_("xã, phường, thị trấn"),
    )
    place_type = models.CharField(_("nơi niêm yết"), max_length=20, choices=PlaceType.choices)
    village = models.ForeignKey(
        "places.Village",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="postings",
        verbose_name=_("thôn, tổ dân phố"),
    )
    place = models.CharField(_("địa chỉ, tên thôn"), max_length=300)
    posted_on = models.DateField(_("ngày niêm yết"))
    checked_on = models.DateField(_("ngày kiểm tra lại"), null=True, blank=True)
    still_posted = models.BooleanField(_("còn niêm yết khi kiểm tra"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["commune__name", "posted_on", "id"]
        verbose_name = _("niêm yết Bộ khung nhiệm vụ")
        verbose_name_plural = _("niêm yết Bộ khung nhiệm vụ")

    def __str__(self) -> str:
        return f"{self.commune} — {self.place}"


class PostingTask(models.Model):
    """The plan's task that postings count for (II.2.b: "niêm yết tại trụ sở UBND cấp xã, trụ sở
    thôn/tổ dân phố"): each assignment's progress follows its area's posting coverage."""

    plan = models.OneToOneField(Plan, on_delete=models.CASCADE, related_name="posting_task")
    task = models.ForeignKey(
        "plans.Task", on_delete=models.CASCADE, related_name="+", verbose_name=_("nhiệm vụ")
    )

    class Meta:
        verbose_name = _("nhiệm vụ niêm yết")
        verbose_name_plural = _("nhiệm vụ niêm yết")

    def __str__(self) -> str:
        return str(self.task)


def attachment_path(instance: Attachment, filename: str) -> str:
    # Random stored names: the original name is kept in the row, never used on disk.
    import uuid

    return f"activities/{instance.province_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """Evidence of a finding, an activity or a posting: an uploaded file or a link."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    finding = models.ForeignKey(
        "activities.Finding",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    posting = models.ForeignKey(
        Posting, on_delete=models.CASCADE, null=True, blank=True, related_name="attachments"
    )
    file = models.FileField(upload_to=attachment_path, max_length=200, blank=True)
    url = models.URLField(_("đường dẫn"), max_length=500, blank=True)
    original_name = models.CharField(_("tên tệp"), max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = SiteClockDateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(finding__isnull=False, activity__isnull=True, posting__isnull=True)
                    | Q(finding__isnull=True, activity__isnull=False, posting__isnull=True)
                    | Q(finding__isnull=True, activity__isnull=True, posting__isnull=False)
                ),
                name="attachment_one_owner",
            ),
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="attachment_file_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.original_name or self.url

    @property
    def is_link(self) -> bool:
        return not self.file
