"""Whole numbers typed into addresses (`?agency=12`, `?days=30`), read in one place.

`str.isdigit()` accepts "²" and "٣", which `int()` then refuses or reads; and a 25-digit id
fits no database column. Only ASCII digits up to MAX_ID count as a number here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

MAX_ID = 2**63 - 1  # the largest value of a BigAutoField on every database chiso runs on
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_id(raw: str | None) -> int | None:
    """The positive whole number in `raw`, or None when it is not one chiso could store."""
    text = (raw or "").strip()
    if not _DIGITS.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None


def int_param(params: Mapping[str, str], name: str) -> int | None:
    """`params[name]` as a positive whole number, or None (absent, empty or not a number)."""
    return parse_id(params.get(name))
