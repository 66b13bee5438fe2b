"""The form of a province's own published results for one year: one score per unit of the
framework that year (the aggregate first), the published rank and, where the framework takes
groups as published, the group. Numbers are read as in an import (`43,44` or `43.44`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.index.framework import Framework
from chiso.index.readers import parse_number
from chiso.results.entry import EntryField, EntryValues, entry_fields, score_field


class NumberField(forms.CharField):
    """A number typed the Vietnamese way or the English way; `whole` for a rank."""

    def __init__(self, *, whole: bool = False, **kwargs: Any) -> None:
        self.whole = whole
        super().__init__(required=False, **kwargs)

    def clean(self, value: Any) -> float | int | None:
        text = super().clean(value)
        try:
            number = parse_number(text)
        except ValueError:
            number = float("nan")
        if number is None:
            return None
        if self.whole:
            if number != number or number != int(number):
                raise forms.ValidationError(_("Thứ hạng là một số nguyên."))
            return int(number)
        if number != number:
            raise forms.ValidationError(_("Không phải là số."))
        return number


class EntryForm(forms.Form):
    """Required scores are checked by the service (with the import's wording), not here: the
    form only reads numbers."""

    def __init__(self, fw: Framework, year: int, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.framework, self.year = fw, year
        self.entries: tuple[EntryField, ...] = entry_fields(fw, year)
        for entry in self.entries:
            self.fields[score_field(entry.unit.code)] = NumberField()
        self.fields["rank"] = NumberField(whole=True)
        if fw.grouping == "published" and fw.tiers:
            lang = get_language() or "vi"
            choices = [("", "—"), *((t.code, t.label.get(lang)) for t in fw.tiers)]
            self.fields["group"] = forms.ChoiceField(choices=choices, required=False)

    def values(self) -> EntryValues:
        data = self.cleaned_data
        return EntryValues(
            scores={e.unit.code: data.get(score_field(e.unit.code)) for e in self.entries},
            rank=data.get("rank"),
            group=data.get("group") or None,
        )
