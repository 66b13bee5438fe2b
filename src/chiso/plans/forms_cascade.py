"""The split form on an assignment's page: which agencies under it get a part, and by when."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency
from chiso.web.widgets import DayMonthYearField


class SplitForm(forms.Form):
    agencies = forms.ModelMultipleChoiceField(
        label=_("Giao cho đơn vị cấp dưới"),
        queryset=Agency.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cần chọn ít nhất một đơn vị cấp dưới.")},
    )
    deadline = DayMonthYearField(
        label=_("Thời hạn của đơn vị cấp dưới"),
        required=False,
        help_text=_("Để trống: cùng thời hạn của phần việc được giao; không được sau thời hạn đó."),
    )

    def __init__(self, *args: Any, choices: list[Agency], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["agencies"]
        field.queryset = Agency.objects.filter(pk__in=[a.pk for a in choices]).order_by("name")  # type: ignore[attr-defined]
