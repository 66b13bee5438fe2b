"""Peer sets (borders, regions, similar score, custom), the side-by-side table and the "learn
from" lists, with known answers recounted from the shared CSV files."""

import csv
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.index import Results
from chiso.index.peer_compare import learn_from, learn_from_spans, side_by_side
from chiso.index.peers import (
    CUSTOM,
    NEIGHBOURS,
    REGION,
    REGIONS,
    SIMILAR,
    PeerError,
    neighbours,
    peer_set,
    region_code,
    region_members,
)
from chiso.index.provinces import match_province, provinces_34, provinces_63


def test_every_border_is_listed_from_both_sides() -> None:
    for era in (provinces_63(), provinces_34()):
        for p in era:
            assert neighbours(p), p.name
            for q in neighbours(p):
                assert p in neighbours(q), (p.name, q.name)
                assert q.era == p.era and q != p


def test_known_borders() -> None:
    kh = match_province("Khánh Hòa", 2023)
    assert {p.name for p in neighbours(kh)} == {"Phú Yên", "Đắk Lắk", "Lâm Đồng", "Ninh Thuận"}
    assert {p.name for p in neighbours(match_province("Cà Mau", 2023))} == {
        "Bạc Liêu",
        "Kiên Giang",
    }
    # 34 provinces: new Khánh Hòa (with Ninh Thuận) borders new Đắk Lắk (with Phú Yên) and new
    # Lâm Đồng (with Đắk Nông, Bình Thuận) only.
    kh34 = match_province("Khánh Hòa", 2026)
    assert {p.name for p in neighbours(kh34)} == {"Đắk Lắk", "Lâm Đồng"}
    hanoi34 = match_province("Hà Nội", 2026)
    assert {p.name for p in neighbours(hanoi34)} == {
        "Thái Nguyên",
        "Bắc Ninh",
        "Phú Thọ",
        "Hưng Yên",
        "Ninh Bình",
    }


def test_six_regions_cover_the_63() -> None:
    sizes = {code: 0 for code in REGIONS}
    for p in provinces_63():
        sizes[region_code(p)] += 1
    assert sizes == {
        "trung_du_mien_nui": 14,
        "dong_bang_song_hong": 11,
        "bac_trung_bo_duyen_hai": 14,
        "tay_nguyen": 5,
        "dong_nam_bo": 6,
        "dong_bang_song_cuu_long": 13,
    }
    assert sum(1 + 0 for _ in provinces_34()) == 34
    assert region_code(match_province("Tây Ninh", 2026)) == "dong_nam_bo"  # kept Tây Ninh's name
    kh = match_province("Khánh Hòa", 2023)
    assert len(region_members(kh)) == 13 and kh not in region_members(kh)


def test_peer_sets(papi: Results) -> None:
    kh = papi.province("Khánh Hòa")
    assert len(peer_set(papi, kh, 2023, NEIGHBOURS).members) == 4
    assert peer_set(papi, kh, 2023, REGION).label.vi.startswith("Vùng Bắc Trung Bộ")
    similar = peer_set(papi, kh, 2023, SIMILAR).members
    own = papi.unit_result(kh, 2023, "aggregate").score  # type: ignore[union-attr]
    gaps = [abs(papi.unit_result(p, 2023, "aggregate").score - own) for p in similar]  # type: ignore[union-attr]
    others = [
        abs(r.score - own)
        for r in papi.ranking(2023).rows
        if r.score is not None and r.province not in similar and r.province != kh
    ]
    assert len(similar) == 6 and max(gaps) <= min(others)
    custom = peer_set(papi, kh, 2023, CUSTOM, (papi.province("Đà Nẵng"), kh))
    assert [p.name for p in custom.members] == ["Đà Nẵng"]  # the province itself is dropped
    with pytest.raises(PeerError):
        peer_set(papi, kh, 2023, CUSTOM, ())
    with pytest.raises(PeerError):
        peer_set(papi, papi.province("Quảng Ninh"), 2018, SIMILAR)  # no 2018 aggregate


def _dimension_1(papi_dir: Path, year: int) -> dict[str, float]:
    with (papi_dir / f"{year}.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    sums = {}
    for row in rows:
        parts = [row[c] for c in ("SC11", "SC12", "SC13", "SC14")]
        if all(parts):
            sums[row["Province"]] = sum(float(v) for v in parts)
    return sums


def test_most_gained_on_dimension_1_from_2022_to_2023(papi: Results, papi_dir: Path) -> None:
    before, after = _dimension_1(papi_dir, 2022), _dimension_1(papi_dir, 2023)
    gains = sorted(((after[p] - before[p], p) for p in after if p in before), reverse=True)
    with (papi_dir / "provinces.csv").open(encoding="utf-8") as f:
        names = {r["Variable_Code"]: r["Variable_Name"] for r in csv.DictReader(f)}
    expected = [match_province(names[p], 2023).name for _, p in gains[:5]]
    found = learn_from(papi, "1", 2023, 1)
    assert [g.province.name for g in found.gainers] == expected
    assert expected == ["Thái Nguyên", "Sóc Trăng", "Bến Tre", "Đà Nẵng", "Quảng Bình"]
    assert [round(g.gain, 4) for g in found.gainers] == [round(g, 4) for g, _ in gains[:5]]
    assert round(found.gainers[0].gain, 4) == 0.5265
    assert (found.gainers[0].rank_start, found.gainers[0].rank_end) == (19, 1)
    national = sum(after.values()) / len(after) - sum(before.values()) / len(before)
    assert found.national_change == pytest.approx(national)


def test_khanh_hoa_2022_to_2023_per_dimension_against_national(papi: Results) -> None:
    kh = papi.province("Khánh Hòa")
    rows = {}
    for d in ("1", "2", "3", "4", "5", "6", "7", "8"):
        item = learn_from(papi, d, 2023, 1, province=kh)
        assert item.own is not None and item.national_change is not None
        rows[d] = (round(item.own.gain, 2), round(item.national_change, 2))
    # Recounted from the shared 2022.csv and 2023.csv (sum of each dimension's sub-dimensions,
    # Khánh Hòa = P37; national = mean of the provinces with the dimension that year):
    assert rows == {
        "1": (0.40, -0.09),
        "2": (0.38, -0.14),
        "3": (-0.13, -0.04),
        "4": (0.43, 0.09),
        "5": (-0.17, -0.02),
        "6": (0.27, 0.00),
        "7": (0.31, 0.04),
        "8": (-0.00, 0.17),
    }


def test_a_span_across_a_break_gives_no_list_and_says_why(papi: Results) -> None:
    spans = learn_from_spans(papi, "5.4", 2023)
    assert [bool(s.gainers) for s in spans] == [True, True, False]
    assert spans[2].unavailable is not None and "2021" in spans[2].unavailable.vi
    assert learn_from(papi, "aggregate", 2018, 1).unavailable is not None  # the 2018 break


def test_side_by_side_puts_the_province_first(papi: Results) -> None:
    kh = papi.province("Khánh Hòa")
    table = side_by_side(papi, peer_set(papi, kh, 2023, NEIGHBOURS), 2023)
    assert table.units == ("aggregate", "1", "2", "3", "4", "5", "6", "7", "8")
    assert table.rows[0].is_self and table.rows[0].province == kh
    ranks = [r.cells[0].rank for r in table.rows[1:]]
    assert ranks == sorted(ranks)  # peers by aggregate rank: Ninh Thuận 6 … Phú Yên 50
    scores = [r.cells[0].score for r in table.rows[1:]]
    assert table.peer_mean[0] == pytest.approx(sum(scores) / len(scores))  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["1", "3.2", "aggregate", "6"]), st.integers(2019, 2024), st.integers(1, 3))
def test_learn_from_is_sorted_and_never_beaten(
    papi: Results, unit: str, year: int, span: int
) -> None:
    item = learn_from(papi, unit, year, span, top=5)
    gains = [g.gain for g in item.gainers]
    assert gains == sorted(gains, reverse=True)
    if item.unavailable is None and gains:
        values = papi.values(unit)
        y0, y1 = papi.years.index(year - span), papi.years.index(year)
        every = [
            values[y1, p] - values[y0, p]
            for p in range(len(papi.provinces))
            if not math.isnan(values[y1, p] - values[y0, p])
        ]
        assert gains[-1] >= sorted(every, reverse=True)[len(gains) - 1] - 1e-12
