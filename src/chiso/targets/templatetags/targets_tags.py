"""Number formatting for the target page: signed gains in the reader's locale (+0,08)."""

from __future__ import annotations

from django import template

from chiso.targets import numbers

register = template.Library()


@register.filter
def signed(value: float | None, decimals: int = 2) -> str:
    """+1,56 / −0,10 / 0,00 with the active language's decimal separator."""
    return "—" if value is None else numbers.signed(value, int(decimals))


@register.filter
def relation(strict: bool) -> str:
    """How a threshold is reached: strictly above (>) or at least (≥)."""
    return ">" if strict else "≥"
