"""Forms of the consolidated report pages (rules in `consolidated_service` and `register`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.documents.forms import SignatureFields, plan_choices
from chiso.documents.models import ConsolidatedDraft, DocumentFormat
from chiso.documents.period import PeriodKind
from chiso.plans.models import Plan
from chiso.web.widgets import DayMonthYearField

if TYPE_CHECKING:
    from chiso.accounts.models import User

TEXT_HELP = _("Mỗi dòng một ý; đã điền sẵn từ số liệu, sửa tùy ý.")


class DraftCreateForm(forms.Form):
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=None)
    period_kind = forms.ChoiceField(
        label=_("Kỳ báo cáo"), choices=PeriodKind.choices, initial=PeriodKind.NINE
    )
    starts_on = DayMonthYearField(label=_("Từ ngày"), required=False)
    ends_on = DayMonthYearField(
        label=_("Đến ngày"), required=False, help_text=_("Chỉ khi chọn kỳ “Từ ngày … đến ngày …”.")
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan_choices(self.fields["plan"], user)


class DraftTextForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = ConsolidatedDraft
        fields = ("limitations", "causes", "directions", "proposals")
        widgets = {f: forms.Textarea(attrs={"rows": 6}) for f in fields}
        help_texts = {f: TEXT_HELP for f in fields}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version
        for name in self.Meta.fields:
            field = self.fields[name]
            assert isinstance(field, forms.CharField)
            field.max_length = 20000
            field.widget.attrs["maxlength"] = 20000


FORMATS = [(f.value, f.label) for f in DocumentFormat]


class GenerateForm(forms.Form):
    fmt = forms.ChoiceField(label=_("Định dạng"), choices=FORMATS)


class ConsolidatedIssueForm(SignatureFields):
    fmt = forms.ChoiceField(label=_("Định dạng"), choices=FORMATS[:2])
    summary_help = _("Để trống: “Kết quả thực hiện Kế hoạch … 9 tháng đầu năm …”.")
    field_order = ["fmt", *SignatureFields.base_fields]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signer_title"].initial = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"
