"""The issue form and the search form of the document register (rules in `register`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.documents.forms import (
    SignatureFields,
    check_analysis,
    index_choices,
    plan_choices,
    year_choices,
)
from chiso.documents.models import DocumentFormat, DocumentKind, RegisterEntry
from chiso.documents.register import ISSUABLE, IssueRequest
from chiso.plans.models import Plan
from chiso.web.widgets import choice_field, model_choice_field

if TYPE_CHECKING:
    from chiso.accounts.models import User


class IssueForm(SignatureFields):
    # The consolidated report is issued from its draft's page.
    kind = forms.ChoiceField(
        label=_("Văn bản"),
        choices=[(k.value, k.label) for k in ISSUABLE if k != DocumentKind.CONSOLIDATED],
    )
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(
        label=_("Kế hoạch"), queryset=None, required=False
    )
    index = forms.ChoiceField(
        label=_("Chỉ số (báo cáo phân tích)"),
        required=False,
        help_text=_("Các chỉ số tỉnh đã có kết quả, kèm các năm có kết quả."),
    )
    results_year = forms.TypedChoiceField(
        label=_("Năm kết quả (báo cáo phân tích)"), coerce=int, required=False, empty_value=None
    )
    fmt = forms.ChoiceField(
        label=_("Định dạng"),
        choices=[(f.value, f.label) for f in (DocumentFormat.DOCX, DocumentFormat.PDF)],
    )
    corrects: forms.ModelChoiceField[RegisterEntry] = forms.ModelChoiceField(
        label=_("Đính chính văn bản số"),
        queryset=None,
        required=False,
        help_text=_("Chỉ khi ban hành lại đúng văn bản đã có số: giữ số cũ, ghi lý do."),
    )
    note = forms.CharField(
        label=_("Lý do đính chính"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    summary_help = _("Để trống: lấy từ tên kế hoạch hoặc năm kết quả.")
    field_order = ["kind", "plan", "index", "results_year", "fmt", *SignatureFields.base_fields]

    def __init__(
        self,
        *args: Any,
        user: User,
        indices: dict[str, tuple[int, ...]],
        entries: Any,
        **kwargs: Any,
    ) -> None:
        """`indices`: the indices the province has results on, with their years (PAPI first;
        `views.province_indices`)."""
        super().__init__(*args, **kwargs)
        self.indices = indices
        plan_choices(self.fields["plan"], user)
        index_choices(self, "index", indices)
        # Every year of any of them (each index's option names its own years); a year the
        # chosen index lacks is refused with the reason (`check_analysis`).
        years = tuple(sorted({y for found in indices.values() for y in found}))
        choice_field(self, "results_year").choices = year_choices(years)
        model_choice_field(self, "corrects").queryset = entries.filter(corrects__isnull=True)

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        check_analysis(self, "index", "results_year", self.indices)
        return data

    def issue_request(self) -> IssueRequest:
        data = self.cleaned_data
        return IssueRequest(
            kind=data["kind"],
            fmt=data["fmt"],
            issued_on=data["issued_on"],
            signer=data["signer"],
            signer_title=data["signer_title"],
            summary=data["summary"],
            plan=data["plan"] if data["kind"] != DocumentKind.ANALYSIS else None,
            results_year=data["results_year"] if data["kind"] == DocumentKind.ANALYSIS else None,
            index=(data["index"] or "PAPI") if data["kind"] == DocumentKind.ANALYSIS else "PAPI",
            corrects=data["corrects"],
            note=data["note"],
        )


class RegisterSearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm"), required=False)
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(label=_("Loại"), required=False)

    def __init__(self, *args: Any, years: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "year").choices = [("", _("Mọi năm")), *((y, str(y)) for y in years)]
        choice_field(self, "kind").choices = [
            ("", _("Mọi loại")),
            *((k.value, k.label) for k in ISSUABLE),
        ]


def entry_label(entry: RegisterEntry) -> str:
    return f"{entry.number} — {entry.summary}"
