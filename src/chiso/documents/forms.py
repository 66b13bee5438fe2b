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
        help_text=_(
            "Cho báo cáo phân tích: các chỉ số tỉnh đã có kết quả, kèm các năm có kết quả."
        ),
    )
    fmt = forms.ChoiceField(label=_("Định dạng"), choices=DocumentFormat.choices)

    def __init__(
        self,
        *args: Any,
        user: User,
        indices: dict[str, tuple[int, ...]],
        **kwargs: Any,
    ) -> None:
        """`indices`: the indices the user's province has results on, with their years
        (`views.province_indices`)."""
        super().__init__(*args, **kwargs)
        self.indices = indices
        index_choices(self, "index", indices)
        # The consolidated report is made from its draft (page "Báo cáo tổng hợp").
        choice_field(self, "kind").choices = [
            (k.value, k.label) for k in DocumentKind if k != DocumentKind.CONSOLIDATED
        ]
        # The year list: every year of any of them (an index's option names its own years; a
        # year the chosen index lacks is refused with the reason, `check_analysis`).
        plan_choices(self.fields["plan"], user)
        years = tuple(sorted({y for found in indices.values() for y in found}))
        choice_field(self, "year").choices = year_choices(years)
        if years:
            self.fields["year"].initial = years[-1]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean()
        check_analysis(self, "index", "year", self.indices)
        return data


def year_span(years: tuple[int, ...]) -> str:
    """2011–2024; 2015, 2017–2019: runs of consecutive years joined."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def index_choices(form: forms.Form, field: str, indices: dict[str, tuple[int, ...]]) -> None:
    """Only the indices the province has results on, each with its years ("PCI (2020)"); an
    index posted without results is refused naming it (server-side, whatever the page offered)."""
    choice_field(form, field).choices = [
        (code, f"{code.replace('_', ' ')} ({year_span(years)})") for code, years in indices.items()
    ]
    form.fields[field].initial = next(iter(indices), "")
    form.fields[field].error_messages["invalid_choice"] = _(
        "Tỉnh chưa có kết quả chỉ số %(value)s trong hệ thống: không lập được báo cáo phân tích."
    )


def check_analysis(
    form: forms.Form, index_field: str, year_field: str, indices: dict[str, tuple[int, ...]]
) -> None:
    """An analysis report needs the province's results on the chosen index for the chosen year:
    otherwise a form error naming the years it has (before any number is given or job queued)."""
    data = form.cleaned_data
    if data.get("kind") != DocumentKind.ANALYSIS:
        form.errors.pop(index_field, None)  # only the analysis report is about one index
        return
    index, year = data.get(index_field), data.get(year_field)
    raw = str(form.data.get(form.add_prefix(year_field), ""))
    if year_field in form.errors and raw.isdigit():
        # A year none of the province's indices has: said with the index's own years below.
        form.errors.pop(year_field)
        year = int(raw)
    if index_field in form.errors or year is None:
        return
    if not indices:
        form.add_error(index_field, _("Tỉnh chưa có kết quả chỉ số nào trong hệ thống."))
        return
    years = indices.get(index or "", ())
    if year not in years:
        form.add_error(
            year_field,
            _("Tỉnh không có kết quả %(index)s năm %(year)s (có: %(years)s).")
            % {"index": (index or "").replace("_", " "), "year": year, "years": year_span(years)},
        )


def plan_choices(plan_field: forms.Field, user: User) -> None:
    """The province's plans, the one under way first and chosen: most documents are about the
    plan being carried out (not a later year's copy drafted ahead)."""
    plans = current_plans_first(plans_for(user), clock.today())
    plan_field.queryset = plans  # type: ignore[attr-defined]
    plan_field.initial = plans.values_list("pk", flat=True).first()


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
