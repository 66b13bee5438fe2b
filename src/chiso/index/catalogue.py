"""The catalogue of standard improvement tasks, keyed to PAPI units, and the national starter
catalogue shipped as data (`data/catalogue_papi.yaml`).

A catalogue entry suggests what to do about a weak unit: which tasks, led by what kind of body.
`suggest` lists, for each weak unit, the entries that name it or one of its sub-units.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from chiso.index.framework import Framework

STARTER = Path(__file__).parent / "data" / "catalogue_papi.yaml"


class CatalogueError(ValueError):
    """A catalogue entry that cannot be used (message names the entry and the field)."""


@dataclass(frozen=True)
class CatalogueEntry:
    code: str
    title: str
    units: tuple[str, ...]
    lead: str = ""  # the usual lead body, by kind or name
    source: str = ""  # seed | chiso | province | plan
    ref: str = ""  # where it comes from (a plan section and task code)


def check_entry(entry: CatalogueEntry, framework: Framework, where: str) -> None:
    """Raise CatalogueError unless the entry has a code, a title and known units."""
    if not entry.code.strip():
        raise CatalogueError(f"{where}: thiếu mã (code is required)")
    if not entry.title.strip():
        raise CatalogueError(f"{where}: thiếu tên nhiệm vụ (title is required)")
    if not entry.units:
        raise CatalogueError(f"{where}: chưa gắn chỉ số nào (no unit)")
    unknown = [u for u in entry.units if not framework.has_unit(u)]
    if unknown:
        raise CatalogueError(
            f"{where}: mã chỉ số không có trong {framework.code}: {', '.join(unknown)} "
            "(unknown unit)"
        )


def _entry(raw: Any, i: int) -> CatalogueEntry:
    if not isinstance(raw, dict):
        raise CatalogueError(f"tasks[{i}]: cần một bảng khóa–giá trị (mapping expected)")
    return CatalogueEntry(
        code=str(raw.get("code", "")),
        title=str(raw.get("title", "")),
        units=tuple(str(u) for u in raw.get("units") or ()),
        lead=str(raw.get("lead", "")),
        source=str(raw.get("source", "")),
        ref=str(raw.get("ref", "")),
    )


def load_catalogue(path: Path, framework: Framework) -> tuple[CatalogueEntry, ...]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    entries = tuple(_entry(r, i) for i, r in enumerate(raw.get("tasks") or ()))
    seen: set[str] = set()
    for i, e in enumerate(entries):
        check_entry(e, framework, f"{path.name} tasks[{i}] ({e.code})")
        if e.code in seen:
            raise CatalogueError(f"{path.name}: mã {e.code} bị trùng (duplicate code)")
        seen.add(e.code)
    return entries


@cache
def starter_catalogue(framework: Framework) -> tuple[CatalogueEntry, ...]:
    """The national starter catalogue, checked against `framework`."""
    return load_catalogue(STARTER, framework)


def matches(entry: CatalogueEntry, unit: str, framework: Framework) -> bool:
    """Whether the entry addresses `unit`: it names the unit, one of its sub-units, or its
    parent dimension."""
    subs = {c.code for c in framework.children(unit)} if framework.has_unit(unit) else set()
    parent = framework.unit(unit).parent if framework.has_unit(unit) else None
    return any(u in (unit, parent) or u in subs for u in entry.units)


def suggest(
    entries: Iterable[CatalogueEntry], units: Sequence[str], framework: Framework
) -> dict[str, tuple[CatalogueEntry, ...]]:
    """For each unit of `units` (in order), the entries that address it (in catalogue order)."""
    listed = tuple(entries)
    return {u: tuple(e for e in listed if matches(e, u, framework)) for u in units}
