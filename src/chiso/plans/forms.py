"""Forms for the plan workspace. They only shape input; the services decide."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, AgencyGroup, AgencyKind
from chiso.plans.evidence import ACCEPTED_EXTENSIONS
from chiso.plans.models import (
    Evidence,
    Plan,
    ReportingPeriod,
    ReportPeriod,
    ReportSchedule,
    Section,
)
from chiso.plans.services.reports import DIFFICULTY_LIMIT, TEXT_LIMIT
from chiso.plans.units import UnitRef, index_codes, index_name, index_units
from chiso.site.language import content_language
from chiso.web.widgets import DayMonthYearField, choice_field, model_choice_field


def unit_choices(plan: Plan) -> list[tuple[str, str]]:
    """The plan's own index's units: (code, "code — name")."""
    return index_units(plan.index, plan.year, content_language())


def other_index_groups(plan: Plan) -> list[tuple[str, list[tuple[str, str]]]]:
    """One option group per other index ("PCI — …"), its units written "PCI:time_costs"."""
    lang = content_language()
    groups = []
    for index in index_codes():
        if index == plan.index:
            continue
        rows = [
            (UnitRef(index, code).token(plan.index), f"{index_name(index)} · {label}")
            for code, label in index_units(index, plan.year, lang)
        ]
        if rows:
            groups.append((index_name(index), rows))
    return groups


def unit_filter_choices(plan: Plan) -> list[tuple[str, str]]:
    """The task list's unit filter: the plan's index's units, then the other indices'."""
    others = [row for _name, rows in other_index_groups(plan) for row in rows]
    return [*unit_choices(plan), *others]


def task_unit_choices(plan: Plan) -> list[tuple[str, list[tuple[str, str]]]]:
    """The task form's units: the plan's index by dimension, then each other index."""
    return [*grouped_units(unit_choices(plan)), *other_index_groups(plan)]


# The order agencies are offered in: the province's departments and sector bodies, then the
# district and commune committees, then the bodies a task can only request (đề nghị).
AGENCY_KIND_ORDER = [
    AgencyKind.PEOPLES_COMMITTEE,
    AgencyKind.DEPARTMENT,
    AgencyKind.POLICE,
    AgencyKind.SOCIAL_INSURANCE,
    AgencyKind.OTHER,
    AgencyKind.DISTRICT_COMMITTEE,
    AgencyKind.COMMUNE_COMMITTEE,
    AgencyKind.FATHERLAND_FRONT,
    AgencyKind.PARTY_BODY,
    AgencyKind.MEDIA,
]


def grouped_agencies(agencies: Any) -> list[tuple[str, list[tuple[int, str]]]]:
    """The agencies as option groups, one per kind, in AGENCY_KIND_ORDER, by name within."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for agency in agencies:
        groups.setdefault(agency.kind, []).append((agency.pk, agency.name))
    rank = {kind.value: i for i, kind in enumerate(AGENCY_KIND_ORDER)}
    return [
        (str(AgencyKind(kind).label), sorted(rows, key=lambda row: row[1]))
        for kind, rows in sorted(groups.items(), key=lambda item: rank.get(item[0], len(rank)))
    ]


def grouped_units(units: list[tuple[str, str]]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The plan index's units as option groups, one per dimension (the dimension itself first;
    an index without sub-units, PCI, is one group per unit)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    names: dict[str, str] = {}
    for code, label in units:
        top = code.split(".")[0]
        if code == top:
            names[top] = label
        groups.setdefault(top, []).append((code, label))
    return [(names.get(top, top), rows) for top, rows in groups.items()]


# Searchable multi-selects (chiso/multi-select.js, Tom Select); without the script a plain
# list box, which needs Ctrl to choose several: the hint says so until the script hides it.
MULTI_SELECT = {"data-multi-select": "", "size": 8}


class TaskForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    code = forms.CharField(label=_("STT"), max_length=20, required=False)
    title = forms.CharField(
        label=_("Nhiệm vụ"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    section = forms.ModelChoiceField(
        label=_("Mục"), queryset=Section.objects.none(), required=False
    )
    description = forms.CharField(
        label=_("Mô tả"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    lead_group = forms.ModelChoiceField(
        label=_("Nhóm cơ quan chủ trì"),
        queryset=AgencyGroup.objects.none(),
        required=False,
        help_text=_("Mỗi cơ quan trong nhóm nhận một phân công riêng."),
    )
    lead_agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan chủ trì"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs=MULTI_SELECT),
        help_text=_("Mặt trận, cơ quan Đảng, báo chí tự động là “đề nghị”."),
    )
    coordinating = forms.ModelMultipleChoiceField(
        label=_("Cơ quan phối hợp"),
        queryset=Agency.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs=MULTI_SELECT),
    )
    deadline = DayMonthYearField(label=_("Thời hạn"), required=False)
    recurring = forms.BooleanField(label=_("Nhiệm vụ thường xuyên"), required=False)
    reporting_period = forms.ChoiceField(
        label=_("Kỳ báo cáo"),
        required=False,
        choices=[("", _("— không —")), *ReportingPeriod.choices],
    )
    expected_output = forms.CharField(
        label=_("Sản phẩm"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    unit_codes = forms.MultipleChoiceField(
        label=_("Chỉ số/nội dung liên quan"),
        required=False,
        widget=forms.SelectMultiple(attrs=MULTI_SELECT),
        help_text=_(
            "Của chỉ số của kế hoạch và của các chỉ số khác (PAPI, PCI, PAR INDEX, SIPAS) mà "
            "nhiệm vụ góp phần cải thiện."
        ),
    )
    is_public = forms.BooleanField(label=_("Công khai"), required=False, initial=True)

    def __init__(self, plan: Plan, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.filter(province_id=plan.province_id, active=True).order_by(
            "kind", "name"
        )
        model_choice_field(self, "section").queryset = plan.sections.all()
        model_choice_field(self, "lead_group").queryset = AgencyGroup.objects.filter(
            province_id=plan.province_id
        )
        grouped = grouped_agencies(agencies)
        for name in ("lead_agencies", "coordinating"):
            # Validation still reads the queryset; the options shown are grouped by kind.
            self.fields[name].queryset = agencies  # type: ignore[attr-defined]
            self.fields[name].choices = grouped  # type: ignore[attr-defined]
        choice_field(self, "unit_codes").choices = task_unit_choices(plan)

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


class ReportForm(forms.Form):
    narrative = forms.CharField(
        label=_("Nội dung báo cáo"),
        max_length=TEXT_LIMIT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Việc đã làm, kết quả, khó khăn, kiến nghị."),
    )
    figures = forms.CharField(
        label=_("Số liệu"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Ví dụ: số xã đã niêm yết / tổng số xã."),
    )
    difficulty = forms.CharField(
        label=_("Khó khăn, vướng mắc (nếu có)"),
        max_length=DIFFICULTY_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Mỗi khó khăn ghi ở đây được theo dõi riêng: Sở Nội vụ hoặc cơ quan hướng dẫn "
            "trả lời, hoặc tham mưu UBND tỉnh chỉ đạo xử lý."
        ),
    )
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100)
    is_final = forms.BooleanField(
        label=_("Báo cáo hoàn thành nhiệm vụ"),
        required=False,
        help_text=_("Khi Sở Nội vụ chấp nhận, nhiệm vụ được tính là hoàn thành."),
    )
    # A declared field leaves the class (Django's form metaclass): Form.files is untouched.
    files = MultipleFileField(  # type: ignore[assignment]
        label=_("Tệp minh chứng"),
        required=False,
        help_text=_("PDF, Word (.docx), Excel (.xlsx), ảnh JPEG/PNG."),
    )
    period = forms.ModelChoiceField(
        label=_("Kỳ báo cáo"),
        queryset=ReportPeriod.objects.none(),
        required=False,
        empty_label=None,
        help_text=_("Kỳ mà báo cáo này trả lời; mặc định là kỳ sớm nhất chưa báo cáo."),
    )

    keep_evidence = forms.ModelMultipleChoiceField(
        label=_("Giữ lại minh chứng đã gửi"),
        queryset=Evidence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Các tệp của báo cáo bị trả lại được gửi kèm báo cáo này; bỏ chọn tệp không còn dùng."
        ),
    )

    def offer_carried(self, revising: Any) -> None:
        """A revision offers the returned report's files, all ticked; other reports have none."""
        evidence = revising.evidence.order_by("id") if revising is not None else None
        if evidence is None or not evidence.exists():
            del self.fields["keep_evidence"]
            return
        field = self.fields["keep_evidence"]
        field.queryset = evidence  # type: ignore[attr-defined]
        field.initial = [e.pk for e in evidence]

    def offer_periods(self, assignment: Any, revising: Any) -> None:
        """The periods still owed, for a task with a schedule (a revision keeps its period);
        otherwise no period field. The choices are read only if the form is rendered."""
        if not assignment.task.report_schedule or revising is not None:
            del self.fields["period"]
            return
        field = self.fields["period"]
        field.queryset = assignment.periods.filter(submitted_on__isnull=True).order_by("due_on")  # type: ignore[attr-defined]


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Quyết định"),
        widget=forms.RadioSelect,
        choices=[("accept", _("Chấp nhận")), ("return", _("Trả lại để bổ sung"))],
    )
    comment = forms.CharField(
        label=_("Ý kiến của Sở Nội vụ"),
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại báo cáo."),
    )


class SignOffForm(forms.Form):
    """The agency head's decision on an officer's report."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Quyết định của lãnh đạo cơ quan"),
        widget=forms.RadioSelect,
        choices=[("approve", _("Đồng ý, gửi Sở Nội vụ")), ("return", _("Trả lại để bổ sung"))],
    )
    comment = forms.CharField(
        label=_("Ý kiến của lãnh đạo cơ quan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bắt buộc khi trả lại báo cáo."),
    )


class ConfirmForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


def schedule_initial(holder: Any) -> dict[str, Any]:
    """A task's or an assignment's stored schedule as the schedule form shows it (dd/mm/yyyy)."""
    return {
        "version": holder.version,
        "report_schedule": holder.report_schedule,
        "report_dates": ", ".join(
            dt.date.fromisoformat(d).strftime("%d/%m/%Y") for d in holder.report_dates
        ),
        "schedule_start": getattr(holder, "schedule_start", None),
    }


class ScheduleForm(forms.Form):
    """A task's reporting schedule (services.set_schedule decides)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    report_schedule = forms.ChoiceField(
        label=_("Lịch báo cáo theo kỳ"),
        required=False,
        choices=[("", _("Không báo cáo theo kỳ")), *ReportSchedule.choices],
    )
    report_dates = forms.CharField(
        label=_("Các ngày báo cáo"),
        required=False,
        help_text=_("Khi chọn “Theo ngày cụ thể”: dd/mm/yyyy, cách nhau bằng dấu phẩy."),
    )
    schedule_start = DayMonthYearField(
        label=_("Tính kỳ từ ngày"),
        required=False,
        help_text=_("Để trống: từ ngày ban hành kế hoạch."),
    )

    def clean_report_dates(self) -> list[dt.date]:
        found = []
        for part in self.cleaned_data["report_dates"].replace(";", ",").split(","):
            if not part.strip():
                continue
            try:
                found.append(dt.datetime.strptime(part.strip(), "%d/%m/%Y").date())
            except ValueError:
                raise forms.ValidationError(
                    _("“%(value)s” không phải ngày dd/mm/yyyy."), params={"value": part.strip()}
                ) from None
        return found


class AssignmentScheduleForm(ScheduleForm):
    """One agency's own reporting schedule (services.set_assignment_schedule decides); the
    task's start date applies."""

    # Removes the inherited field (Django's way to drop a declared field in a subclass).
    schedule_start = None  # type: ignore[assignment]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["report_schedule"]
        field.label = _("Lịch báo cáo riêng của cơ quan này")
        field.choices = [("", _("Theo lịch của nhiệm vụ")), *ReportSchedule.choices]  # type: ignore[attr-defined]

    @classmethod
    def for_assignment(cls, assignment: Any) -> AssignmentScheduleForm:
        return cls(initial=schedule_initial(assignment))
