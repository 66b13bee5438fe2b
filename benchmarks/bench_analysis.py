"""The analysis for all 14 years (2011–2024) against the core compute of the same data, in the
same run: a plan review (29 tasks) per plan year, and the peers of Khánh Hòa per year (side by
side for neighbours and region, "learn from" over 1–3 years for every weakness).

Budget: for one year, each costs no more than `compute` does for all figures of all 14 years,
in the same run (checked at the end of the last benchmark; measured: review ≈ 0.2×, peers
≈ 0.3× per year).

Run: `make bench` (or `pytest benchmarks/bench_analysis.py --benchmark-only`).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from chiso.index import Dataset, Results, compute, read_wide
from chiso.index.peer_compare import learn_from_spans, side_by_side
from chiso.index.peers import NEIGHBOURS, REGION, peer_set
from chiso.index.review import PlanWork, ReviewError, TaskWork, review_plan

REPO = Path(__file__).resolve().parents[1]
DATA = (
    Path(os.environ.get("CHISO_SHARED_DIR", REPO.parent / "shared")) / "data" / "papi-subdimensions"
)
BUDGET = 1.0  # × the same-run mean of compute()
MEANS: dict[str, float] = {}
UNITS = ("1.1", "1.2", "1.4", "2.1", "2.2", "2.3", "2.4", "3.2", "3.3", "4.4", "7.1", "7.3", "2")
TASKS = tuple(
    TaskWork(f"T{i}", f"Nhiệm vụ {i}", f"Loại {i % 4}", (UNITS[i % len(UNITS)],), 10, 7, 2)
    for i in range(29)
)


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    if not DATA.is_dir():
        pytest.fail(f"PAPI data not found at {DATA}")
    return read_wide(DATA)


@pytest.fixture(scope="module")
def results(dataset: Dataset) -> Results:
    return compute(dataset)


def reviews_all_years(results: Results) -> int:
    done = 0
    for year in results.years[1:]:
        try:
            review_plan(results, PlanWork("x", "Khánh Hòa", year, year - 1, TASKS))
            done += 1
        except ReviewError:
            pass
    return done


def peers_all_years(results: Results) -> int:
    province = results.province("Khánh Hòa")
    rows = 0
    for year in results.years:
        for kind in (NEIGHBOURS, REGION):
            rows += len(side_by_side(results, peer_set(results, province, year, kind), year).rows)
        for weak in results.profile(province, year).weaknesses:
            rows += len(learn_from_spans(results, weak.unit, year, province))
    return rows


def test_bench_compute(benchmark: BenchmarkFixture, dataset: Dataset) -> None:
    benchmark(compute, dataset)
    MEANS["compute"] = benchmark.stats.stats.mean


def test_bench_review_all_years(benchmark: BenchmarkFixture, results: Results) -> None:
    assert benchmark(reviews_all_years, results) == 13
    MEANS["review"] = benchmark.stats.stats.mean


def test_bench_peers_all_years(benchmark: BenchmarkFixture, results: Results) -> None:
    assert benchmark(peers_all_years, results) > 14 * 2
    MEANS["peers"] = benchmark.stats.stats.mean
    if {"compute", "review"} <= set(MEANS):  # the module ran in order, in one run
        per_year = {
            "review": MEANS["review"] / 13 / MEANS["compute"],
            "peers": MEANS["peers"] / 14 / MEANS["compute"],
        }
        print(f"\nper year, same-run ratio to compute() of all years: {per_year}")
        assert all(r <= BUDGET for r in per_year.values()), per_year
