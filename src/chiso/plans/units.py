"""Units of several indices on one task (issue 18): how a unit is named in forms and lists.

A unit is an index and a code: PAPI "5", PCI "time_costs", PAR INDEX "3". In a form, a list of
codes or a catalogue entry a unit is written as its code when it is of the plan's own index
("5.2" in a PAPI plan) and as "INDEX:code" otherwise ("PCI:time_costs", "PAR_INDEX:3"), so every
list written before other indices existed still reads the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from chiso.index.framework import Framework, FrameworkError, load_framework, shipped_frameworks
from chiso.plans.errors import PlanError

SEPARATOR = ":"


@dataclass(frozen=True, order=True)
class UnitRef:
    index: str
    code: str

    def token(self, own_index: str) -> str:
        """ "5.2" for the plan's own index, "PCI:time_costs" for another."""
        return self.code if self.index == own_index else f"{self.index}{SEPARATOR}{self.code}"


@dataclass(frozen=True)
class UnitLabel:
    """A unit as the pages show it: "PCI", "time_costs", "Chi phí thời gian"."""

    index: str
    index_name: str
    code: str
    name: str

    @property
    def text(self) -> str:
        """ "5 — Thủ tục hành chính công", "Chi phí thời gian"; the code for an unknown unit."""
        return _with_code(self.code, self.name) if self.name else self.code


def index_codes() -> list[str]:
    """The shipped indices, PAPI first ("PAPI", "PAR_INDEX", "PCI", "SIPAS")."""
    return [f.code for f in shipped_frameworks()]


def index_name(index: str) -> str:
    """The short name an index is known by: "PAR INDEX" for the code PAR_INDEX."""
    return index.replace("_", " ")


def parse_ref(token: str, own_index: str) -> UnitRef:
    """ "PCI:time_costs" → (PCI, time_costs); a bare code is of `own_index`."""
    token = token.strip()
    index, sep, code = token.partition(SEPARATOR)
    if not sep:
        return UnitRef(own_index, token)
    return UnitRef("_".join(index.strip().upper().replace("-", " ").split()), code.strip())


def parse_refs(tokens: Iterable[str], own_index: str) -> list[UnitRef]:
    return sorted({parse_ref(t, own_index) for t in tokens if t and t.strip()})


def load_framework_or_none(index: str) -> Framework | None:
    try:
        return load_framework(index)
    except FrameworkError:
        return None


def check_refs(refs: Iterable[UnitRef], field: str = "unit_codes") -> None:
    """Each unit must be a unit (not the composite) of its index's framework; an index chiso
    has no framework file for is refused, and so are its codes."""
    for ref in refs:
        framework = load_framework_or_none(ref.index)
        if framework is None:
            raise PlanError(
                _("Không có bộ chỉ số “%(index)s”.") % {"index": index_name(ref.index)}, field
            )
        if not framework.has_unit(ref.code) or ref.code == framework.root.code:
            raise PlanError(
                _("Không có chỉ số/nội dung “%(code)s” trong %(index)s.")
                % {"code": ref.code, "index": index_name(ref.index)},
                field,
            )


def _sort_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """ "2.10" after "2.9"; named codes after numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def unit_label(ref: UnitRef, year: int, lang: str) -> UnitLabel:
    framework = load_framework_or_none(ref.index)
    name = ""
    if framework is not None and framework.has_unit(ref.code):
        name = framework.unit(ref.code).name(year, lang)
    return UnitLabel(ref.index, index_name(ref.index), ref.code, name)


def unit_labels(refs: Iterable[UnitRef], own_index: str, year: int, lang: str) -> list[UnitLabel]:
    """Labels of a task's units: the plan's own index first, then the others by name."""
    ordered = sorted(refs, key=lambda r: (r.index != own_index, r.index, _sort_key(r.code)))
    return [unit_label(r, year, lang) for r in ordered]


def index_units(index: str, year: int, lang: str) -> list[tuple[str, str]]:
    """(code, "code — name") of an index's units for `year` (the composite left out), in
    framework order; [] for an index without a framework."""
    framework = load_framework_or_none(index)
    if framework is None:
        return []
    units = [u for u in framework.units if u.code != framework.root.code and u.exists_in(year)]
    if all(all(p.isdigit() for p in u.code.split(".")) for u in units):
        units.sort(key=lambda u: _sort_key(u.code))
    return [(u.code, _with_code(u.code, u.name(year, lang))) for u in units]


def _with_code(code: str, name: str) -> str:
    """ "5.2 — Công khai …" for a numbered unit; a named one (PCI's "time_costs") by its name."""
    return f"{code} — {name}" if code[:1].isdigit() else name


def short_text(refs: Iterable[UnitRef], own_index: str) -> str:
    """ "5, 5.2; PCI: time_costs" — a task's units in one line (documents, exports)."""
    by_index: dict[str, list[str]] = {}
    for ref in sorted(refs, key=lambda r: (r.index != own_index, r.index, _sort_key(r.code))):
        by_index.setdefault(ref.index, []).append(ref.code)
    parts = []
    for index, codes in by_index.items():
        text = ", ".join(codes)
        parts.append(text if index == own_index else f"{index_name(index)}: {text}")
    return "; ".join(parts)
