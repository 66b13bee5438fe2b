"""Inspections (kiểm tra, section II.3 of the plan) and Fatherland Front supervision visits.

An inspection plan says who inspects whom, when, on which PAPI areas and tasks; each visit gets a
checklist generated from the inspected agency's assignments; findings carry evidence; a
recommendation becomes a follow-up task of the workspace (so it shows in the agency's
assignments and on the dashboards) and stays open until the coordinator closes it.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, Province
from chiso.plans.models import Assignment, Plan, Task
from chiso.plans.status import Status
from chiso.site.clock import SiteClockDateTimeField


class InspectionKind(models.TextChoices):
    HOME_AFFAIRS = "home_affairs", _("Đoàn kiểm tra của Sở Nội vụ")
    SECTOR = "sector", _("Kiểm tra của cơ quan hướng dẫn, kiểm tra")
    DISTRICT = "district", _("Kiểm tra của UBND cấp huyện")
    FRONT_SUPERVISION = "front_supervision", _("Giám sát của Mặt trận Tổ quốc")


class InspectionPlan(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="inspection_plans", verbose_name=_("kế hoạch")
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    title = models.CharField(_("tên kế hoạch kiểm tra"), max_length=300)
    kind = models.CharField(_("hình thức"), max_length=24, choices=InspectionKind.choices)
    lead_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan kiểm tra")
    )
    targets = models.ManyToManyField(
        Agency, related_name="inspection_plans", verbose_name=_("đối tượng kiểm tra")
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    unit_codes = models.JSONField(_("chỉ số PAPI liên quan"), default=list, blank=True)
    tasks = models.ManyToManyField(
        Task, blank=True, related_name="inspection_plans", verbose_name=_("nhiệm vụ được kiểm tra")
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-year", "starts_on", "id"]
        verbose_name = _("kế hoạch kiểm tra")
        verbose_name_plural = _("kế hoạch kiểm tra")

    def __str__(self) -> str:
        return self.title


class VisitState(models.TextChoices):
    PLANNED = "planned", _("Dự kiến")
    DONE = "done", _("Đã kiểm tra")


class InspectionVisit(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    inspection_plan = models.ForeignKey(
        InspectionPlan, on_delete=models.CASCADE, related_name="visits"
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="inspection_visits",
        verbose_name=_("cơ quan được kiểm tra"),
    )
    visited_on = models.DateField(_("ngày kiểm tra"))
    place = models.CharField(_("địa điểm"), max_length=300)
    members = models.TextField(_("thành phần đoàn"), help_text=_("Mỗi người một dòng."))
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=VisitState.choices, default=VisitState.PLANNED
    )
    conclusion = models.TextField(_("kết luận chung"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["visited_on", "id"]
        verbose_name = _("đợt kiểm tra")
        verbose_name_plural = _("đợt kiểm tra")
        indexes = [models.Index(fields=["province", "agency"], name="visit_province_agency")]

    def __str__(self) -> str:
        return f"{self.agency} — {self.visited_on:%d/%m/%Y}"

    def member_list(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]


class ChecklistItem(models.Model):
    """One line of the visit's checklist: an assignment of the inspected agency, or a PAPI
    sub-dimension of the plan's areas that no assignment covers."""

    visit = models.ForeignKey(InspectionVisit, on_delete=models.CASCADE, related_name="checklist")
    assignment = models.ForeignKey(
        Assignment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    unit_codes = models.JSONField(default=list, blank=True)
    text = models.CharField(_("nội dung kiểm tra"), max_length=600)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["visit", "order", "id"]

    def __str__(self) -> str:
        return self.text


class Verdict(models.TextChoices):
    COMPLIANT = "compliant", _("Đạt yêu cầu")
    SHORTCOMING = "shortcoming", _("Còn hạn chế")
    VIOLATION = "violation", _("Vi phạm")


VERDICT_TONE = {Verdict.COMPLIANT: "ok", Verdict.SHORTCOMING: "warn", Verdict.VIOLATION: "bad"}


class Finding(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    visit = models.ForeignKey(InspectionVisit, on_delete=models.CASCADE, related_name="findings")
    checklist_item = models.ForeignKey(
        ChecklistItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="findings",
        verbose_name=_("nội dung kiểm tra"),
    )
    verdict = models.CharField(_("kết quả"), max_length=16, choices=Verdict.choices)
    description = models.TextField(_("nhận xét"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = SiteClockDateTimeField(auto_now_add=True)
    response = models.TextField(_("giải trình của đơn vị"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["visit", "id"]
        verbose_name = _("kết quả kiểm tra")
        verbose_name_plural = _("kết quả kiểm tra")

    def __str__(self) -> str:
        return f"{self.get_verdict_display()}: {self.description[:80]}"

    @property
    def tone(self) -> str:
        return VERDICT_TONE[Verdict(self.verdict)]


class FollowUpState(models.TextChoices):
    NO_TASK = "no_task", _("Chưa giao nhiệm vụ")
    CLOSED = "closed", _("Đã đóng")


class Recommendation(models.Model):
    """A recommendation (kiến nghị) of a finding; its follow-up task lives in the workspace."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("kiến nghị, yêu cầu khắc phục"))
    deadline = models.DateField(_("thời hạn khắc phục"))
    follow_up_task = models.OneToOneField(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendation"
    )
    closed_on = models.DateField(_("ngày đóng"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closing_note = models.TextField(_("ý kiến khi đóng"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["finding", "id"]
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")

    def __str__(self) -> str:
        return self.text[:120]

    def follow_up_assignment(self) -> Assignment | None:
        if self.follow_up_task is None:
            return None
        agency_id = self.finding.visit.agency_id
        return next(
            (a for a in self.follow_up_task.assignments.all() if a.agency_id == agency_id), None
        )

    def follow_up_status(self, today: dt.date) -> tuple[str, str]:
        """(code, label): closed, no task yet, or the follow-up assignment's derived status."""
        if self.closed_on is not None:
            return FollowUpState.CLOSED.value, str(FollowUpState.CLOSED.label)
        assignment = self.follow_up_assignment()
        if assignment is None:
            return FollowUpState.NO_TASK.value, str(FollowUpState.NO_TASK.label)
        status = assignment.status(today)
        return status.value, str(status.label)

    def is_overdue(self, today: dt.date) -> bool:
        return self.follow_up_status(today)[0] == Status.OVERDUE.value
