"""Compute every PAPI figure 2011–2024 (all units, ranks, tiers, changes): the vectorised core
versus a naive per-province pandas loop, in the same run. Goal for the core: < 50 ms.

Run: `make bench` (or `pytest benchmarks/bench_index.py --benchmark-only`).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from chiso.index import Dataset, compute, load_framework, read_wide
from chiso.index.compute import compute_arrays

REPO = Path(__file__).resolve().parents[1]
DATA = (
    Path(os.environ.get("CHISO_SHARED_DIR", REPO.parent / "shared")) / "data" / "papi-subdimensions"
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    if not DATA.is_dir():
        pytest.fail(f"PAPI data not found at {DATA}")
    return read_wide(DATA)


def naive_pandas(data: Dataset) -> dict[tuple[int, str, str], tuple[float, int, str, float]]:
    """What a notebook would do: one province and one unit at a time with pandas."""
    fw = load_framework("PAPI")
    frames = {}
    for y, year in enumerate(data.years):
        frame = pd.DataFrame(
            data.scores[y], index=[p.code for p in data.provinces], columns=list(data.unit_codes)
        )
        for depth in (1, 0):
            for unit in fw.units:
                if fw.depth(unit.code) != depth or not unit.exists_in(year):
                    continue
                kids = [c.code for c in fw.children(unit.code, year)]
                for code in frame.index:
                    row = frame.loc[code, kids]
                    frame.loc[code, unit.code] = row.sum() if row.notna().all() else np.nan
        frames[year] = frame
    out: dict[tuple[int, str, str], tuple[float, int, str, float]] = {}
    for year, frame in frames.items():
        inclusive = fw.tier_rule(year).inclusive
        for unit in fw.units:
            if not unit.exists_in(year):
                continue
            col = frame[unit.code].dropna()
            p25, p50, p75 = col.quantile([0.25, 0.5, 0.75]).tolist()
            prev = frames.get(year - 1)
            for code, score in col.items():
                rank = int((col > score).sum()) + 1
                reach = (lambda c, s=score: s >= c) if inclusive else (lambda c, s=score: s > c)
                tier = (
                    "high" if reach(p75) else "ha" if reach(p50) else "la" if reach(p25) else "low"
                )
                change = np.nan
                if prev is not None and unit.code in prev.columns:
                    change = score - prev.loc[code, unit.code]
                out[(year, str(code), unit.code)] = (float(score), rank, tier, float(change))
    return out


def test_bench_core_compute_all_years(benchmark, dataset: Dataset) -> None:  # type: ignore[no-untyped-def]
    results = benchmark(compute, dataset)
    kh = results.unit_result("Khánh Hòa", 2022, "aggregate")
    assert kh is not None and (kh.rank, kh.of, kh.tier) == (16, 61, "high")


def test_bench_core_arrays_only(benchmark, dataset: Dataset) -> None:  # type: ignore[no-untyped-def]
    arrays = benchmark(compute_arrays, dataset)
    assert arrays.n[dataset.years.index(2021), 0] == 60


def test_bench_naive_pandas_loop(benchmark, dataset: Dataset) -> None:  # type: ignore[no-untyped-def]
    out = benchmark.pedantic(naive_pandas, args=(dataset,), rounds=2, iterations=1)
    score, rank, tier, change = out[(2022, "56", "aggregate")]
    assert (round(score, 2), rank, tier, round(change, 2)) == (43.44, 16, "high", 1.75)


# --- the other indices: all PCI years within PAPI's budget, measured in the same run --------

PCI_DATA = DATA.parent / "pci"
SAME_RUN: dict[str, float] = {}


@pytest.fixture(scope="module")
def pci_dataset() -> Dataset:
    if not PCI_DATA.is_dir():
        pytest.fail(f"PCI data not found at {PCI_DATA}")
    return read_wide(PCI_DATA, "PCI")


def test_bench_papi_all_years_reference(benchmark, dataset: Dataset) -> None:  # type: ignore[no-untyped-def]
    benchmark(compute, dataset)
    SAME_RUN["PAPI"] = benchmark.stats.stats.mean


def test_bench_pci_all_years_within_papi_budget(benchmark, pci_dataset: Dataset) -> None:  # type: ignore[no-untyped-def]
    """Every PCI year 2015–2024 (weighted composites, published ranks and groups): no slower
    than computing every PAPI year, as a ratio of the two in this run."""
    results = benchmark(compute, pci_dataset)
    kh = results.unit_result("Khánh Hòa", 2020, "aggregate")
    assert kh is not None and (kh.rank, kh.of) == (26, 63)
    SAME_RUN["PCI"] = benchmark.stats.stats.mean
    if "PAPI" in SAME_RUN:
        ratio = SAME_RUN["PCI"] / SAME_RUN["PAPI"]
        print(f"\nPCI all years / PAPI all years, same run: {ratio:.2f}")
        assert ratio <= 1.0, ratio
