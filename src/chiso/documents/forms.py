"""The request form of the documents page; the rules live in `services.request_document`."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.documents.models import DocumentFormat, DocumentKind
from chiso.plans.access import plans_for


class DocumentRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Văn bản"), choices=DocumentKind.choices)
    plan = forms.ModelChoiceField(
        label=_("Kế hoạch"),
        queryset=None,
        required=False,
        help_text=_("Cho báo cáo kết quả, phụ lục và văn bản kế hoạch."),
    )
    year = forms.TypedChoiceField(
        label=_("Năm kết quả"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Cho báo cáo phân tích kết quả chỉ số."),
    )
    fmt = forms.ChoiceField(label=_("Định dạng"), choices=DocumentFormat.choices)

    def __init__(self, *args: Any, user: Any, years: tuple[int, ...], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        plan_field = self.fields["plan"]
        plans = plans_for(user).order_by("-year", "number")
        plan_field.queryset = plans  # type: ignore[attr-defined]
        # The latest plan: most requests are about the plan being carried out.
        plan_field.initial = plans.values_list("pk", flat=True).first()
        year_field = self.fields["year"]
        year_field.choices = [("", "—"), *((y, str(y)) for y in reversed(years))]  # type: ignore[attr-defined]
        if years:
            year_field.initial = years[-1]
