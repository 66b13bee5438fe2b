"""The plan's supervision loop (issue 20): difficulties raised by agencies and the Fatherland
Front's supervision recommendations, tracked to an answer, a resolution or the People's
Committee's direction.

The seed asks it three times (II.3.a, II.3.b, III.2): Sở Nội vụ and the guiding agencies
"hướng dẫn, tháo gỡ khó khăn, vướng mắc hoặc tham mưu UBND tỉnh chỉ đạo xử lý (nếu có)".
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, Province
from chiso.plans.models import Assignment, Plan, ProgressReport, Task
from chiso.site import clock


class Kind(models.TextChoices):
    DIFFICULTY = "difficulty", _("Khó khăn, vướng mắc")
    RECOMMENDATION = "recommendation", _("Kiến nghị giám sát")


class State(models.TextChoices):
    OPEN = "open", _("Chờ xử lý")
    ANSWERED = "answered", _("Đã hướng dẫn, trả lời")
    ESCALATED = "escalated", _("Đã tham mưu UBND tỉnh")
    DIRECTED = "directed", _("UBND tỉnh đã chỉ đạo")
    RESOLVED = "resolved", _("Đã giải quyết")


# The order an item moves through (a hand-over may take it back to OPEN).
STEP_ORDER = (State.OPEN, State.ANSWERED, State.ESCALATED, State.DIRECTED, State.RESOLVED)
# States in which the item waits on its handler: past its due date it is overdue.
HANDLER_STATES = frozenset({State.OPEN, State.ANSWERED})
# States in which the item is still open (not resolved).
OPEN_STATES = frozenset({State.OPEN, State.ANSWERED, State.ESCALATED, State.DIRECTED})

STATE_TONE = {
    State.OPEN: "warn",
    State.ANSWERED: "info",
    State.ESCALATED: "bad",
    State.DIRECTED: "info",
    State.RESOLVED: "ok",
}


class Difficulty(models.Model):
    """A difficulty (khó khăn, vướng mắc) an agency raises, or a supervision recommendation
    (kiến nghị giám sát) the Front addresses to an agency: one tracked item either way.

    `raised_by_agency` raised it; `handler` owns the next step (the guiding agency or Sở Nội vụ
    for a difficulty, the addressed agency for a recommendation) by `due_on`.
    """

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="difficulties", verbose_name=_("kế hoạch")
    )
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.DIFFICULTY)
    title = models.CharField(_("tóm tắt"), max_length=300)
    text = models.TextField(_("nội dung"))
    task = models.ForeignKey(
        Task,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="difficulties",
        verbose_name=_("nhiệm vụ"),
    )
    assignment = models.ForeignKey(
        Assignment, on_delete=models.SET_NULL, null=True, blank=True, related_name="difficulties"
    )
    report = models.ForeignKey(
        ProgressReport,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="difficulties",
        verbose_name=_("nêu trong báo cáo"),
    )
    unit_codes = models.JSONField(_("chỉ số PAPI liên quan"), default=list, blank=True)
    raised_by_agency = models.ForeignKey(
        Agency, on_delete=models.PROTECT, related_name="+", verbose_name=_("cơ quan nêu")
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    raised_on = models.DateField(_("ngày nêu"))
    handler = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="handled_difficulties",
        verbose_name=_("cơ quan xử lý"),
    )
    due_on = models.DateField(_("hạn xử lý"))
    state = models.CharField(
        _("trạng thái"), max_length=12, choices=State.choices, default=State.OPEN
    )
    answer = models.TextField(_("hướng dẫn, trả lời"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)
    proposal = models.TextField(_("nội dung tham mưu UBND tỉnh"), blank=True)
    escalated_on = models.DateField(_("ngày tham mưu"), null=True, blank=True)
    direction = models.ForeignKey(
        "Direction",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="difficulties",
        verbose_name=_("chỉ đạo của UBND tỉnh"),
    )
    resolved_on = models.DateField(_("ngày giải quyết"), null=True, blank=True)
    resolution = models.TextField(_("kết quả giải quyết"), blank=True)
    created_at = clock.SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-raised_on", "-id"]
        verbose_name = _("khó khăn, kiến nghị")
        verbose_name_plural = _("khó khăn, kiến nghị")
        indexes = [
            models.Index(fields=["province", "state"], name="difficulty_province_state"),
            models.Index(fields=["handler", "state"], name="difficulty_handler_state"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def tone(self) -> str:
        return STATE_TONE[State(self.state)]

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_late(self) -> bool:
        return self.is_overdue(clock.today())

    def is_overdue(self, today: dt.date) -> bool:
        """Waiting on its handler past the due date (escalated items wait on the committee)."""
        return self.state in HANDLER_STATES and self.due_on < today

    def state_on(self, day: dt.date) -> State:
        """The state the item was in at the end of `day`, read from the days its steps were
        taken (a direction counts from its document's date); never past its current state (an
        answered item handed over again reads "open"). Needs `direction` selected."""
        steps = (
            (State.RESOLVED, self.resolved_on),
            (State.DIRECTED, self.direction.issued_on if self.direction else None),
            (State.ESCALATED, self.escalated_on),
            (State.ANSWERED, self.answered_on),
        )
        reached = next((state for state, on in steps if on is not None and on <= day), State.OPEN)
        return min(reached, State(self.state), key=STEP_ORDER.index)

    def overdue_on(self, day: dt.date) -> bool:
        return self.state_on(day) in HANDLER_STATES and self.due_on < day


class DirectionStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    OVERDUE = "overdue", _("Quá hạn")
    DONE = "done", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành trễ hạn")


DIRECTION_TONE = {
    DirectionStatus.IN_PROGRESS: "pending",
    DirectionStatus.OVERDUE: "bad",
    DirectionStatus.DONE: "ok",
    DirectionStatus.DONE_LATE: "warn",
}


class Direction(models.Model):
    """A direction (chỉ đạo) of the People's Committee or its leaders, as the document carrying
    it says (number, date, signer), addressed to agencies. Its follow-up is a plan task led by
    those agencies (created through the task services), so it shows in their assignments, is
    reported on and reviewed like any task; the direction is done when every part is."""

    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="directions", verbose_name=_("kế hoạch")
    )
    number = models.CharField(_("số, ký hiệu văn bản"), max_length=60)
    issued_on = models.DateField(_("ngày văn bản"))
    signer = models.CharField(_("người ký"), max_length=120)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=120, blank=True)
    content = models.TextField(_("nội dung chỉ đạo"))
    deadline = models.DateField(_("thời hạn thực hiện"))
    follow_up_task = models.OneToOneField(
        Task, on_delete=models.SET_NULL, null=True, blank=True, related_name="direction"
    )
    completed_on = models.DateField(_("ngày hoàn thành"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = clock.SiteClockDateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = _("chỉ đạo")
        verbose_name_plural = _("chỉ đạo")

    def __str__(self) -> str:
        return f"{self.number} ({self.issued_on:%d/%m/%Y})"

    def status(self, today: dt.date) -> DirectionStatus:
        if self.completed_on is not None:
            late = self.completed_on > self.deadline
            return DirectionStatus.DONE_LATE if late else DirectionStatus.DONE
        return DirectionStatus.OVERDUE if self.deadline < today else DirectionStatus.IN_PROGRESS

    @property
    def current_status(self) -> DirectionStatus:
        return self.status(clock.today())

    @property
    def tone(self) -> str:
        return DIRECTION_TONE[self.current_status]


# Citizens' feedback lives in its own module; imported here so Django finds the model.
from chiso.supervision.models_feedback import Feedback, FeedbackState  # noqa: E402, F401
