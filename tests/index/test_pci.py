"""PCI through the same engine: known answers from VCCI's published tables (shared data)."""

import csv
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from chiso.index import compute, load_framework, read_wide
from chiso.index.dataset import Dataset, ScoreRecord
from chiso.index.provinces import match_province
from chiso.index.results import Results

from .conftest import shared_dir

COMPONENTS = [
    "entry_costs", "land_access", "transparency", "time_costs", "informal_charges", "policy_bias",
    "proactivity", "business_support", "labor_training", "legal_institutions",
]  # fmt: skip


@pytest.fixture(scope="module")
def pci_dir() -> Path:
    path = shared_dir() / "data" / "pci"
    if not path.is_dir():
        pytest.fail(f"shared PCI data not found at {path} (set CHISO_SHARED_DIR)")
    return path


@pytest.fixture(scope="module")
def pci(pci_dir: Path) -> Results:
    return compute(read_wide(pci_dir, "PCI"))


def published_rows(pci_dir: Path, year: int) -> list[dict[str, str]]:
    with (pci_dir / f"{year}.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_composite_from_components_within_003_of_published_2015_2021(pci: Results) -> None:
    """Every 2015–2021 province-year with all ten components: the published composite removed,
    the weighted mean of the components is within ±0,03 of it."""
    data = pci.dataset
    root = data.unit_codes.index("aggregate")
    components = [data.unit_codes.index(c) for c in COMPONENTS]
    kept = [
        replace(r, score=None) if r.unit == "aggregate" and r.year <= 2021 else r
        for r in data.records
    ]
    kept = [r for r in kept if (r.score, r.rank, r.group) != (None, None, None)]
    recomputed = compute(Dataset.build(data.framework, kept))
    checked = 0
    for y, year in enumerate(data.years):
        if year > 2021:
            continue
        for p, province in enumerate(data.provinces):
            published = data.scores[y, p, root]
            if math.isnan(published) or np.isnan(data.scores[y, p, components]).any():
                continue  # no published composite, or a component missing
            result = recomputed.unit_result(province, year, "aggregate")
            assert result is not None and result.computed, (year, province.name)
            assert abs(result.score - published) <= 0.03 + 1e-9, (year, province.name)
            checked += 1
    assert checked == 7 + 7 + 6 + 6 + 28 + 6 + 25  # the complete rows the data README counts


def test_computed_composite_uses_weights_5_5_20_5_10_5_5_20_20_5() -> None:
    fw = load_framework("PCI")
    weights = fw.weight_set("aggregate", 2019)
    assert weights is not None and weights.confirmed
    assert [weights.weight(c) for c in COMPONENTS] == [5, 5, 20, 5, 10, 5, 5, 20, 20, 5]
    # Quảng Ninh 2019 (published 73.40) computed from its components alone
    published = (7.16, 7.00, 7.20, 7.89, 7.10, 7.69, 7.96, 6.68, 7.95, 7.58)
    values = dict(zip(COMPONENTS, published, strict=True))
    qn = match_province("Quảng Ninh", 2019)
    records = [ScoreRecord(2019, qn, code, value) for code, value in values.items()]
    result = compute(Dataset.build(fw, records)).unit_result(qn, 2019, "aggregate")
    assert result is not None and result.score == pytest.approx(73.40)
    assert result.computed and not result.weights_unconfirmed
    assert result.rank is None  # one province is not the field: no computed rank


def test_2022_weights_are_recorded_as_unconfirmed_and_2023_has_none() -> None:
    fw = load_framework("PCI")
    assert fw.weights_unconfirmed(2021) == ()
    (fitted,) = fw.weights_unconfirmed(2022)
    assert "fitted" in fitted.source and fitted.weight("informal_charges") == 15
    assert fw.weight_set("aggregate", 2023) is None  # the fit misses 2023: published only
    assert fw.weights_unconfirmed(2024) == (fw.weight_set("aggregate", 2024),)


def test_2022_complete_rows_fit_the_unconfirmed_weights_within_002(
    pci: Results, pci_dir: Path
) -> None:
    fw = pci.framework
    complete = [row for row in published_rows(pci_dir, 2022) if all(row[c] for c in COMPONENTS)]
    assert len(complete) == 5
    for row in complete:
        province = match_province(row["province"], 2022)
        records = [ScoreRecord(2022, province, c, float(row[c])) for c in COMPONENTS]
        result = compute(Dataset.build(fw, records)).unit_result(province, 2022, "aggregate")
        assert result is not None and result.weights_unconfirmed
        assert abs(result.score - float(row["pci_score"])) <= 0.02 + 1e-9, row["province"]


def test_published_ranks_and_groups_are_shown_as_published(pci: Results, pci_dir: Path) -> None:
    labels = {t.code: t.label.vi for t in pci.framework.tiers}
    for year in pci.years:
        ranking = {row.province: row for row in pci.ranking(year).rows}
        for row in published_rows(pci_dir, year):
            shown = ranking[match_province(row["province"], year)]
            assert shown.rank == (int(row["rank"]) if row["rank"] else None), (year, row)
            assert (labels[shown.tier] if shown.tier else "") == row["tier"], (year, row)
    # 2021: 70.61 is "Tốt" although 70.15 was "Rất tốt" in 2019 — never a score band
    hp = pci.unit_result("Hải Phòng", 2021, "aggregate")
    assert hp is not None and (hp.score, hp.rank, hp.of, hp.tier_label.vi) == (70.61, 2, 63, "Tốt")
    assert hp.rank_published and hp.group_published and not hp.computed


def test_partial_years_have_no_field_figures_complete_2020_does(pci: Results) -> None:
    partial = pci.ranking(2022)
    assert partial.of == 63 and partial.mean is None and partial.median is None
    kh = pci.unit_result("Khánh Hòa", 2020, "aggregate")
    assert kh is not None and (kh.score, kh.rank, kh.of) == (63.98, 26, 63)
    assert kh.national_mean == pytest.approx(64.379, abs=1e-3) and kh.tier is None
    # a component of a partial year: a score, but no rank or mean over a field it lacks
    comp = pci.unit_result("Thanh Hóa", 2023, "transparency")
    assert comp is not None and comp.rank is None and comp.national_mean is None
    assert pci.profile("Thanh Hóa", 2023).strengths == ()


def test_unit_names_follow_the_year() -> None:
    fw = load_framework("PCI")
    assert fw.unit("business_support").name(2020) == "Dịch vụ hỗ trợ doanh nghiệp"
    assert fw.unit("business_support").name(2021) == "Chính sách hỗ trợ doanh nghiệp"


def test_what_it_takes_splits_a_weighted_mean_by_weight(pci: Results) -> None:
    """The composite is a weighted mean: a transparency point is worth 2 composite points, an
    entry-costs point 0,5; the split adds up in composite points, not component points."""
    from chiso.index.target import Goal, what_it_takes

    result = what_it_takes(pci, "Đồng Tháp", 2020, Goal("score", score=73.0))  # 72,10 in 2019
    rows = {a.unit: a for a in result.plan.allocation}
    assert set(rows) == set(COMPONENTS)
    assert rows["transparency"].weight == pytest.approx(2.0)
    assert rows["entry_costs"].weight == pytest.approx(0.5)
    total = sum(a.contribution for a in rows.values())
    if result.plan.reachable:
        assert total == pytest.approx(result.needed_gain)
    else:
        assert total == pytest.approx(result.plan.max_gain)
    assert result.plan.max_gain == pytest.approx(sum(a.bound * a.weight for a in rows.values()))
    survey = result.assumptions[-1]
    assert survey.vi.startswith("Điểm PCI là ước lượng") and "PAPI" not in survey.en
