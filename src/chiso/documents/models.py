"""A requested document: generated in the background, its progress polled by the page, the file
kept for download by people of the same province."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.documents.period import PeriodKind
from chiso.plans.models import Plan
from chiso.site import clock
from chiso.site.clock import SiteClockDateTimeField

# A job still queued or running after this long lost its worker (e.g. the server restarted).
STALE_AFTER = dt.timedelta(minutes=20)


class DocumentKind(models.TextChoices):
    RESULTS = "results", _("Báo cáo kết quả thực hiện kế hoạch")
    ANALYSIS = "analysis", _("Báo cáo phân tích kết quả chỉ số")
    PLAN = "plan", _("Văn bản kế hoạch")
    ANNEX = "annex", _("Phụ lục: danh sách phân công (Excel)")
    CONSOLIDATED = "consolidated", _("Báo cáo tổng hợp theo kỳ")


class DocumentFormat(models.TextChoices):
    DOCX = "docx", "DOCX (Word)"
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "XLSX (Excel)"


class JobState(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


def document_path(instance: DocumentJob, filename: str) -> str:
    # Random stored names: the download name is kept in the row, never used on disk.
    return f"documents/{instance.province_id}/{uuid.uuid4().hex}.{instance.fmt}"


class DocumentJob(models.Model):
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    fmt = models.CharField(_("định dạng"), max_length=8, choices=DocumentFormat.choices)
    plan = models.ForeignKey(
        Plan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kế hoạch"),
    )
    year = models.PositiveSmallIntegerField(_("năm"), null=True, blank=True)
    # The index an analysis report is about (PAPI, PCI, PAR_INDEX, SIPAS).
    index = models.CharField(_("chỉ số"), max_length=20, default="PAPI")
    draft = models.ForeignKey(
        "ConsolidatedDraft",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="jobs",
        verbose_name=_("báo cáo tổng hợp"),
    )
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    step = models.CharField(_("bước"), max_length=200, blank=True)
    error = models.TextField(_("lỗi"), blank=True)
    file = models.FileField(upload_to=document_path, max_length=200, blank=True)
    filename = models.CharField(_("tên tệp"), max_length=200, blank=True)
    created_at = SiteClockDateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("yêu cầu tạo văn bản")
        verbose_name_plural = _("yêu cầu tạo văn bản")
        indexes = [models.Index(fields=["province", "-created_at"], name="docjob_province_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.fmt})"

    @property
    def index_label(self) -> str:
        """As people write it: "PAR INDEX", not the code."""
        return self.index.replace("_", " ")

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    def is_stale(self, now: dt.datetime | None = None) -> bool:
        """Unfinished long after it was asked for: its worker is gone."""
        return not self.finished and (now or clock.now()) - self.created_at > STALE_AFTER


class PlanText(models.Model):
    """The words of a plan document that are not task data: the opening, purpose, requirements,
    the objectives as worded in the plan, the implementation clauses, the closing sentence and
    the recipients. Each is editable; a blank part is generated from the plan's data."""

    plan = models.OneToOneField(
        Plan, on_delete=models.CASCADE, related_name="document_text", verbose_name=_("kế hoạch")
    )
    preamble = models.TextField(
        _("phần mở đầu"), blank=True, help_text=_("Để trống: viết từ kết quả năm cơ sở.")
    )
    purpose = models.TextField(_("mục đích"), blank=True, help_text=_("Mỗi dòng một ý."))
    requirements = models.TextField(_("yêu cầu"), blank=True, help_text=_("Mỗi dòng một ý."))
    objectives = models.TextField(
        _("mục tiêu (lời văn)"),
        blank=True,
        help_text=_("Mỗi dòng một ý. Để trống: in các mục tiêu đã khai báo của kế hoạch."),
    )
    implementation = models.TextField(
        _("tổ chức thực hiện"),
        blank=True,
        help_text=_("Mỗi dòng một khoản. Để trống: viết từ hạn báo cáo của kế hoạch."),
    )
    closing = models.TextField(_("câu kết"), blank=True)
    recipients = models.TextField(
        _("nơi nhận"),
        blank=True,
        help_text=_("Mỗi dòng một nơi nhận. Để trống: dùng danh sách mặc định của tỉnh."),
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("lời văn kế hoạch")
        verbose_name_plural = _("lời văn kế hoạch")

    def __str__(self) -> str:
        return str(self.plan)


class RecipientList(models.Model):
    """A reusable "Nơi nhận" list of a province; the default one of a kind fills new documents."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("tên danh sách"), max_length=120)
    kind = models.CharField(_("dùng cho"), max_length=20, choices=DocumentKind.choices, blank=True)
    lines = models.TextField(_("nơi nhận"), help_text=_("Mỗi dòng một nơi nhận."))
    is_default = models.BooleanField(_("mặc định cho loại văn bản này"), default=False)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("danh sách nơi nhận")
        verbose_name_plural = _("danh sách nơi nhận")
        constraints = [
            models.UniqueConstraint(fields=["province", "name"], name="recipientlist_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    def as_tuple(self) -> tuple[str, ...]:
        return split_lines(self.lines)


def split_lines(text: str) -> tuple[str, ...]:
    """One item a line; the bullet marks and end punctuation a person may type are dropped (the
    document adds its own)."""
    items = (line.strip().lstrip("-+•").strip() for line in text.splitlines())
    return tuple(item for item in items if item)


class RegisterCounter(models.Model):
    """The last number given in one register: a province's documents of one year and one symbol
    ("KH-UBND", "BC-SNV"). Numbers are taken with this row locked, so two officers issuing at the
    same moment never get the same number."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    symbol = models.CharField(max_length=40)
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["province", "year", "symbol"], name="registercounter_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.symbol}: {self.last}"


def register_path(instance: RegisterEntry, filename: str) -> str:
    return f"register/{instance.province_id}/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1]}"


class RegisterEntry(models.Model):
    """One issued document in the province's register: its number, date and signer, and the
    frozen file with its SHA-256. Never changed after issue; a correction is a new entry with the
    same number that names the entry it corrects."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("năm"))
    symbol = models.CharField(_("ký hiệu"), max_length=40)
    seq = models.PositiveIntegerField(_("số"))
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    fmt = models.CharField(_("định dạng"), max_length=8, choices=DocumentFormat.choices)
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    results_year = models.PositiveSmallIntegerField(null=True, blank=True)
    summary = models.CharField(_("trích yếu"), max_length=300)
    issued_on = models.DateField(_("ngày ban hành"))
    signer = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = SiteClockDateTimeField(auto_now_add=True)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name=_("đính chính văn bản"),
    )
    note = models.TextField(_("lý do đính chính"), blank=True)
    job = models.OneToOneField(
        DocumentJob, on_delete=models.PROTECT, null=True, blank=True, related_name="register_entry"
    )
    file = models.FileField(upload_to=register_path, max_length=200, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    frozen_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("văn bản đã ban hành")
        verbose_name_plural = _("sổ văn bản đi")
        constraints = [
            # The backstop of the locked counter: one original per number in a register.
            models.UniqueConstraint(
                fields=["province", "year", "symbol", "seq"],
                condition=models.Q(corrects__isnull=True),
                name="registerentry_unique_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} — {self.summary}"[:300]


class ConsolidatedDraft(models.Model):
    """A consolidated report being prepared for one plan and period: the officer's words for
    parts IV–VI (prefilled from the facts when the draft is made). Parts I–III and the annex are
    written from the data each time the report is previewed or generated."""

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="+")
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="+", verbose_name=_("kế hoạch")
    )
    period_kind = models.CharField(_("kỳ báo cáo"), max_length=10, choices=PeriodKind.choices)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    limitations = models.TextField(_("tồn tại, hạn chế"), blank=True)
    causes = models.TextField(_("nguyên nhân"), blank=True)
    directions = models.TextField(_("phương hướng, nhiệm vụ thời gian tới"), blank=True)
    proposals = models.TextField(_("kiến nghị, đề xuất"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    updated_at = SiteClockDateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("báo cáo tổng hợp (dự thảo)")
        verbose_name_plural = _("báo cáo tổng hợp (dự thảo)")

    def __str__(self) -> str:
        return f"{self.plan} — {self.starts_on:%d/%m/%Y}–{self.ends_on:%d/%m/%Y}"
