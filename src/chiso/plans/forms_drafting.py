"""Forms for drafting a plan: the plan itself, next year's copy, objectives, sections, the YAML
import. They only shape input; the services (and the core's `check_objective`) decide."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.index.framework import FRAMEWORK_DIR, shipped_frameworks
from chiso.index.plan_file import KIND_FIELDS, OPTIONAL_FIELDS
from chiso.plans.models import Objective, ObjectiveKind, Plan, Tier
from chiso.plans.objective_file import MAX_FILE_BYTES
from chiso.plans.units import index_units, load_framework_or_none
from chiso.site.language import content_language
from chiso.web.widgets import DayMonthYearField, choice_field, model_choice_field


def day_first_date(label: str | Promise) -> DayMonthYearField:
    """An optional day of the plan, with the expected form spelled out under the box."""
    return DayMonthYearField(
        label=label, required=False, help_text=_("Ngày/tháng/năm, ví dụ 10/03/2023.")
    )


def tier_choices(index: str, lang: str) -> list[tuple[str, str]]:
    """The groups of an index, best first: PAPI's four tiers, PCI's published groups, PAR
    INDEX's A–D."""
    framework = load_framework_or_none(index)
    if framework is None or index == "PAPI":
        return [(code, str(label)) for code, label in Tier.choices]
    return [(t.code, t.label.get(lang)) for t in framework.tiers]


def index_choices() -> list[tuple[str, str]]:
    return [(p.stem.upper(), p.stem.upper()) for p in sorted(FRAMEWORK_DIR.glob("*.yaml"))]


class PlanForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    number = forms.CharField(
        label=_("Số, ký hiệu"),
        max_length=60,
        help_text=_("Ví dụ: 119/KH-UBND."),
        widget=forms.TextInput(attrs={"placeholder": "…/KH-UBND"}),
    )
    title = forms.CharField(
        label=_("Trích yếu"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    issued_on = day_first_date(_("Ngày ban hành"))
    issuer = forms.ModelChoiceField(
        label=_("Cơ quan ban hành"), queryset=Agency.objects.none(), required=False
    )
    signer = forms.CharField(label=_("Người ký"), max_length=120, required=False)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=120, required=False)
    index = forms.ChoiceField(label=_("Chỉ số"), choices=index_choices)
    year = forms.IntegerField(label=_("Năm kế hoạch"), min_value=2000, max_value=2100)
    baseline_year = forms.IntegerField(
        label=_("Năm cơ sở"),
        min_value=2000,
        max_value=2100,
        help_text=_("Năm có kết quả để so sánh (thường là năm trước)."),
    )
    report_due = day_first_date(_("Hạn báo cáo kết quả"))
    is_public = forms.BooleanField(
        label=_("Công khai kế hoạch trên trang công khai"), required=False
    )

    def __init__(self, province_id: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "issuer").queryset = Agency.objects.filter(
            province_id=province_id, active=True
        ).order_by("kind", "name")

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


def plan_initial(plan: Plan) -> dict[str, Any]:
    return {
        "version": plan.version,
        "number": plan.number,
        "title": plan.title,
        "issued_on": plan.issued_on,
        "issuer": plan.issuer_id,
        "signer": plan.signer,
        "signer_title": plan.signer_title,
        "index": plan.index,
        "year": plan.year,
        "baseline_year": plan.baseline_year,
        "report_due": plan.report_due,
        "is_public": plan.is_public,
    }


def new_plan_initial(province_id: int, year: int) -> dict[str, Any]:
    committee = Agency.objects.filter(
        province_id=province_id, kind=AgencyKind.PEOPLES_COMMITTEE, parent__isnull=True
    ).first()
    return {
        "index": "PAPI",
        "year": year,
        "baseline_year": year - 1,
        "issuer": committee.pk if committee else None,
    }


class CopyForm(forms.Form):
    number = forms.CharField(
        label=_("Số, ký hiệu của kế hoạch mới"),
        max_length=60,
        widget=forms.TextInput(attrs={"placeholder": "…/KH-UBND"}),
    )
    title = forms.CharField(
        label=_("Trích yếu"), max_length=300, widget=forms.Textarea(attrs={"rows": 2})
    )
    issued_on = day_first_date(_("Ngày ban hành"))


class DecimalText(forms.CharField):
    """A number written 45,00 or 45.00 (Vietnamese documents use the comma)."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = str(value or "").strip().replace(" ", "").replace(",", ".")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise forms.ValidationError(_("Cần nhập một số, ví dụ 45,00."), "invalid") from None
        if not number.is_finite():
            raise forms.ValidationError(_("Cần nhập một số, ví dụ 45,00."), "invalid")
        return number


def show_number(value: Decimal | None) -> str:
    if value is None:
        return ""
    value = value.normalize()
    if value == value.to_integral_value():
        return str(int(value))
    places = max(2, -value.as_tuple().exponent)  # type: ignore[operator]
    return number_format(value, decimal_pos=places)


class ObjectiveForm(forms.Form):
    """An objective's fields; `kind_fields` are those its kind needs (the core's KIND_FIELDS)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(label=_("Mã"), max_length=20, help_text=_("Ví dụ: 1, 2a."))
    text = forms.CharField(
        label=_("Nội dung mục tiêu"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Như trong văn bản kế hoạch."),
    )
    kind = forms.ChoiceField(label=_("Loại mục tiêu"), choices=ObjectiveKind.choices)
    value = DecimalText(
        label=_("Điểm"), required=False, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    tier = forms.ChoiceField(label=_("Nhóm"), required=False, choices=[("", "—"), *Tier.choices])
    count = forms.IntegerField(label=_("Số chỉ số nội dung"), required=False)
    unit = forms.ChoiceField(label=_("Chỉ số/nội dung"), required=False)
    index = forms.ChoiceField(
        label=_("Chỉ số"),
        required=False,
        help_text=_("Mục tiêu được đánh giá theo kết quả của chỉ số này."),
    )

    def __init__(self, plan: Plan, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.plan = plan
        lang = content_language()
        choice_field(self, "index").choices = [
            (f.code, f.name.get(lang)) for f in shipped_frameworks()
        ]
        index = self.chosen_index
        units = index_units(index, plan.year, lang)
        choice_field(self, "unit").choices = [("", "—"), *units]
        choice_field(self, "tier").choices = [("", "—"), *tier_choices(index, lang)]
        if self.chosen_kind == ObjectiveKind.AGGREGATE_RANK_MAX:
            self.fields["value"].label = _("Thứ hạng (không thấp hơn)")
            self.fields["value"].help_text = _("Một số nguyên, ví dụ 10.")
        elif self.chosen_kind == ObjectiveKind.AGGREGATE_INCREASE_MIN:
            self.fields["value"].label = _("Mức tăng (điểm)")
            self.fields["value"].help_text = _("Ví dụ: 1,56.")
        else:
            self.fields["value"].help_text = _("Ví dụ: 45,00.")

    @property
    def chosen_index(self) -> str:
        """The index picked (the plan's own until another is): its units and groups are
        offered."""
        source = self.data if self.is_bound else self.initial
        index = str(source.get("index") or self.plan.index)
        return index if load_framework_or_none(index) is not None else self.plan.index

    @property
    def chosen_kind(self) -> str:
        source = self.data if self.is_bound else self.initial
        kind = str(source.get("kind") or "")
        return kind if kind in KIND_FIELDS else str(ObjectiveKind.AGGREGATE_SCORE_MIN)

    def kind_fields(self) -> list[forms.BoundField]:
        needed = KIND_FIELDS[self.chosen_kind]
        return [self[name] for name in OPTIONAL_FIELDS if name in needed]

    def service_fields(self) -> dict[str, Any]:
        """What the service gets: the kind's own fields, the others cleared (a kind changed
        without JavaScript leaves the old kind's values in the request)."""
        data = {k: v for k, v in self.cleaned_data.items() if k != "version"}
        data["index"] = data.get("index") or self.plan.index
        needed = KIND_FIELDS[self.chosen_kind]
        for name in OPTIONAL_FIELDS:
            if name not in needed:
                data[name] = None
        return data


def objective_initial(objective: Objective) -> dict[str, Any]:
    return {
        "version": objective.version,
        "code": objective.code,
        "text": objective.text,
        "kind": objective.kind,
        "value": show_number(objective.value),
        "tier": objective.tier,
        "count": objective.count,
        "unit": objective.unit,
        "index": objective.index,
    }


class SectionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(label=_("Số mục"), max_length=20, help_text=_("Ví dụ: I, II.1, III."))
    title = forms.CharField(label=_("Tên mục"), max_length=300)


class VersionForm(forms.Form):
    """A confirmation (delete) that remembers which version of the row was shown."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


class ObjectiveImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp kế hoạch (YAML)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".yaml,.yml"}),
        help_text=_("Định dạng như tệp tải về từ trang này (xem tài liệu docs/objectives.md)."),
    )
    replace = forms.BooleanField(
        label=_("Thay toàn bộ mục tiêu hiện có bằng mục tiêu trong tệp"),
        required=False,
        help_text=_(
            "Nếu không chọn: mục tiêu có mã mới được thêm, mục tiêu cùng mã được cập nhật."
        ),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Tệp quá lớn (tối đa %(size)d KB).") % {"size": MAX_FILE_BYTES // 1000}
            )
        return upload
