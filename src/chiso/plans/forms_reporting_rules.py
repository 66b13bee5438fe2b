"""The form of the province's report-review rules: every list holds only the province's own
agencies and people."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, User
from chiso.plans.models import ReportingSettings
from chiso.plans.services.reporting_rules import OWN_REPORT_REVIEWERS
from chiso.web.widgets import model_choice_field


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        name = obj.get_full_name() or obj.username
        return f"{name} ({obj.get_role_display()})"


class ReportingRulesForm(forms.Form):
    coordinating_agency = forms.ModelChoiceField(
        Agency.objects.none(),
        required=False,
        label=_("Cơ quan điều phối kế hoạch"),
        help_text=_("Thường là Sở Nội vụ: cơ quan theo dõi, tổng hợp và duyệt báo cáo."),
    )
    own_reports_reviewer = PersonChoiceField(
        User.objects.none(),
        required=False,
        label=_("Người duyệt báo cáo của chính cơ quan điều phối"),
        help_text=_(
            "Không ai tự duyệt báo cáo của mình. Để trống: mọi cán bộ điều phối khác người gửi "
            "đều duyệt được."
        ),
    )
    signoff_agencies = forms.ModelMultipleChoiceField(
        Agency.objects.none(),
        required=False,
        label=_("Cơ quan cần lãnh đạo cơ quan duyệt báo cáo trước"),
        help_text=_(
            "Báo cáo của chuyên viên các cơ quan này đến thủ trưởng cơ quan duyệt trước khi gửi "
            "Sở Nội vụ."
        ),
        widget=forms.SelectMultiple(attrs={"data-multi-select": "", "size": 8}),
    )

    def __init__(self, *args: Any, province_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agencies = Agency.objects.filter(province_id=province_id).order_by("kind", "name")
        model_choice_field(self, "coordinating_agency").queryset = agencies
        model_choice_field(self, "signoff_agencies").queryset = agencies
        people = User.objects.filter(
            province_id=province_id, is_active=True, role__in=OWN_REPORT_REVIEWERS
        ).order_by("role", "last_name", "first_name", "username")
        model_choice_field(self, "own_reports_reviewer").queryset = people

    @staticmethod
    def initial_from(rules: ReportingSettings | None) -> dict[str, Any]:
        if rules is None:
            return {}
        return {
            "coordinating_agency": rules.coordinating_agency_id,
            "own_reports_reviewer": rules.own_reports_reviewer_id,
            "signoff_agencies": [agency.pk for agency in rules.signoff_agencies.all()],
        }
