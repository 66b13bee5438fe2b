"""Agency names compare like province names: case, diacritics, spacing and tone placement
ignored. Unlike province names, administrative words are kept ("Tỉnh ủy" stays distinct)."""

from chiso.index.names import plain_name


def agency_key(name: str) -> str:
    """A matching key for an agency or group name (Hòa = Hoà = hoa; đ = d)."""
    return plain_name(name)
