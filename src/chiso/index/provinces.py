"""Vietnam's provinces: the 63 in force until 30/6/2025 and the 34 from 1/7/2025.

The 34-province list comes from the maintained `vietnam-provinces` package; the package no longer
carries the pre-merger list, so the 63 (GSO codes, names, and the new province each one joined)
are shipped as a data file. Both eras reuse codes with different meanings (52 was Bình Định, is
now Gia Lai), so a province is identified by era + code.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vietnam_provinces import Province as VNProvince

from chiso.index.names import compact_name, normalize_name, plain_name, strip_diacritics

ERA_63 = "63"
ERA_34 = "34"
# PAPI 2024 (published April 2025) is the last edition on the 63 provinces.
LAST_YEAR_OF_63 = 2024
_DATA = Path(__file__).parent / "data" / "provinces_63.csv"
_EN_OVERRIDES = {"Hà Nội": "Hanoi", "Hồ Chí Minh": "Ho Chi Minh City", "Huế": "Hue"}
_ALIASES_34 = {"46": ("Thừa Thiên Huế",), "79": ("HCM", "HCMC", "TP HCM", "TPHCM", "Sai Gon")}


@dataclass(frozen=True)
class Province:
    code: str  # GSO code, two digits ("56")
    name: str  # Vietnamese, with diacritics, without "Tỉnh"/"Thành phố"
    name_en: str
    kind: str  # "tỉnh" | "thành phố trung ương"
    era: str  # ERA_63 | ERA_34
    successor_code: str | None = None  # for the 63: the code of the 34-era province it joined
    aliases: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return (
            f"Thành phố {self.name}" if self.kind.startswith("thành phố") else f"Tỉnh {self.name}"
        )

    def display(self) -> str:
        """The name shown to people: the official Vietnamese name with diacritics, in every
        language (English pages too; no language to pick). `name_en` is only for matching typed
        names."""
        return self.name


class UnknownProvince(LookupError):
    """A name matches no province; carries close suggestions."""

    def __init__(self, name: str, suggestions: tuple[str, ...]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = f" Có phải: {', '.join(suggestions)}? (did you mean)" if suggestions else ""
        super().__init__(f"Không tìm thấy tỉnh/thành phố {name!r} (unknown province).{hint}")


@cache
def provinces_63() -> tuple[Province, ...]:
    lines = [ln for ln in _DATA.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return tuple(
        Province(
            code=row["code"],
            name=row["name_vi"],
            name_en=row["name_en"],
            kind=row["kind"],
            era=ERA_63,
            successor_code=row["successor_code"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in csv.DictReader(lines)
    )


@cache
def provinces_34() -> tuple[Province, ...]:
    result = []
    for p in VNProvince.iter_all():
        full = str(p.name)
        name = full.removeprefix("Thành phố ").removeprefix("Tỉnh ")
        result.append(
            Province(
                code=f"{int(p.code.value):02d}",
                name=name,
                name_en=_EN_OVERRIDES.get(name, strip_diacritics(name)),
                kind=str(p.division_type.value),
                era=ERA_34,
                aliases=_ALIASES_34.get(f"{int(p.code.value):02d}", ()),
            )
        )
    return tuple(sorted(result, key=lambda q: q.code))


def namesake_63(province: Province) -> Province:
    """The 63-era province whose name a 34-era province kept (Khánh Hòa for Khánh Hòa, which
    absorbed Ninh Thuận; Thừa Thiên Huế for Huế). Its GSO code need not be the new one's."""
    merged = [p for p in provinces_63() if p.successor_code == province.code]
    new_name = plain_name(province.name)
    for p in merged:
        old_name = plain_name(p.name)
        if old_name == new_name or new_name in old_name or old_name in new_name:
            return p
    raise LookupError(f"no 63-era province gave its name to {province.name}")


def predecessors(province: Province) -> tuple[Province, ...]:
    """The 63-era provinces a 34-era province was formed from, the one whose name it kept
    first (Khánh Hòa, then Ninh Thuận, for Khánh Hòa): their series are the new province's
    history before the merger. A province that merged with none has itself as its only one."""
    merged = [p for p in provinces_63() if p.successor_code == province.code]
    try:
        first = namesake_63(province)
    except LookupError:
        return tuple(merged)
    return (first, *(p for p in merged if p != first))


def provinces_for_year(year: int | None) -> tuple[Province, ...]:
    """The list in force for a survey year (None: the current list)."""
    if year is not None and year <= LAST_YEAR_OF_63:
        return provinces_63()
    return provinces_34()


@cache
def _index(era: str) -> dict[str, Province]:
    provinces = provinces_63() if era == ERA_63 else provinces_34()
    index: dict[str, Province] = {}
    for p in provinces:
        for label in (p.name, p.name_en, p.full_name, *p.aliases):
            index.setdefault(compact_name(label), p)
    return index


def province_by_code(code: str, era: str = ERA_63) -> Province:
    for p in provinces_63() if era == ERA_63 else provinces_34():
        if p.code == code.zfill(2):
            return p
    raise UnknownProvince(code, ())


def match_province(name: str, year: int | None = None) -> Province:
    """Find a province by any usual spelling (or its GSO code).

    With a year, the list in force that year is searched; without one, the 63 first (all
    published PAPI data uses them), then the 34.
    """
    eras: tuple[str, ...]
    if year is not None:
        eras = (ERA_63,) if year <= LAST_YEAR_OF_63 else (ERA_34,)
    else:
        eras = (ERA_63, ERA_34)
    key = compact_name(name)
    for era in eras:
        if key.isdigit():
            try:
                return province_by_code(key, era)
            except UnknownProvince:
                continue
        found = _index(era).get(key)
        if found is not None:
            return found
    raise UnknownProvince(name, _suggest(name, eras))


def match_deployment(name: str, code: str, year: int | None) -> Province:
    """A deployment's own province — stored with one name and one GSO code — in the list of
    `year`. By name first: codes were reassigned at the 2025 merger (Lào Cai took Yên Bái's 15,
    Bắc Ninh Bắc Giang's 24) while names stayed with the province that kept them; then by code."""
    try:
        return match_province(name, year)
    except UnknownProvince:
        return match_province(code, year)


def _suggest(name: str, eras: tuple[str, ...]) -> tuple[str, ...]:
    candidates: dict[str, str] = {}
    for era in eras:
        for p in provinces_63() if era == ERA_63 else provinces_34():
            candidates.setdefault(normalize_name(p.name), p.name)
    close = difflib.get_close_matches(normalize_name(name), list(candidates), n=3, cutoff=0.6)
    return tuple(candidates[c] for c in close)
