"""How audit values read on history pages."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def history_value(value: object) -> str:
    """An audit value as people read it: lists joined, yes/no, ISO dates as dd/mm/yyyy."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("có") if value else _("không")
    if isinstance(value, list):
        return ", ".join(history_value(v) for v in value)
    text = str(value)
    try:
        return dt.date.fromisoformat(text).strftime("%d/%m/%Y") if len(text) == 10 else text
    except ValueError:
        return text
