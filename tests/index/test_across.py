"""One province on every index (chiso.index.across): known answers from the shared data."""

from pathlib import Path

import pytest

from chiso.index import compute, read_long, read_wide
from chiso.index.across import across_indices, index_history
from chiso.index.provinces import match_province
from chiso.index.results import Results

from .conftest import shared_dir
from .test_par_sipas import fragments_as_long


@pytest.fixture(scope="module")
def pci() -> Results:
    path = shared_dir() / "data" / "pci"
    if not path.is_dir():
        pytest.fail(f"shared PCI data not found at {path} (set CHISO_SHARED_DIR)")
    return compute(read_wide(path, "PCI"))


def test_pci_history_of_dong_thap(pci: Results) -> None:
    history = index_history(pci, "Đồng Tháp")
    by_year = {y.year: y for y in history.years}
    assert sorted(by_year) == list(range(2015, 2023))
    assert history.missing == (2023, 2024)
    y2021 = by_year[2021]
    assert (y2021.score, y2021.rank, y2021.of, y2021.tier_label.vi) == (70.53, 3, 63, "Tốt")
    assert round(y2021.change or 0, 2) == -2.28 and y2021.rank_change == -1
    assert not y2021.computed and y2021.rank_published and y2021.group_published
    assert by_year[2020].tier is None  # 2020's table has no groups: none is invented


def test_movers_compare_with_the_last_year_that_has_the_component(pci: Results) -> None:
    history = index_history(pci, "Đồng Tháp", top=3)
    moves = [(m.previous_year, m.year, m.unit, round(m.change, 2)) for m in history.movers]
    # 2020 holds only the composite: 2021 is compared with 2019, largest moves first.
    assert moves[-3:] == [
        (2019, 2021, "entry_costs", 1.36),
        (2019, 2021, "proactivity", -1.1),
        (2019, 2021, "policy_bias", -1.05),
    ]


def test_rank_only_years_and_unknown_provinces(pci: Results, tmp_path: Path) -> None:
    par = compute(read_long(fragments_as_long("par-index", "par_index_pct", tmp_path), "PAR INDEX"))
    khanh_hoa = match_province("Khánh Hòa", 2020)
    pci_kh, par_kh = across_indices([pci, par], khanh_hoa)
    assert [(y.year, y.score, y.rank) for y in pci_kh.years] == [(2020, 63.98, 26)]
    assert par_kh.years == () and par_kh.missing == par.years  # no PAR INDEX figure at all
    quang_ninh = index_history(par, "Quảng Ninh")
    y2020 = next(y for y in quang_ninh.years if y.year == 2020)
    assert (y2020.score, y2020.rank, y2020.rank_published) == (None, 1, True)


def test_a_profile_of_an_index_without_groups(tmp_path: Path) -> None:
    """SIPAS publishes no groups (its framework has no tiers): a profile still builds."""
    sipas = compute(read_long(fragments_as_long("sipas", "sipas_pct", tmp_path), "SIPAS"))
    profile = sipas.profile("Quảng Ninh", 2023)
    assert profile.aggregate is not None and profile.aggregate.score == 90.61
    assert profile.highlights.lowest_tier == ()
