"""Forms for a plan's words and the province's "Nơi nhận" lists (rules in `editing`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.documents.editing import PLAN_TEXT_FIELDS
from chiso.documents.models import PlanText, RecipientList
from chiso.web.widgets import model_choice_field


class PlanTextForm(forms.ModelForm):
    use_list = forms.ModelChoiceField(
        label=_("Lấy nơi nhận từ danh sách"),
        queryset=RecipientList.objects.none(),
        required=False,
        help_text=_("Chép danh sách đã lưu vào ô “Nơi nhận” (thay nội dung đang có)."),
    )

    class Meta:
        model = PlanText
        fields = PLAN_TEXT_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 5}) for name in PLAN_TEXT_FIELDS}

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lists = RecipientList.objects.filter(province_id=province_id)
        model_choice_field(self, "use_list").queryset = lists
        self.fields["closing"].widget.attrs["rows"] = 2
        for name in ("preamble", "purpose", "requirements"):
            self.fields[name].widget.attrs["rows"] = 9

    def values(self) -> dict[str, str]:
        data = {name: self.cleaned_data[name] for name in PLAN_TEXT_FIELDS}
        chosen = self.cleaned_data.get("use_list")
        if chosen is not None:
            data["recipients"] = chosen.lines
        return data


class RecipientListForm(forms.ModelForm):
    class Meta:
        model = RecipientList
        fields = ("name", "kind", "lines", "is_default")
        widgets = {"lines": forms.Textarea(attrs={"rows": 10})}
