"""PAPI areas (dimensions and sub-dimensions) as the activities forms and coverage views use
them, read from the core framework so names and codes never drift from the index engine."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from chiso.index.framework import Framework, Unit, load_framework
from chiso.site.language import content_language

PAPI = "PAPI"


def framework(index: str = PAPI) -> Framework:
    return load_framework(index)


def areas(year: int, index: str = PAPI) -> list[Unit]:
    """Dimensions and sub-dimensions that exist in `year`, in framework order, dimension first."""
    fw = framework(index)
    out: list[Unit] = []
    for dim in fw.children(fw.root.code, year):
        out.append(dim)
        out.extend(fw.children(dim.code, year))
    return out


def unit_label(code: str, year: int, index: str = PAPI) -> str:
    fw = framework(index)
    if not fw.has_unit(code):
        return code
    return f"{code}. {fw.unit(code).name(year, content_language())}"


def unit_choices(year: int, index: str = PAPI) -> list[tuple[str, str]]:
    return [(u.code, unit_label(u.code, year, index)) for u in areas(year, index)]


def clean_unit_codes(codes: Iterable[str], year: int, index: str = PAPI) -> list[str]:
    """Codes as stored: stripped, de-duplicated, in framework order; unknown codes refused."""
    known = [u.code for u in areas(year, index)]
    wanted = {str(c).strip() for c in codes if str(c).strip()}
    unknown = sorted(wanted - set(known))
    if unknown:
        raise ValueError(
            _("Không có chỉ số %(codes)s trong bộ chỉ số %(index)s năm %(year)s.")
            % {"codes": ", ".join(unknown), "index": index, "year": year}
        )
    return [c for c in known if c in wanted]


def dimension_of(code: str, index: str = PAPI) -> str:
    """The dimension a code belongs to ("2.4" → "2"; "2" → "2")."""
    fw = framework(index)
    unit = fw.unit(code)
    while unit.parent is not None and unit.parent != fw.root.code:
        unit = fw.unit(unit.parent)
    return unit.code


def expand_to_subdimensions(codes: Iterable[str], year: int, index: str = PAPI) -> list[str]:
    """Sub-dimension codes covered by `codes` (a dimension stands for all its sub-dimensions)."""
    fw = framework(index)
    out: list[str] = []
    for code in codes:
        if not fw.has_unit(code):
            continue
        children = fw.children(code, year)
        for sub in children or (fw.unit(code),):
            if sub.code not in out:
                out.append(sub.code)
    return out
