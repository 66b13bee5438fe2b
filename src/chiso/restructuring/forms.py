"""The restructuring forms: which agencies are abolished and who succeeds each; which province
joins which. The preview and the confirmation post the same fields."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.web.widgets import DayMonthYearField

# 1/7/2025: Resolution 202/2025/QH15 and the two-level local government took effect.
EFFECTIVE_2025 = dt.date(2025, 7, 1)
_PREFIX = "ke_nhiem_"


def _successor_choices(agencies: list[Agency]) -> list[Any]:
    groups: dict[str, list[tuple[str, str]]] = {}
    for a in agencies:
        groups.setdefault(str(AgencyKind(a.kind).label), []).append((str(a.pk), a.name))
    return [("", _("— không giải thể —")), *groups.items()]


class AbolishForm(forms.Form):
    """One successor box per active district committee; an empty box keeps the agency."""

    effective_on = DayMonthYearField(label=_("Ngày có hiệu lực"), initial=EFFECTIVE_2025)

    def __init__(self, province: Province, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        active = list(
            Agency.objects.filter(province=province, active=True).order_by("kind", "name")
        )
        self.candidates = [a for a in active if a.kind == AgencyKind.DISTRICT_COMMITTEE]
        choices = _successor_choices([a for a in active if a.kind != AgencyKind.DISTRICT_COMMITTEE])
        for agency in self.candidates:
            self.fields[f"{_PREFIX}{agency.pk}"] = forms.ChoiceField(
                label=agency.name, choices=choices, required=False
            )

    def rows(self) -> list[tuple[Agency, forms.BoundField]]:
        return [(a, self[f"{_PREFIX}{a.pk}"]) for a in self.candidates]

    def successors(self) -> dict[int, int]:
        return {
            int(name.removeprefix(_PREFIX)): int(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(_PREFIX) and value
        }


class MergeForm(forms.Form):
    absorbed = forms.ModelChoiceField(
        label=_("Tỉnh nhập vào (giải thể)"), queryset=Province.objects.none()
    )
    into = forms.ModelChoiceField(label=_("Tỉnh sau hợp nhất"), queryset=Province.objects.none())
    effective_on = DayMonthYearField(label=_("Ngày có hiệu lực"), initial=EFFECTIVE_2025)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = Province.objects.served().order_by("name")
        self.fields["absorbed"].queryset = provinces  # type: ignore[attr-defined]
        self.fields["into"].queryset = provinces  # type: ignore[attr-defined]
