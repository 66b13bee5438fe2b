"""Forms of the activities pages. They only parse input; the services apply the rules.
Choice fields are limited to what the user may pick (their province, their agency)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.accounts.roles import is_coordinator
from chiso.activities import access, units
from chiso.activities.models import (
    Activity,
    ActivityKind,
    AudienceType,
    ChecklistItem,
    InspectionKind,
    LogisticsKind,
    LogisticsState,
    PlaceType,
    Posting,
    Verdict,
)
from chiso.activities.services.outreach import ACTIVITY_FIELDS, POSTING_FIELDS
from chiso.places.access import villages_for
from chiso.places.models import Village
from chiso.plans.access import plans_for
from chiso.plans.models import Plan
from chiso.web.widgets import DayMonthYearField, choice_field, model_choice_field

if TYPE_CHECKING:
    from chiso.accounts.models import User


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; each is checked by the service (content, size)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if not data:
            return []
        items = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in items]


FILES_HELP = _("PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc PNG; chọn được nhiều tệp.")
LINKS_HELP = _("Mỗi đường dẫn một dòng (bài báo điện tử, chương trình trên trang của Đài…).")


class EvidenceFields(forms.Form):
    # A declared field leaves the class (Django's form metaclass): Form.files is untouched.
    files = MultipleFileField(label=_("Tệp minh chứng"), help_text=FILES_HELP)  # type: ignore[assignment]
    links = forms.CharField(
        label=_("Đường dẫn"),
        required=False,
        help_text=LINKS_HELP,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def link_list(self) -> list[str]:
        return [line for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]


def _agencies(user: User) -> QuerySet[Agency]:
    if user.province_id is None:
        return Agency.objects.none()
    return Agency.objects.filter(province_id=user.province_id, active=True).order_by("kind", "name")


def _unit_field(year: int, label: Any) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=units.unit_choices(year),
        widget=forms.CheckboxSelectMultiple,
    )


class InspectionPlanForm(forms.Form):
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Plan.objects.none())
    title = forms.CharField(label=_("Tên kế hoạch kiểm tra"), max_length=300)
    kind = forms.ChoiceField(label=_("Hình thức"), choices=InspectionKind.choices)
    lead_agency = forms.ModelChoiceField(
        label=_("Cơ quan kiểm tra"), queryset=Agency.objects.none()
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Đối tượng kiểm tra"),
        queryset=Agency.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    starts_on = DayMonthYearField(label=_("Từ ngày"))
    ends_on = DayMonthYearField(label=_("Đến ngày"))
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, user: User, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "plan").queryset = plans_for(user)
        self.fields["plan"].initial = plan.pk
        model_choice_field(self, "lead_agency").queryset = _agencies(user)
        model_choice_field(self, "targets").queryset = _agencies(user)
        self.fields["unit_codes"] = _unit_field(plan.year, _("Chỉ số PAPI được kiểm tra"))
        own = access.own_inspection_kind(user)
        # A kind of its own means an agency of its own (access.own_inspection_kind).
        if not is_coordinator(user) and own is not None and user.agency is not None:
            choice_field(self, "kind").choices = [(own, InspectionKind(own).label)]
            lead = user.agency
            model_choice_field(self, "lead_agency").queryset = _agencies(user).filter(pk=lead.pk)
            self.fields["lead_agency"].initial = lead.pk
            if own == InspectionKind.DISTRICT:
                area = access.area_agencies(lead)
                targets = _agencies(user).filter(pk__in=area.values("pk"))
                model_choice_field(self, "targets").queryset = targets


class VisitForm(forms.Form):
    agency = forms.ModelChoiceField(
        label=_("Cơ quan được kiểm tra"), queryset=Agency.objects.none()
    )
    visited_on = DayMonthYearField(label=_("Ngày kiểm tra"))
    place = forms.CharField(label=_("Địa điểm"), max_length=300)
    members = forms.CharField(
        label=_("Thành phần đoàn"),
        help_text=_("Mỗi người một dòng: họ tên, chức vụ, cơ quan."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, inspection: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "agency").queryset = inspection.targets.order_by("name")


class FindingForm(EvidenceFields):
    checklist_item: forms.ModelChoiceField[ChecklistItem] = forms.ModelChoiceField(
        label=_("Nội dung kiểm tra"),
        required=False,
        queryset=None,
        empty_label=_("— Nội dung khác —"),
    )
    verdict = forms.ChoiceField(
        label=_("Kết quả"), choices=Verdict.choices, widget=forms.RadioSelect
    )
    description = forms.CharField(label=_("Nhận xét"), widget=forms.Textarea(attrs={"rows": 3}))
    field_order = ["checklist_item", "verdict", "description", "files", "links"]

    def __init__(self, *args: Any, visit: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "checklist_item").queryset = visit.checklist.all()


class ConcludeForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    conclusion = forms.CharField(
        label=_("Kết luận chung"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ResponseForm(forms.Form):
    response = forms.CharField(
        label=_("Giải trình của đơn vị"), widget=forms.Textarea(attrs={"rows": 3})
    )


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label=_("Kiến nghị, yêu cầu khắc phục"), widget=forms.Textarea(attrs={"rows": 2})
    )
    deadline = DayMonthYearField(label=_("Thời hạn khắc phục"))


class CloseForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    recommendation_id: int | None = None  # set by the view: which recommendation's form it is
    note = forms.CharField(
        label=_("Ý kiến khi đóng"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ActivityFields(forms.Form):
    """What an activity is; shared by the record form and the edit form."""

    kind = forms.ChoiceField(label=_("Loại hoạt động"), choices=ActivityKind.choices)
    title = forms.CharField(label=_("Tên hoạt động"), max_length=300)
    held_on = DayMonthYearField(label=_("Ngày thực hiện"))
    organiser = forms.ModelChoiceField(label=_("Đơn vị tổ chức"), queryset=Agency.objects.none())
    place = forms.CharField(label=_("Địa điểm, kênh"), max_length=300, required=False)
    village = forms.ModelChoiceField(
        label=_("Thôn, tổ dân phố"),
        queryset=Village.objects.none(),
        required=False,
        help_text=_("Nếu hoạt động tổ chức tại một thôn, tổ dân phố."),
    )
    audience_type = forms.ChoiceField(label=_("Đối tượng"), choices=AudienceType.choices)
    audience_count = forms.IntegerField(
        label=_("Số người tham dự"),
        min_value=0,
        required=False,
        help_text=_("Để trống nếu không đếm được (phát sóng, đăng báo)."),
    )
    description = forms.CharField(
        label=_("Nội dung"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    field_order = ["version", "plan", *ACTIVITY_FIELDS, "files", "links"]

    def _limit_choices(self, user: User, year: int, current: Agency | None = None) -> None:
        organisers = access.recordable_agencies(user)
        if current is not None:  # an inactive organiser stays selectable on its own activity
            organisers = Agency.objects.filter(Q(pk__in=organisers.values("pk")) | Q(pk=current.pk))
        model_choice_field(self, "organiser").queryset = organisers.order_by("kind", "name")
        model_choice_field(self, "village").queryset = villages_for(user).filter(active=True)
        self.fields["unit_codes"] = _unit_field(year, _("Chỉ số PAPI được đề cập"))
        self.order_fields(self.field_order)


class ActivityForm(EvidenceFields, ActivityFields):
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Plan.objects.none())

    def __init__(self, *args: Any, user: User, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "plan").queryset = plans_for(user)
        self.fields["plan"].initial = plan.pk
        self._limit_choices(user, plan.year)
        self.fields["organiser"].initial = user.agency_id


class ActivityEditForm(ActivityFields):
    """The activity as saved, with the version it was read at (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: User, activity: Activity, **kwargs: Any) -> None:
        initial = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
        initial.update(version=activity.version, organiser=activity.organiser_id)
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self._limit_choices(user, activity.plan.year, activity.organiser)

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in ACTIVITY_FIELDS}


class PostingFields(forms.Form):
    """Where and when the task framework was posted; shared by the record and edit forms."""

    commune = forms.ModelChoiceField(
        label=_("Xã, phường, thị trấn"), queryset=Agency.objects.none()
    )
    place_type = forms.ChoiceField(label=_("Nơi niêm yết"), choices=PlaceType.choices)
    village = forms.ModelChoiceField(
        label=_("Thôn, tổ dân phố"),
        queryset=Village.objects.none(),
        required=False,
        help_text=_("Niêm yết tại nhà văn hóa thôn: chọn thôn để được tính vào độ phủ."),
    )
    place = forms.CharField(
        label=_("Địa chỉ, tên thôn"),
        max_length=300,
        required=False,
        help_text=_("Để trống khi đã chọn thôn, tổ dân phố."),
    )
    posted_on = DayMonthYearField(label=_("Ngày niêm yết"))
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    field_order = ["version", "plan", *POSTING_FIELDS, "files", "links"]

    def _limit_choices(self, user: User, current: Agency | None = None) -> None:
        communes = access.recordable_agencies(user).filter(kind=AgencyKind.COMMUNE_COMMITTEE)
        if current is not None:
            communes = Agency.objects.filter(Q(pk__in=communes.values("pk")) | Q(pk=current.pk))
        model_choice_field(self, "commune").queryset = communes.order_by("parent__name", "name")
        model_choice_field(self, "village").queryset = villages_for(user).filter(
            commune__in=communes.values("pk"), active=True
        )
        self.order_fields(self.field_order)


class PostingForm(EvidenceFields, PostingFields):
    plan = forms.ModelChoiceField(label=_("Kế hoạch"), queryset=Plan.objects.none())

    def __init__(self, *args: Any, user: User, plan: Plan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "plan").queryset = plans_for(user)
        self.fields["plan"].initial = plan.pk
        self._limit_choices(user)


STILL_POSTED = {True: "yes", False: "no", None: ""}


class PostingEditForm(PostingFields):
    """The posting as saved, including the later check, with its version."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    checked_on = DayMonthYearField(
        label=_("Ngày kiểm tra lại"),
        required=False,
        help_text=_("Cán bộ xã ghi khi kiểm tra lại nơi niêm yết; để trống nếu chưa kiểm tra."),
    )
    still_posted = forms.TypedChoiceField(
        label=_("Khi kiểm tra"),
        required=False,
        coerce=lambda v: v == "yes",
        empty_value=None,
        choices=[
            ("", _("— Chưa kiểm tra lại —")),
            ("yes", _("Còn niêm yết")),
            ("no", _("Không còn niêm yết")),
        ],
    )

    def __init__(self, *args: Any, user: User, posting: Posting, **kwargs: Any) -> None:
        initial = {name: getattr(posting, name) for name in POSTING_FIELDS}
        initial.update(
            version=posting.version,
            commune=posting.commune_id,
            still_posted=STILL_POSTED[posting.still_posted],
        )
        kwargs["initial"] = initial
        super().__init__(*args, **kwargs)
        self._limit_choices(user, posting.commune)

    def service_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in POSTING_FIELDS}


class PostingCheckForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    checked_on = DayMonthYearField(label=_("Ngày kiểm tra lại"))
    still_posted = forms.TypedChoiceField(
        label=_("Khi kiểm tra"),
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        choices=[("yes", _("Còn niêm yết")), ("no", _("Không còn niêm yết"))],
    )
    note = forms.CharField(label=_("Ghi chú"), required=False)


class SurveyRoundForm(forms.Form):
    year = forms.IntegerField(label=_("Năm khảo sát"), min_value=2009, max_value=2100)
    notified_on = DayMonthYearField(label=_("Ngày nhận thông báo"), required=False)
    fieldwork_from = DayMonthYearField(label=_("Khảo sát từ ngày"), required=False)
    fieldwork_to = DayMonthYearField(label=_("Đến ngày"), required=False)
    notes = forms.CharField(
        label=_("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class LocationForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("Huyện, thị xã, thành phố"), queryset=Agency.objects.none()
    )
    commune_name = forms.CharField(label=_("Xã, phường, thị trấn"), max_length=200)
    village_name = forms.CharField(label=_("Thôn, tổ dân phố"), max_length=200, required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "district").queryset = _agencies(user).filter(
            kind=AgencyKind.DISTRICT_COMMITTEE
        )


class ContactForm(forms.Form):
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.none())
    name = forms.CharField(label=_("Họ và tên"), max_length=120)
    position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)
    phone = forms.CharField(label=_("Điện thoại"), max_length=40, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "agency").queryset = _agencies(user).filter(
            kind__in=(
                AgencyKind.DISTRICT_COMMITTEE,
                AgencyKind.FATHERLAND_FRONT,
                AgencyKind.COMMUNE_COMMITTEE,
                AgencyKind.DEPARTMENT,
            )
        )


class LogisticsForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại việc"), choices=LogisticsKind.choices)
    title = forms.CharField(label=_("Nội dung"), max_length=300)
    agency = forms.ModelChoiceField(label=_("Đơn vị thực hiện"), queryset=Agency.objects.none())
    due_on = DayMonthYearField(label=_("Hạn"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choice_field(self, "agency").queryset = _agencies(user)


class LogisticsStateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    task_id: int | None = None  # set by the view: which task's form it is
    state = forms.ChoiceField(label=_("Trạng thái"), choices=LogisticsState.choices)
    note = forms.CharField(label=_("Ghi chú"), required=False)
