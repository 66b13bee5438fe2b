"""Odds of a score goal: the share of similar-level province-years that gained as much."""

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from chiso.index import Results
from chiso.index.target import what_it_takes
from chiso.index.target_odds import LevelChanges, gain_odds, level_changes
from chiso.index.target_threshold import SCORE, Goal


def test_khanh_hoa_2023_score_45_counted_by_hand(papi: Results) -> None:
    # Recount from the raw aggregate scores: one-year pairs after the 2018 break, up to 2022.
    values, years = papi.values("aggregate"), papi.years
    pairs = []
    for before in (2018, 2019, 2020, 2021):
        i, j = years.index(before), years.index(before + 1)
        pairs += [
            (values[i, p], values[j, p] - values[i, p])
            for p in range(len(papi.provinces))
            if not math.isnan(values[i, p]) and not math.isnan(values[j, p])
        ]
    current = papi.unit_result("Khánh Hòa", 2022, "aggregate").score  # type: ignore[union-attr]
    nearest = sorted(pairs, key=lambda sc: abs(sc[0] - current))[:60]
    expected = sum(change >= 45.0 - current for _, change in nearest)
    odds = what_it_takes(papi, "Khánh Hòa", 2023, Goal(SCORE, score=45.0)).odds
    assert odds is not None
    assert (odds.reached, odds.total, odds.years) == (expected, 60, (2019, 2020, 2021, 2022))
    assert expected == 7
    text = odds.sentence()
    assert "60 lượt tỉnh-năm" in text.vi and "7 lượt tăng được ít nhất 1,56 điểm" in text.vi
    assert "khả năng khoảng 12%" in text.vi and "cứ khoảng 9 tỉnh thì có 1" in text.vi
    assert "not a promise" in text.en


def test_two_year_goal_uses_two_year_changes(papi: Results) -> None:
    changes = level_changes(papi, "aggregate", 2022, 2)
    assert changes.span == 2 and changes.years == (2020, 2021, 2022)
    # a goal already met still has honest odds: the share that did not fall below it
    odds = gain_odds(changes, 43.0, -10.0)
    assert odds.probability == 1.0


def test_no_history_gives_zero_of_zero() -> None:
    empty = LevelChanges("1", 1, np.empty(0), np.empty(0), ())
    odds = gain_odds(empty, 5.0, 0.5)
    assert (odds.reached, odds.total, odds.probability) == (0, 0, 0.0)


starts = st.lists(st.floats(1, 10, allow_nan=False), min_size=1, max_size=80)


@given(starts, st.floats(1, 10), st.floats(-3, 3), st.floats(-3, 3), st.integers(1, 100))
def test_odds_are_a_share_that_never_rises_with_the_need(
    start: list[float], current: float, need_a: float, need_b: float, k: int
) -> None:
    rng = np.random.default_rng(len(start))
    changes = LevelChanges("1", 1, np.array(start), rng.normal(0, 1, len(start)), (2020,))
    low, high = sorted((need_a, need_b))
    easy, hard = gain_odds(changes, current, low, k), gain_odds(changes, current, high, k)
    assert easy.total == hard.total == min(k, len(start))
    assert 0.0 <= hard.probability <= easy.probability <= 1.0
    # the neighbours are the closest start scores: none left out is closer than one taken
    assert easy.low <= easy.high
    taken = np.sort(np.abs(np.array(start) - current))[: easy.total]
    assert max(abs(easy.low - current), abs(easy.high - current)) == pytest.approx(taken.max())
