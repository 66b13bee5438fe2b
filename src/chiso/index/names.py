"""Name normalisation shared by every part of chiso that matches names typed by people.

Vietnamese names arrive in many spellings: with or without diacritics, NFC or NFD, old or new
tone placement ("Hòa"/"Hoà", "Thủy"/"Thuỷ"), with administrative prefixes ("Tỉnh", "Thành phố",
"TP.") or English suffixes ("City", "Province"). Comparing the normalised forms makes all of
these equal. Tone placement needs no special case: once the tone marks are stripped, "hoa" is
"hoa" wherever the mark sat.
"""

from __future__ import annotations

import re
import unicodedata

# Administrative words that carry no identity. Longest first so "thanh pho" wins over shorter
# overlaps; matched as whole words only (so "Thành" in "Thanh Hóa" is kept).
_PREFIXES = ("thanh pho truc thuoc trung uong", "thanh pho", "tinh", "tp", "province of")
_SUFFIXES = ("city", "province", "municipality")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.,;:/()'’]+")


def strip_diacritics(text: str) -> str:
    """Remove every combining mark; đ/Đ become d/D (they are letters, not marks)."""
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return kept.replace("đ", "d").replace("Đ", "D")


def plain_name(name: str) -> str:
    """No diacritics, case-folded, single spaces — administrative words kept (agency names)."""
    text = strip_diacritics(unicodedata.normalize("NFC", name)).casefold()
    return _SEPARATORS.sub(" ", text).strip()


def normalize_name(name: str) -> str:
    """Canonical comparison key: no diacritics, case-folded, single spaces, no admin prefix.

    >>> normalize_name("Tỉnh  Khánh Hoà") == normalize_name("khanh hòa")
    True
    """
    text = plain_name(name)
    changed = True
    while changed:
        changed = False
        for prefix in _PREFIXES:
            if text.startswith(prefix + " "):
                text = text[len(prefix) + 1 :].lstrip()
                changed = True
        for suffix in _SUFFIXES:
            if text.endswith(" " + suffix):
                text = text[: -len(suffix) - 1].rstrip()
                changed = True
    return text


def compact_name(name: str) -> str:
    """normalize_name without spaces, so "Hanoi" and "Hà Nội" also meet."""
    return normalize_name(name).replace(" ", "")
