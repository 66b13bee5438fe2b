"""Property tests of weighted aggregation in the core (PCI's composite)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.index import load_framework
from chiso.index.compute import aggregate_scores

PCI = load_framework("PCI")
CODES = [u.code for u in PCI.units]
COMPONENTS = [u.code for u in PCI.children("aggregate")]
YEARS = (2019, 2022)  # confirmed and unconfirmed weights
component_scores = st.lists(
    st.floats(min_value=0, max_value=10, allow_nan=False), min_size=10, max_size=10
)


def composite(year: int, values: list[float]) -> float:
    cube = np.full((1, 1, len(CODES)), np.nan)
    for code, value in zip(COMPONENTS, values, strict=True):
        cube[0, 0, CODES.index(code)] = value
    return float(aggregate_scores(PCI, (year,), cube)[0, 0, CODES.index("aggregate")])


def test_every_weight_set_sums_to_the_composite_scale() -> None:
    low, high = PCI.scale_range("aggregate", 2019)
    for weights in PCI.root.weights:
        assert sum(w for _, w in weights.values) == high - low == 100


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(YEARS), component_scores)
def test_composite_stays_on_its_scale_and_is_the_weighted_mean(
    year: int, values: list[float]
) -> None:
    weights = PCI.weight_set("aggregate", year)
    assert weights is not None
    score = composite(year, values)
    expected = sum(weights.weight(c) * v for c, v in zip(COMPONENTS, values, strict=True)) / 10
    assert 0 - 1e-9 <= score <= 100 + 1e-9 and abs(score - expected) < 1e-9


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(YEARS),
    component_scores,
    st.integers(min_value=0, max_value=9),
    st.floats(min_value=0, max_value=10, allow_nan=False),
)
def test_raising_a_component_never_lowers_the_composite(
    year: int, values: list[float], which: int, raise_by: float
) -> None:
    higher = list(values)
    higher[which] = min(10.0, values[which] + raise_by)
    assert composite(year, higher) >= composite(year, values) - 1e-12


@given(st.sampled_from(YEARS))
def test_extremes_of_the_components_are_the_extremes_of_the_scale(year: int) -> None:
    assert composite(year, [0.0] * 10) == 0.0
    assert abs(composite(year, [10.0] * 10) - 100.0) < 1e-9


def test_a_missing_component_or_a_year_without_weights_gives_no_composite() -> None:
    assert np.isnan(composite(2019, [5.0] * 9 + [float("nan")]))
    assert np.isnan(composite(2023, [5.0] * 10))  # 2023's weights are not known
