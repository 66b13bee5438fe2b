"""Form widgets and fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _


class DayMonthYearInput(forms.DateInput):
    """A date as officials write it, dd/mm/yyyy, whatever the browser's language.

    A native `<input type="date">` shows its value in the browser's own format: mm/dd/yyyy on
    the English-language office PCs many officials use. This is a text box in dd/mm/yyyy; the
    script chiso/date-input.js adds a button that opens the browser's calendar and writes the
    chosen day back as dd/mm/yyyy. Without the script it is still a plain text box that works.
    """

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        defaults = {
            "placeholder": _("dd/mm/yyyy"),
            "inputmode": "numeric",
            "autocomplete": "off",
            "size": 12,
            "data-date-input": "",
            "data-picker-label": _("Chọn ngày trên lịch"),
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")


# As officials type a day: 29/09/2023, 29/9/23; ISO for values sent by scripts and the API.
DAY_FIRST_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"]


class DayMonthYearField(forms.DateField):
    """A date typed dd/mm/yyyy in a `DayMonthYearInput`, whose error says the expected form
    (Django's own says only "Enter a valid date.")."""

    widget = DayMonthYearInput
    default_error_messages = {
        "invalid": _("Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 29/09/2023."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", DAY_FIRST_FORMATS)
        super().__init__(**kwargs)


def model_choice_field(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """The form's model-choice field `name`, typed as one: `Form.fields` holds plain `Field`s
    for the type checker, and a form narrows its choices per viewer (`.queryset = …`)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


def choice_field(form: forms.BaseForm, name: str) -> forms.ChoiceField:
    """The form's choice field `name`, typed as one (see `model_choice_field`)."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field
