"""Work that counts: an activity, a posting, an inspection visit or a survey-support task
linked to the assignment it fulfils. It then shows in that assignment's report thread as
evidence and can be sent as (part of) a progress report in one step (`report`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Province
from chiso.activities.models.inspections import InspectionVisit
from chiso.activities.models.outreach import Activity, Posting
from chiso.activities.models.survey import LogisticsTask
from chiso.plans.models import Assignment, ProgressReport

# The kinds of work a link can name, one column each: exactly one is set.
SOURCES = ("activity", "posting", "visit", "logistics")


class WorkLink(models.Model):
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    assignment = models.ForeignKey(
        Assignment,
        on_delete=models.CASCADE,
        related_name="work_links",
        verbose_name=_("nhiệm vụ được giao"),
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, null=True, blank=True, related_name="work_links"
    )
    posting = models.ForeignKey(
        Posting, on_delete=models.CASCADE, null=True, blank=True, related_name="work_links"
    )
    visit = models.ForeignKey(
        InspectionVisit, on_delete=models.CASCADE, null=True, blank=True, related_name="work_links"
    )
    logistics = models.ForeignKey(
        LogisticsTask, on_delete=models.CASCADE, null=True, blank=True, related_name="work_links"
    )
    # The progress report the work was sent in, once sent.
    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_links",
        verbose_name=_("báo cáo tiến độ"),
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assignment", "linked_at", "id"]
        verbose_name = _("công việc tính cho nhiệm vụ")
        verbose_name_plural = _("công việc tính cho nhiệm vụ")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(activity__isnull=False, posting__isnull=True, visit__isnull=True)
                    & Q(logistics__isnull=True)
                )
                | (
                    Q(activity__isnull=True, posting__isnull=False, visit__isnull=True)
                    & Q(logistics__isnull=True)
                )
                | (
                    Q(activity__isnull=True, posting__isnull=True, visit__isnull=False)
                    & Q(logistics__isnull=True)
                )
                | (
                    Q(activity__isnull=True, posting__isnull=True, visit__isnull=True)
                    & Q(logistics__isnull=False)
                ),
                name="worklink_one_source",
            ),
            *(
                models.UniqueConstraint(
                    fields=["assignment", source],
                    condition=Q(**{f"{source}__isnull": False}),
                    name=f"worklink_unique_{source}",
                )
                for source in SOURCES
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} → {self.assignment}"

    @property
    def source(self) -> Activity | Posting | InspectionVisit | LogisticsTask:
        for name in SOURCES:
            value = getattr(self, name)
            if value is not None:
                return value
        raise ValueError("a work link names one piece of work")
