"""Agency names compare like province names: case, diacritics, spacing and tone placement
ignored. Unlike province names, administrative words are kept ("Tỉnh ủy" stays distinct)."""

import re
import unicodedata

from chiso.index.names import strip_diacritics

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.,;:/()'’]+")


def agency_key(name: str) -> str:
    """A matching key for an agency or group name (Hòa = Hoà = hoa; đ = d)."""
    plain = strip_diacritics(unicodedata.normalize("NFC", name)).casefold()
    return _SEPARATORS.sub(" ", plain).strip()
