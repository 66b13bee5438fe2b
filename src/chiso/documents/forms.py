"""The request form of the documents page; the rules live in `services.request_document`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.documents.models import DocumentFormat, DocumentKind
from chiso.plans.access import current_plans_first, plans_for
from chiso.plans.models import Plan
from chiso.site import clock
from chiso.web.widgets import DayMonthYearField, choice_field

if TYPE_CHECKING:
    from chiso.accounts.models import User


class DocumentRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Văn bản"), choices=DocumentKind.choices)
    plan: forms.ModelChoiceField[Plan] = forms.ModelChoiceField(
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
    index = forms.ChoiceField(
        label=_("Chỉ số"),
        required=False,
        help_text=_("Cho báo cáo phân tích: chỉ số cần phân tích (các chỉ số đã có kết quả)."),
    )
    fmt = forms.ChoiceField(label=_("Định dạng"), choices=DocumentFormat.choices)

    def __init__(
        self,
        *args: Any,
        user: User,
        years: tuple[int, ...],
        indices: tuple[str, ...] = ("PAPI",),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choice_field(self, "index").choices = [(code, code.replace("_", " ")) for code in indices]
        self.fields["index"].initial = indices[0] if indices else "PAPI"
        # The consolidated report is made from its draft (page "Báo cáo tổng hợp").
        choice_field(self, "kind").choices = [
            (k.value, k.label) for k in DocumentKind if k != DocumentKind.CONSOLIDATED
        ]
        # The year list: every year of any index with results (a year a chosen index lacks is
        # refused when the report is made, with the reason).
        plan_choices(self.fields["plan"], user)
        choice_field(self, "year").choices = year_choices(years)
        if years:
            self.fields["year"].initial = years[-1]


def plan_choices(plan_field: forms.Field, user: User) -> None:
    """The province's plans, the one under way first and chosen: most documents are about the
    plan being carried out (not a later year's copy drafted ahead)."""
    plans = current_plans_first(plans_for(user), clock.today())
    plan_field.queryset = plans  # type: ignore[attr-defined]
    plan_field.initial = plans.values_list("pk", flat=True).first()

    def clean_index(self) -> str:
        return self.cleaned_data.get("index") or "PAPI"


def year_choices(years: tuple[int, ...]) -> list[tuple[Any, str]]:
    """The results years, latest first, after a blank choice."""
    return [("", "—"), *((y, str(y)) for y in reversed(years))]


class SignatureFields(forms.Form):
    """What every document issued through the register carries: its date, its summary line
    (trích yếu) and the signature block. Forms that issue a document build on it; each says in
    `summary_help` what an empty summary becomes."""

    issued_on = DayMonthYearField(label=_("Ngày ban hành"))
    summary = forms.CharField(label=_("Trích yếu"), max_length=300, required=False)
    signer_title = forms.CharField(
        label=_("Chức vụ người ký"),
        max_length=120,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi dòng một dòng thẩm quyền, ví dụ “KT. GIÁM ĐỐC” rồi “PHÓ GIÁM ĐỐC”."),
    )
    signer = forms.CharField(label=_("Người ký"), max_length=120)
    summary_help: Any = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["summary"].help_text = self.summary_help
