"""Numbers as the reader's language writes them (43,44 in Vietnamese, 43.44 in English).

Django's number_format cuts extra decimals off (1,845 → 1,84); these round first, so a figure
reads the same in the verdict, the caveats, the tables and the XLSX notes."""

from __future__ import annotations

from django.utils.formats import number_format


def fixed(value: float, places: int = 2) -> str:
    return number_format(round(float(value), places), places)


def signed(value: float, places: int = 2) -> str:
    """+1,56 / −0,10 / 0,00."""
    rounded = round(float(value), places)
    text = number_format(abs(rounded), places)
    if rounded > 0:
        return f"+{text}"
    if rounded < 0:
        return f"−{text}"
    return text
