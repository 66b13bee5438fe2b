"""Peer sets: the provinces a province compares itself with.

Four kinds: its land neighbours, its socio-economic region (six regions), the provinces of the
most similar score that year, or a list the user picks. The border table and regions of the 63
are data (`data/neighbours_63.csv`); the 34 provinces from 1/7/2025 are unions of whole old
provinces, so their borders and regions are derived from the 63.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from chiso.index.provinces import (
    ERA_63,
    Province,
    namesake_63,
    province_by_code,
    provinces_34,
    provinces_63,
)
from chiso.index.results import Results
from chiso.index.text import LocalizedText

NEIGHBOURS, REGION, SIMILAR, CUSTOM = "neighbours", "region", "similar", "custom"
KINDS = (NEIGHBOURS, REGION, SIMILAR, CUSTOM)
SIMILAR_SIZE = 6
_DATA = Path(__file__).parent / "data" / "neighbours_63.csv"

REGIONS: dict[str, LocalizedText] = {
    "trung_du_mien_nui": LocalizedText(
        "Trung du và miền núi phía Bắc", "Northern Midlands and Mountains"
    ),
    "dong_bang_song_hong": LocalizedText("Đồng bằng sông Hồng", "Red River Delta"),
    "bac_trung_bo_duyen_hai": LocalizedText(
        "Bắc Trung Bộ và duyên hải miền Trung", "North Central and Central Coast"
    ),
    "tay_nguyen": LocalizedText("Tây Nguyên", "Central Highlands"),
    "dong_nam_bo": LocalizedText("Đông Nam Bộ", "Southeast"),
    "dong_bang_song_cuu_long": LocalizedText("Đồng bằng sông Cửu Long", "Mekong River Delta"),
}


class PeerError(ValueError):
    """A peer set that cannot be formed (message in Vietnamese and English)."""


@dataclass(frozen=True)
class PeerSet:
    kind: str
    label: LocalizedText
    province: Province
    members: tuple[Province, ...]  # the peers, without the province itself


@cache
def _table() -> dict[str, tuple[str, tuple[str, ...]]]:
    lines = [ln for ln in _DATA.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    return {
        row["code"]: (row["region"], tuple(row["neighbours"].split()))
        for row in csv.DictReader(lines)
    }


def _constituents(province: Province) -> tuple[Province, ...]:
    """The 63-era provinces a province covers (itself for a 63-era one)."""
    if province.era == ERA_63:
        return (province,)
    return tuple(p for p in provinces_63() if p.successor_code == province.code)


def neighbours(province: Province) -> tuple[Province, ...]:
    """Provinces sharing a land border with `province`, in its own era, by code."""
    table = _table()
    if province.era == ERA_63:
        return tuple(province_by_code(c) for c in sorted(table[province.code][1]))
    old = {c for p in _constituents(province) for c in table[p.code][1]}
    found = {province_by_code(c).successor_code for c in old} - {province.code}
    return tuple(p for p in provinces_34() if p.code in found)


def region_code(province: Province) -> str:
    """The region of a 63-era province; a 34-era one takes the region of the old province whose
    name it kept (chiso's convention until an official list for the 34 is published)."""
    old = province if province.era == ERA_63 else namesake_63(province)
    return _table()[old.code][0]


def region_members(province: Province) -> tuple[Province, ...]:
    region = region_code(province)
    everyone = provinces_63() if province.era == ERA_63 else provinces_34()
    return tuple(p for p in everyone if p != province and region_code(p) == region)


def similar(
    results: Results, province: Province, year: int, size: int = SIMILAR_SIZE
) -> tuple[Province, ...]:
    """The `size` provinces whose aggregate score that year is closest to the province's."""
    y = results.years.index(year)
    values = results.values("aggregate")[y]
    own = values[results.provinces.index(province)]
    if math.isnan(own):
        raise PeerError(
            f"{province.name} không có điểm tổng hợp năm {year} "
            f"(no aggregate score in {year}: no similar-score peers)"
        )
    scored = [
        (abs(float(v) - float(own)), p.code, p)
        for p, v in zip(results.provinces, values, strict=True)
        if p != province and not math.isnan(v)
    ]
    return tuple(p for _, _, p in sorted(scored)[:size])


def peer_set(
    results: Results,
    province: Province,
    year: int,
    kind: str,
    custom: tuple[Province, ...] = (),
) -> PeerSet:
    """The peers of `province` of one `kind` (see module doc), limited to provinces in the data."""
    if kind == NEIGHBOURS:
        members = neighbours(province)
        label = LocalizedText("Các tỉnh giáp ranh", "Neighbouring provinces")
    elif kind == REGION:
        members = region_members(province)
        name = REGIONS[region_code(province)]
        label = LocalizedText(f"Vùng {name.vi}", f"Region: {name.en}")
    elif kind == SIMILAR:
        members = similar(results, province, year)
        label = LocalizedText(
            f"{len(members)} tỉnh có điểm tổng hợp năm {year} gần nhất",
            f"The {len(members)} provinces of closest aggregate score in {year}",
        )
    elif kind == CUSTOM:
        members = tuple(dict.fromkeys(p for p in custom if p != province))
        if not members:
            raise PeerError("Chưa chọn tỉnh nào để so sánh (no provinces chosen)")
        label = LocalizedText("Danh sách tự chọn", "Custom list")
    else:
        raise PeerError(f"Loại nhóm so sánh không hợp lệ {kind!r} (unknown peer set)")
    known = set(results.provinces)
    return PeerSet(kind, label, province, tuple(p for p in members if p in known))
