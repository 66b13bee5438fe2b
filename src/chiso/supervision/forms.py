"""Forms of the supervision pages. They only parse input; the services apply the rules.
Choice fields offer only what the user may pick (their province, their agency's tasks)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency
from chiso.activities import units
from chiso.plans.models import Assignment, Plan, Task
from chiso.supervision.services.difficulties import TEXT_LIMIT, TITLE_LIMIT
from chiso.web.widgets import DayMonthYearField


def _agencies(plan: Plan) -> Any:
    return Agency.objects.filter(province_id=plan.province_id, active=True).order_by("kind", "name")


class ItemFields(forms.Form):
    title = forms.CharField(label=_("Tóm tắt"), max_length=TITLE_LIMIT)
    text = forms.CharField(
        label=_("Nội dung"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 5})
    )
    unit_codes = forms.MultipleChoiceField(
        label=_("Chỉ số PAPI liên quan"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Để trống: lấy theo chỉ số của nhiệm vụ."),
    )
    due_on = DayMonthYearField(
        label=_("Đề nghị trả lời trước ngày"),
        required=False,
        help_text=_("Để trống: 15 ngày kể từ hôm nay."),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit_codes"].choices = units.unit_choices(plan.year)


class DifficultyForm(ItemFields):
    """An agency's difficulty, on one of its own assignments of the plan or on its own."""

    assignment = forms.ModelChoiceField(
        label=_("Nhiệm vụ của cơ quan"),
        queryset=Assignment.objects.none(),
        required=False,
        empty_label=_("— Không gắn với nhiệm vụ cụ thể —"),
    )
    handler = forms.ModelChoiceField(
        label=_("Gửi cơ quan xử lý"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("Sở Nội vụ (mặc định)"),
        help_text=_("Cơ quan được giao hướng dẫn lĩnh vực này, hoặc để Sở Nội vụ."),
    )
    field_order = ["assignment", "title", "text", "unit_codes", "handler", "due_on"]

    def __init__(self, *args: Any, plan: Plan, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        own = Assignment.objects.filter(task__plan=plan, agency_id=user.agency_id)
        self.fields["assignment"].queryset = own.select_related("task")  # type: ignore[attr-defined]
        self.fields["handler"].queryset = _agencies(plan)  # type: ignore[attr-defined]


class RecommendationForm(ItemFields):
    """The Front's supervision recommendation to an agency."""

    agency = forms.ModelChoiceField(label=_("Kiến nghị tới"), queryset=Agency.objects.none())
    task = forms.ModelChoiceField(
        label=_("Về nhiệm vụ"),
        queryset=Task.objects.none(),
        required=False,
        empty_label=_("— Không gắn với nhiệm vụ cụ thể —"),
    )
    field_order = ["agency", "task", "title", "text", "unit_codes", "due_on"]

    def __init__(self, *args: Any, plan: Plan, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["agency"].queryset = _agencies(plan).exclude(pk=user.agency_id)  # type: ignore[attr-defined]
        self.fields["task"].queryset = plan.tasks.all()  # type: ignore[attr-defined]


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class AnswerForm(VersionForm):
    text = forms.CharField(
        label=_("Hướng dẫn, trả lời"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class EscalateForm(VersionForm):
    proposal = forms.CharField(
        label=_("Nội dung tham mưu UBND tỉnh chỉ đạo"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class HandOverForm(VersionForm):
    handler = forms.ModelChoiceField(label=_("Chuyển cho cơ quan"), queryset=Agency.objects.none())
    due_on = DayMonthYearField(label=_("Hạn xử lý mới"), required=False)

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = _agencies(plan)  # type: ignore[attr-defined]


class ResolveForm(VersionForm):
    resolution = forms.CharField(
        label=_("Kết quả giải quyết"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
