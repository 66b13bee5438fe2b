"""What it takes for Khánh Hòa 2023: the full answer (exact threshold, 2000-draw bootstrap
projection, least-effort split, the eight dimensions) and the exact threshold alone.

Run: `make bench` (or `pytest benchmarks/bench_target.py --benchmark-only`).
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from chiso.index import Results, load_papi
from chiso.index.target import what_it_takes
from chiso.index.target_threshold import TIER, Goal, thresholds

REPO = Path(__file__).resolve().parents[1]
DATA = (
    Path(os.environ.get("CHISO_SHARED_DIR", REPO.parent / "shared")) / "data" / "papi-subdimensions"
)


@pytest.fixture(scope="module")
def papi() -> Results:
    if not DATA.is_dir():
        pytest.fail(f"PAPI data not found at {DATA}")
    return load_papi(DATA)


def test_target_tier_high_full(benchmark: BenchmarkFixture, papi: Results) -> None:
    goal = Goal(TIER, tier="high")
    result = benchmark(what_it_takes, papi, "Khánh Hòa", 2023, goal, seed=0)
    assert len(result.dimensions) == 8 and result.plan.reachable


def test_thresholds_for_10000_scenarios(benchmark: BenchmarkFixture, papi: Results) -> None:
    others = np.random.default_rng(0).uniform(38, 50, size=(10_000, 60))
    values, strict = benchmark(thresholds, Goal(TIER, tier="high"), others, papi.framework, 2023)
    assert values.shape == (10_000,) and strict
