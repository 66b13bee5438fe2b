"""Forms of the supervision pages. They only parse input; the services apply the rules.
Choice fields offer only what the user may pick (their province, their agency's tasks)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency
from chiso.activities import units
from chiso.plans.models import Assignment, Plan, Task
from chiso.supervision.models import Difficulty, State
from chiso.supervision.services.difficulties import TEXT_LIMIT, TITLE_LIMIT
from chiso.supervision.services.directions import NUMBER_LIMIT, SIGNER_LIMIT
from chiso.supervision.services.feedback import CONTACT_LIMIT, FEEDBACK_LIMIT, PLACE_KINDS
from chiso.web.widgets import DayMonthYearField, choice_field, model_choice_field

if TYPE_CHECKING:
    from chiso.accounts.models import User


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
        choice_field(self, "unit_codes").choices = units.unit_choices(plan.year)


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

    def __init__(self, *args: Any, plan: Plan, user: User, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        own = Assignment.objects.filter(task__plan=plan, agency=user.agency)
        model_choice_field(self, "assignment").queryset = own.select_related("task")
        model_choice_field(self, "handler").queryset = _agencies(plan)


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

    def __init__(self, *args: Any, plan: Plan, user: User, **kwargs: Any) -> None:
        super().__init__(*args, plan=plan, **kwargs)
        model_choice_field(self, "agency").queryset = _agencies(plan).exclude(pk=user.agency_id)
        model_choice_field(self, "task").queryset = plan.tasks.all()


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
        model_choice_field(self, "handler").queryset = _agencies(plan)


class ResolveForm(VersionForm):
    resolution = forms.CharField(
        label=_("Kết quả giải quyết"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DirectionForm(forms.Form):
    """A direction of the People's Committee, as its document says, and who carries it out."""

    number = forms.CharField(label=_("Số, ký hiệu văn bản"), max_length=NUMBER_LIMIT)
    issued_on = DayMonthYearField(label=_("Ngày văn bản"))
    signer = forms.CharField(label=_("Người ký"), max_length=SIGNER_LIMIT)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"), max_length=SIGNER_LIMIT, required=False
    )
    content = forms.CharField(
        label=_("Nội dung chỉ đạo"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan thực hiện"),
        queryset=Agency.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Mỗi cơ quan nhận một phần việc theo dõi, báo cáo như nhiệm vụ của kế hoạch."),
    )
    deadline = DayMonthYearField(label=_("Thời hạn thực hiện"))
    difficulties = forms.ModelMultipleChoiceField(
        label=_("Trả lời khó khăn, kiến nghị đã tham mưu"),
        queryset=Difficulty.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Các mục này tự đóng khi chỉ đạo được thực hiện xong."),
    )
    unit_codes = forms.MultipleChoiceField(
        label=_("Chỉ số PAPI liên quan"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Để trống: lấy theo các khó khăn, kiến nghị được trả lời."),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "agencies").queryset = _agencies(plan)
        escalated = plan.difficulties.filter(state=State.ESCALATED)
        model_choice_field(self, "difficulties").queryset = escalated
        choice_field(self, "unit_codes").choices = units.unit_choices(plan.year)
        if not escalated.exists():
            del self.fields["difficulties"]


class PublicFeedbackForm(forms.Form):
    """A citizen's remark. `website` is a honeypot: hidden from people, filled by robots."""

    commune = forms.ModelChoiceField(
        label=_("Xã, phường"),
        queryset=Agency.objects.none(),
        required=False,
        empty_label=_("— Không chọn —"),
    )
    text = forms.CharField(
        label=_("Ý kiến góp ý, phản ánh"),
        max_length=FEEDBACK_LIMIT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Tối đa 1.000 ký tự. Không ghi thông tin cá nhân của người khác."),
    )
    contact = forms.CharField(
        label=_("Cách liên hệ (không bắt buộc)"),
        max_length=CONTACT_LIMIT,
        required=False,
        help_text=_("Số điện thoại hoặc thư điện tử, nếu muốn được liên hệ. Không công khai."),
    )
    website = forms.CharField(
        required=False,
        label=_("Để trống ô này"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        places = Agency.objects.filter(
            province_id=plan.province_id, active=True, kind__in=PLACE_KINDS
        ).order_by("kind", "name")
        model_choice_field(self, "commune").queryset = places


class ModerateForm(VersionForm):
    decision = forms.ChoiceField(
        label=_("Kiểm duyệt"),
        choices=[("accept", _("Tiếp nhận để trả lời")), ("reject", _("Không tiếp nhận"))],
        widget=forms.RadioSelect,
    )


class FeedbackAnswerForm(VersionForm):
    answer = forms.CharField(
        label=_("Trả lời"), max_length=TEXT_LIMIT, widget=forms.Textarea(attrs={"rows": 4})
    )
    publish = forms.BooleanField(
        label=_("Công khai góp ý và câu trả lời bên cạnh nhiệm vụ"), required=False, initial=True
    )
