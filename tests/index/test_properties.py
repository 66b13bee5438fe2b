"""Property tests of the ranking and tier rules (ties, n = 60/61/63, scores on a cut-off)."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.index.compute import assign_tiers, interpolated_percentiles, min_ranks

QS = (25.0, 50.0, 75.0)
scores_strategy = st.integers(min_value=1, max_value=80).flatmap(
    lambda n: st.lists(
        st.one_of(
            st.sampled_from([40.0, 41.5, 43.25, 45.0]),  # repeated values make ties
            st.floats(min_value=8, max_value=80, allow_nan=False),
        ),
        min_size=n,
        max_size=n,
    )
)


def as_cube(values: list[float]) -> np.ndarray:
    return np.array(values, dtype=np.float64)[None, :, None]


def tiers_for(values: list[float], inclusive: bool) -> tuple[np.ndarray, np.ndarray]:
    cube = as_cube(values)
    cut = interpolated_percentiles(cube, QS)
    return assign_tiers(cube, cut, np.array([inclusive]))[0, :, 0], cut[0, 0]


@given(scores_strategy)
def test_min_rank_counts_strictly_better(values: list[float]) -> None:
    ranks = min_ranks(as_cube(values))[0, :, 0]
    for i, v in enumerate(values):
        assert ranks[i] == 1 + sum(1 for w in values if w > v)
    assert ranks.min() == 1
    # equal scores share the better rank
    for i, v in enumerate(values):
        for j, w in enumerate(values):
            if v == w:
                assert ranks[i] == ranks[j]


@given(scores_strategy)
def test_missing_scores_are_not_ranked(values: list[float]) -> None:
    with_gaps = [*values, float("nan"), float("nan")]
    ranks = min_ranks(as_cube(with_gaps))[0, :, 0]
    assert np.isnan(ranks[-2:]).all()
    assert (ranks[:-2] == min_ranks(as_cube(values))[0, :, 0]).all()
    cut = interpolated_percentiles(as_cube(with_gaps), QS)[0, 0]
    assert np.allclose(cut, np.percentile(values, QS, method="linear"))


@given(scores_strategy)
def test_percentiles_match_numpy_linear(values: list[float]) -> None:
    cut = interpolated_percentiles(as_cube(values), QS)[0, 0]
    assert np.allclose(cut, np.percentile(values, QS, method="linear"), rtol=0, atol=1e-12)


@given(scores_strategy, st.booleans())
def test_tier_rule_definition(values: list[float], inclusive: bool) -> None:
    tiers, (p25, p50, p75) = tiers_for(values, inclusive)

    def expected(s: float) -> int:
        reach = (lambda c: s >= c) if inclusive else (lambda c: s > c)
        return 0 if reach(p75) else 1 if reach(p50) else 2 if reach(p25) else 3

    assert [int(t) for t in tiers] == [expected(s) for s in values]


@given(scores_strategy)
def test_better_score_never_gets_worse_tier(values: list[float]) -> None:
    for inclusive in (True, False):
        tiers, _ = tiers_for(values, inclusive)
        order = np.argsort(values)
        assert all(tiers[order[i]] >= tiers[order[i + 1]] for i in range(len(values) - 1))


@settings(max_examples=60)
@given(
    st.sampled_from(
        [
            (60, (15, 15, 15, 15), (15, 15, 15, 15)),
            (61, (16, 15, 15, 15), (15, 15, 15, 16)),
            (63, (16, 16, 15, 16), (16, 15, 16, 16)),
        ]
    ),
    st.randoms(use_true_random=False),
)
def test_group_sizes_for_distinct_scores(case: tuple, rnd: object) -> None:
    n, sizes_a, sizes_b = case
    values = [30 + i * 0.173 for i in range(n)]
    rnd.shuffle(values)  # type: ignore[attr-defined]
    for inclusive, sizes in ((True, sizes_a), (False, sizes_b)):
        tiers, _ = tiers_for(values, inclusive)
        assert tuple(int((tiers == k).sum()) for k in range(4)) == sizes


@given(st.sampled_from([61, 63]), st.integers(min_value=0, max_value=2))
def test_province_exactly_on_a_percentile(n: int, which: int) -> None:
    # n − 1 divisible by 4 (61) or 2 (63): these cut-offs fall exactly on a province's score
    values = [20 + i * 0.37 for i in range(n)]
    tiers_a, cut = tiers_for(values, True)
    tiers_b, _ = tiers_for(values, False)
    q = QS[which]
    h = (n - 1) * q / 100
    if h != int(h):
        return
    on = int(h)
    assert values[on] == cut[which]
    better_tier = 2 - which  # p25 → low_average (2), p50 → high_average (1), p75 → high (0)
    assert tiers_a[on] == better_tier
    assert tiers_b[on] == better_tier + 1
