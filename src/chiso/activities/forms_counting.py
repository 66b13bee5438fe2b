"""Forms of work that counts: count a piece of work for an assignment (and report it at once),
and send work counted for an assignment as a progress report."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.activities.models.counting import SOURCES
from chiso.plans.models import Assignment
from chiso.web.widgets import choice_field


class CountForm(forms.Form):
    kind = forms.ChoiceField(choices=[(s, s) for s in SOURCES], widget=forms.HiddenInput)
    work = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    assignment = forms.ModelChoiceField(
        label=_("Tính vào nhiệm vụ được giao"), queryset=Assignment.objects.none()
    )
    progress = forms.IntegerField(
        label=_("Gửi luôn làm báo cáo tiến độ, tiến độ (%)"),
        min_value=0,
        max_value=100,
        required=False,
        help_text=_("Để trống: chỉ tính vào nhiệm vụ, báo cáo sau."),
    )
    note = forms.CharField(
        label=_("Ghi chú kèm báo cáo"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, choices: list[Assignment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignment"]
        field.queryset = Assignment.objects.filter(pk__in=[a.pk for a in choices])  # type: ignore[attr-defined]
        field.label_from_instance = lambda a: str(a.task)  # type: ignore[attr-defined]


class WorkReportForm(forms.Form):
    links = forms.TypedMultipleChoiceField(coerce=int, choices=())
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    is_final = forms.BooleanField(label=_("Báo cáo hoàn thành nhiệm vụ"), required=False)
    note = forms.CharField(label=_("Ghi chú"), required=False, max_length=2000)

    def __init__(self, *args: Any, link_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "links").choices = [(pk, pk) for pk in link_ids]
        self.fields["links"].error_messages["required"] = _(
            "Cần chọn ít nhất một công việc đã thực hiện."
        )
