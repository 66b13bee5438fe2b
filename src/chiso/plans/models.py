"""Plans, their objectives and sections, tasks, assignments, progress reports and evidence.

Status of an assignment is derived from dates and accepted reports (see `status.py`), never typed.
Rows that two people may edit at once carry a `version` for optimistic locking (see services).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, AgencyGroup, Province
from chiso.plans.schedule import PeriodStatus, period_status
from chiso.plans.status import Status, assignment_status, next_due
from chiso.site import clock
from chiso.site.clock import SiteClockDateTimeField

# The revision scope of one task's work (chiso.audit.models.ScopeRevision): changes to its
# assignments, their reports and periods, "task:12".
TASK_SCOPE = "task:"


def task_scope(task_id: int) -> str:
    """`TASK_SCOPE` of one task. Sub-assignments share their parent's task, so a report that
    rolls up to the parent retires the parent's page too."""
    return f"{TASK_SCOPE}{task_id}"


class Plan(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="plans")
    index = models.CharField(_("chỉ số"), max_length=20, default="PAPI")
    number = models.CharField(_("số, ký hiệu"), max_length=60)
    title = models.CharField(_("trích yếu"), max_length=300)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan ban hành"),
    )
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    year = models.PositiveSmallIntegerField(_("năm kế hoạch"))
    baseline_year = models.PositiveSmallIntegerField(_("năm cơ sở"))
    report_due = models.DateField(_("hạn báo cáo kết quả"), null=True, blank=True)
    is_public = models.BooleanField(_("công khai"), default=False)
    version = models.PositiveIntegerField(default=1)
    created_at = SiteClockDateTimeField(auto_now_add=True)
    updated_at = SiteClockDateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "number"]
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        constraints = [
            models.UniqueConstraint(fields=["province", "number"], name="plan_unique_number")
        ]

    def __str__(self) -> str:
        return self.heading

    @property
    def has_number(self) -> bool:
        """Whether `number` is a real number ("74/KH-UBND"), not a placeholder ("…/KH-UBND")
        kept until the plan is issued: a placeholder is never shown as a name."""
        return any(c.isdigit() for c in self.number.split("/")[0])

    @property
    def label(self) -> str:
        """The short name in links, breadcrumbs, menus, selects and page titles: the number, or
        while the number is a placeholder `year_label` ("Kế hoạch PCI năm 2024")."""
        return self.number if self.has_number else self.year_label

    @property
    def year_label(self) -> str:
        """The plan by its index and year, "Kế hoạch PAPI năm 2023" / "PAPI plan for 2023".
        The index is always named, not only beside another plan of the year: a province's PAPI
        and PCI plans of 2024 both read "Kế hoạch năm 2024" before, and a name that changed the
        day another plan was drafted would rename links and bookmarks people know."""
        return str(_("Kế hoạch %(index)s năm %(year)s") % {"index": self.index, "year": self.year})

    @property
    def file_tag(self) -> str:
        """The plan in a document's file name: "2023" for a PAPI plan (names kept as they were),
        "pci-2024" for another index, so that two plans of one year never share a file name."""
        if self.index == "PAPI":
            return str(self.year)
        return f"{slugify(self.index)}-{self.year}"

    @property
    def heading(self) -> str:
        """Number and title ("74/KH-UBND — Kế hoạch …"), or the title alone without a number."""
        return f"{self.number} — {self.title}" if self.has_number else self.title


class ObjectiveKind(models.TextChoices):
    AGGREGATE_SCORE_MIN = "aggregate_score_min", _("Điểm tổng hợp tối thiểu")
    AGGREGATE_INCREASE_MIN = "aggregate_increase_min", _("Mức tăng điểm tổng hợp tối thiểu")
    AGGREGATE_TIER_MIN = "aggregate_tier_min", _("Nhóm điểm tổng hợp tối thiểu")
    AGGREGATE_RANK_MAX = "aggregate_rank_max", _("Thứ hạng tổng hợp tối thiểu")
    AGGREGATE_RANK_IMPROVES = "aggregate_rank_improves", _("Tăng thứ hạng tổng hợp")
    DIMENSIONS_TIER_MIN_ALL = "dimensions_tier_min_all", _("Mọi chỉ số nội dung đạt nhóm")
    DIMENSIONS_TIER_MIN_COUNT = "dimensions_tier_min_count", _("Số chỉ số nội dung đạt nhóm")
    DIMENSIONS_ALL_IMPROVE = "dimensions_all_improve", _("Mọi chỉ số nội dung tăng điểm")
    UNIT_SCORE_MIN = "unit_score_min", _("Điểm tối thiểu của một chỉ số")
    UNIT_TIER_MIN = "unit_tier_min", _("Nhóm tối thiểu của một chỉ số")
    UNIT_IMPROVES = "unit_improves", _("Một chỉ số tăng điểm")


class Tier(models.TextChoices):
    HIGH = "high", _("Cao")
    HIGH_AVERAGE = "high_average", _("Trung bình cao")
    LOW_AVERAGE = "low_average", _("Trung bình thấp")
    LOW = "low", _("Thấp")


class Objective(models.Model):
    """One objective of a plan; the same fields as the core's ObjectiveSpec (plan file format)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    code = models.CharField(_("mã"), max_length=20)
    text = models.TextField(_("nội dung mục tiêu"))
    kind = models.CharField(_("loại"), max_length=40, choices=ObjectiveKind.choices)
    value = models.DecimalField(_("giá trị"), max_digits=8, decimal_places=4, null=True, blank=True)
    tier = models.CharField(_("nhóm"), max_length=20, choices=Tier.choices, blank=True)
    count = models.PositiveSmallIntegerField(_("số lượng"), null=True, blank=True)
    # The index the objective is on: a plan may hold objectives on several ("PCI ≥ 68 điểm"
    # in a PAPI plan); each is judged on its own index's results and framework.
    index = models.CharField(_("chỉ số"), max_length=20, default="PAPI")
    unit = models.CharField(_("chỉ số/nội dung"), max_length=30, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("mục tiêu")
        verbose_name_plural = _("mục tiêu")
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="objective_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.text}"


class Section(models.Model):
    """A part of the plan ("II.1", "II.2.a") grouping tasks."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    code = models.CharField(_("mục"), max_length=20)
    title = models.CharField(_("tên mục"), max_length=300)
    order = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("mục")
        verbose_name_plural = _("mục")
        constraints = [models.UniqueConstraint(fields=["plan", "code"], name="section_unique_code")]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class ReportingPeriod(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")


class ReportSchedule(models.TextChoices):
    """Per-period reports the agencies owe (chiso.plans.schedule); empty: one final report."""

    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    HALF_YEARLY = "half_yearly", _("6 tháng")
    YEARLY = "yearly", _("Hằng năm")
    DATES = "dates", _("Theo ngày cụ thể")


class Task(models.Model):
    """A task of the framework (Bộ khung nhiệm vụ), linked to PAPI units, assigned to agencies."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="tasks")
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey(
        Section,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("mục"),
    )
    code = models.CharField(_("STT"), max_length=20, blank=True)
    title = models.CharField(_("nhiệm vụ"), max_length=500)
    description = models.TextField(_("mô tả"), blank=True)
    lead_group = models.ForeignKey(
        AgencyGroup,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("nhóm chủ trì"),
    )
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    recurring = models.BooleanField(_("thường xuyên"), default=False)
    reporting_period = models.CharField(
        _("kỳ báo cáo"), max_length=20, choices=ReportingPeriod.choices, blank=True
    )
    expected_output = models.TextField(_("sản phẩm"), blank=True)
    # `reporting_period` above is the plan's wording ("báo cáo định kỳ hằng quý"); the schedule
    # is what chiso enforces: each period a due report (ReportPeriod) per assignment.
    report_schedule = models.CharField(
        _("lịch báo cáo theo kỳ"), max_length=20, choices=ReportSchedule.choices, blank=True
    )
    report_dates = models.JSONField(_("các ngày báo cáo"), default=list, blank=True)
    schedule_start = models.DateField(_("tính kỳ báo cáo từ ngày"), null=True, blank=True)
    is_public = models.BooleanField(_("công khai"), default=True)
    # Given during the year on top of the issued plan (a remedy after an inspection, a
    # direction of the People's Committee): tracked like any task, never printed in the plan.
    follow_up = models.BooleanField(_("nhiệm vụ phát sinh"), default=False)
    order = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    updated_at = SiteClockDateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        indexes = [models.Index(fields=["province", "deadline"], name="task_province_deadline")]

    def __str__(self) -> str:
        return f"{self.code} {self.title}".strip()

    def units_of(self, index: str) -> list[TaskUnit]:
        """The task's units of one index (from the prefetched `units` when there are)."""
        return [u for u in self.units.all() if u.index == index]


class TaskUnit(models.Model):
    """A unit of an index the task works on: a PAPI dimension, sub-dimension or indicator
    ("5", "2.4"), a PCI component ("time_costs"), a PAR INDEX area ("3"). One task may work on
    units of several indices (a one-stop shop helps PAPI 5, PCI time costs and PAR INDEX 3)."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="units")
    index = models.CharField(_("chỉ số"), max_length=20, default="PAPI")
    unit_code = models.CharField(_("mã chỉ số"), max_length=30)

    class Meta:
        ordering = ["task", "index", "unit_code"]
        constraints = [
            models.UniqueConstraint(fields=["task", "index", "unit_code"], name="taskunit_unique")
        ]
        indexes = [models.Index(fields=["index", "unit_code"], name="taskunit_code")]

    def __str__(self) -> str:
        return self.unit_code if self.index == "PAPI" else f"{self.index}:{self.unit_code}"


class Relation(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    COORDINATE = "coordinate", _("Phối hợp")
    REQUEST = "request", _("Đề nghị")


class AssignmentQuerySet(models.QuerySet["Assignment"]):
    def top_level(self) -> AssignmentQuerySet:
        """The province's own assignments, without the sub-assignments agencies made of them
        (a parent's progress and completion already carry its children's: chiso.plans.rollup)."""
        return self.filter(parent__isnull=True)


class Assignment(models.Model):
    """One agency's part in a task. `completed_on` is set when a final report is accepted.

    An agency may split its assignment into sub-assignments for the agencies under it
    (`parent`, any depth). `own_progress`/`own_completed_on` are what the agency's own accepted
    reports say; `progress`/`completed_on` are the rolled-up values (chiso.plans.rollup), equal
    to the own ones for an assignment without sub-assignments."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="assignments")
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="assignments")
    relation = models.CharField(
        _("quan hệ"), max_length=20, choices=Relation.choices, default=Relation.LEAD
    )
    via_group = models.ForeignKey(
        AgencyGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("phân công cấp trên"),
    )
    # The ids of every assignment above this one, "/12/57/" (empty at the top): who may read
    # a sub-assignment (the agencies above it) is one indexed test, whatever the depth.
    lineage = models.CharField(max_length=255, blank=True, default="", editable=False)
    # Lead (chủ trì) or coordinating (phối hợp) part. `relation` says "request" for bodies the
    # province cannot order whichever part they play, so the part itself is kept here.
    leads = models.BooleanField(_("chủ trì"), default=True)
    deadline = models.DateField(_("thời hạn"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    started_on = models.DateField(_("ngày bắt đầu"), null=True, blank=True)
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    own_progress = models.PositiveSmallIntegerField(
        _("tiến độ phần việc của cơ quan (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    own_completed_on = models.DateField(
        _("ngày cơ quan hoàn thành phần việc"), null=True, blank=True
    )
    last_report_at = models.DateTimeField(_("báo cáo gần nhất"), null=True, blank=True)
    # The due date of the earliest period with no report yet (kept by the period services):
    # a missing period report makes the assignment overdue like a missed deadline.
    period_due = models.DateField(_("hạn báo cáo kỳ"), null=True, blank=True)
    # This agency's own reporting schedule, when the coordinator gives it one (a district that
    # reports monthly on a quarterly task); empty: the task's (chiso.plans.services.periods).
    report_schedule = models.CharField(
        _("lịch báo cáo riêng"), max_length=20, choices=ReportSchedule.choices, blank=True
    )
    report_dates = models.JSONField(_("các ngày báo cáo riêng"), default=list, blank=True)
    version = models.PositiveIntegerField(default=1)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["task", "agency__name"]
        verbose_name = _("phân công")
        verbose_name_plural = _("phân công")
        constraints = [
            models.UniqueConstraint(fields=["task", "agency"], name="assignment_unique_agency")
        ]
        indexes = [
            models.Index(fields=["province", "agency"], name="assignment_province_agency"),
            # The API's lists: a province's assignments in the task order, read one page at a
            # time (the overdue filter checked on the rows as they come).
            models.Index(fields=["province", "task", "id"], name="assignment_province_task"),
            # The same for the open ones (the overdue list): the deadline columns as trailing keys
            # let PostgreSQL check the overdue filter and count the rows from the index alone,
            # without reading every open assignment of the province from the table.
            models.Index(
                fields=["province", "task", "id", "deadline", "period_due"],
                condition=models.Q(completed_on__isnull=True),
                name="assignment_open_task",
            ),
            models.Index(fields=["province", "deadline"], name="assignment_province_deadline"),
            # Overdue and due-soon lists and reminders read only open assignments by deadline;
            # finished ones pile up year after year and would otherwise be scanned and dropped.
            models.Index(
                fields=["province", "deadline"],
                condition=models.Q(completed_on__isnull=True),
                name="assignment_open_deadline",
            ),
            models.Index(
                fields=["province", "period_due"],
                condition=models.Q(completed_on__isnull=True, period_due__isnull=False),
                name="assignment_open_period_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.task} — {self.agency}"

    def revision_scope(self) -> str:
        """Audited changes of an assignment retire only its task's cached pages (and the
        province-wide ones)."""
        return task_scope(self.task_id)

    @property
    def next_due(self) -> dt.date | None:
        """What the agency owes next: the deadline, or an earlier period report."""
        return next_due(self.deadline, self.period_due)

    def status(self, today: dt.date | None = None) -> Status:
        return assignment_status(
            self.deadline,
            self.period_due,
            self.completed_on,
            self.last_report_at,
            self.progress,
            today or clock.today(),
        )


class ReportState(models.TextChoices):
    AWAITING_HEAD = "awaiting_head", _("Chờ lãnh đạo cơ quan duyệt")
    SUBMITTED = "submitted", _("Chờ duyệt")
    ACCEPTED = "accepted", _("Đã chấp nhận")
    RETURNED = "returned", _("Trả lại")


class ProgressReport(models.Model):
    """A report in an assignment's thread. A returned report stays; the revision is a new row."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="reports")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reports")
    revises = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="revisions"
    )
    period = models.ForeignKey(
        "ReportPeriod",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("kỳ báo cáo"),
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    submitted_at = SiteClockDateTimeField(_("ngày gửi"), auto_now_add=True, db_index=True)
    narrative = models.TextField(_("nội dung báo cáo"))
    figures = models.TextField(_("số liệu"), blank=True)
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    is_final = models.BooleanField(_("báo cáo hoàn thành nhiệm vụ"), default=False)
    state = models.CharField(
        _("trạng thái"), max_length=20, choices=ReportState.choices, default=ReportState.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)
    review_comment = models.TextField(_("ý kiến của Sở Nội vụ"), blank=True)
    # The agency head's sign-off, where the province asks for it (ReportingSettings).
    head_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    head_reviewed_at = models.DateTimeField(_("ngày lãnh đạo cơ quan duyệt"), null=True, blank=True)
    head_comment = models.TextField(_("ý kiến của lãnh đạo cơ quan"), blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["assignment", "submitted_at", "id"]
        verbose_name = _("báo cáo tiến độ")
        verbose_name_plural = _("báo cáo tiến độ")
        indexes = [
            models.Index(fields=["province", "state"], name="report_province_state"),
            # The review inbox: a province's waiting reports, oldest first, one page at a time.
            models.Index(
                fields=["province", "submitted_at", "id"],
                condition=models.Q(state="submitted"),
                name="report_waiting",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assignment.agency} — {self.submitted_at:%d/%m/%Y}"

    def revision_scope(self) -> str:
        return task_scope(self.assignment.task_id)


class ReportPeriod(models.Model):
    """One period's due report of one assignment. Its status derives from the dates (see
    chiso.plans.schedule.period_status); `submitted_on` is the first report's day (kept when the
    report is returned: the agency sent it in time), `accepted_on` when one was accepted."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="periods")
    starts_on = models.DateField(_("từ ngày"))
    due_on = models.DateField(_("hạn báo cáo"))
    submitted_on = models.DateField(_("ngày gửi báo cáo"), null=True, blank=True)
    accepted_on = models.DateField(_("ngày chấp nhận"), null=True, blank=True)

    class Meta:
        ordering = ["assignment", "due_on"]
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["assignment", "due_on"], name="period_unique_due")
        ]
        indexes = [models.Index(fields=["province", "due_on"], name="period_province_due")]

    def __str__(self) -> str:
        return f"{self.starts_on:%d/%m/%Y} – {self.due_on:%d/%m/%Y}"

    def revision_scope(self) -> str:
        return task_scope(self.assignment.task_id)

    def status(self, today: dt.date, soon_days: int) -> PeriodStatus:
        return period_status(self.due_on, self.submitted_on, self.accepted_on, today, soon_days)


def evidence_path(instance: Evidence, filename: str) -> str:
    # Random-looking stored names: the original name is kept in the row, never used on disk.
    import uuid

    return f"evidence/{instance.province_id}/{uuid.uuid4().hex}"


class Evidence(models.Model):
    """A file attached to a report; served only through a permission-checked view."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=200)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = SiteClockDateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["report", "id"]
        verbose_name = _("tệp minh chứng")
        verbose_name_plural = _("tệp minh chứng")

    def __str__(self) -> str:
        return self.original_name


class ReportingSettings(models.Model):
    """How a province runs its report review. Nobody accepts their own report: the coordinating
    agency (Sở Nội vụ) reports on its own assignments too, and `own_reports_reviewer` (another
    coordinator, or provincial leadership) reviews those; left empty, any coordinator other than
    the author does."""

    province = models.OneToOneField(
        Province, on_delete=models.CASCADE, related_name="reporting_settings"
    )
    coordinating_agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan điều phối kế hoạch"),
    )
    own_reports_reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"role__in": ["coordinator", "leadership"]},
        verbose_name=_("người duyệt báo cáo của cơ quan điều phối"),
        help_text=_("Một cán bộ điều phối khác, hoặc lãnh đạo tỉnh."),
    )
    signoff_agencies = models.ManyToManyField(
        Agency,
        blank=True,
        related_name="+",
        verbose_name=_("cơ quan cần lãnh đạo cơ quan duyệt báo cáo trước"),
        help_text=_(
            "Báo cáo của chuyên viên các cơ quan này đến lãnh đạo cơ quan duyệt trước khi "
            "gửi Sở Nội vụ."
        ),
    )

    class Meta:
        verbose_name = _("cài đặt báo cáo")
        verbose_name_plural = _("cài đặt báo cáo")

    def __str__(self) -> str:
        return str(self.province)
