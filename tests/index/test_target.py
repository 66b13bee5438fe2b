"""What it takes: exact thresholds (checked against the engine's own tier code), the Khánh Hòa
2023 targets, the split of the gain, projections with a seed, and the refusals."""

import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.index import Results, load_framework
from chiso.index.cli_plan import main as plan_main
from chiso.index.compute import assign_tiers, interpolated_percentiles, min_ranks
from chiso.index.target import TargetError, what_it_takes
from chiso.index.target_allocation import Candidate, allocate
from chiso.index.target_history import history
from chiso.index.target_threshold import RANK, SCORE, TIER, Goal, threshold

PAPI = load_framework("PAPI")
KH = "Khánh Hòa"


def engine_tier(score: float, others: list[float], year: int) -> str:
    """The tier the engine gives `score` among `others` (the province counted in the cut-offs)."""
    values = np.array([[[score], *([o] for o in others)]])  # [1 year, provinces, 1 unit]
    cutoffs = interpolated_percentiles(values, PAPI.percentiles)
    inclusive = np.array([PAPI.tier_rule(year).inclusive])
    return PAPI.tiers[int(assign_tiers(values, cutoffs, inclusive)[0, 0, 0])].code


def engine_rank(score: float, others: list[float]) -> int:
    values = np.array([[[score], *([o] for o in others)]])
    return int(min_ranks(values)[0, 0, 0])


def reaches(tier: str, wanted: str) -> bool:
    codes = [t.code for t in PAPI.tiers]
    return codes.index(tier) <= codes.index(wanted)


# Scores on a coarse grid so that ties and exact percentile positions happen often.
others_lists = st.lists(
    st.integers(min_value=300, max_value=500).map(lambda v: v / 10), min_size=3, max_size=64
)


@settings(max_examples=300, deadline=None)
@given(
    others=others_lists,
    wanted=st.sampled_from(["high", "high_average", "low_average"]),
    year=st.sampled_from([2022, 2023]),  # rule A (≥) and rule B (>)
)
def test_tier_threshold_is_the_exact_minimum(others: list[float], wanted: str, year: int) -> None:
    found = threshold(Goal(TIER, tier=wanted), np.array(others), PAPI, year)
    assert found.strict is (year == 2023)
    if found.strict:
        assert not reaches(engine_tier(found.score, others, year), wanted)
        assert reaches(engine_tier(found.score + 1e-9, others, year), wanted)
    else:
        assert reaches(engine_tier(found.score, others, year), wanted)
        assert not reaches(engine_tier(found.score - 1e-9, others, year), wanted)


@settings(max_examples=200, deadline=None)
@given(others=others_lists, rank=st.integers(min_value=1, max_value=70))
def test_rank_threshold_with_ties(others: list[float], rank: int) -> None:
    found = threshold(Goal(RANK, rank=rank), np.array(others), PAPI, 2022)
    if rank > len(others):
        assert found.score == -math.inf
        return
    assert not found.strict
    assert engine_rank(found.score, others) <= rank  # on a tie the better rank is shared
    assert engine_rank(found.score - 1e-9, others) > rank


def test_province_on_an_exact_percentile_position() -> None:
    # 60 others (n = 61): p75 sits exactly on position 45 of the 61 scores. Under rule A the
    # province reaches "high" at the 45th-lowest other score — there it *is* the cut-off.
    others = np.arange(1.0, 61.0)
    rule_a = threshold(Goal(TIER, tier="high"), others, PAPI, 2022)
    rule_b = threshold(Goal(TIER, tier="high"), others, PAPI, 2023)
    assert (rule_a.score, rule_a.strict) == (45.0, False)
    assert (rule_b.score, rule_b.strict) == (46.0, True)
    assert engine_tier(45.0, list(others), 2022) == "high"
    assert engine_tier(46.0, list(others), 2023) == "high_average"


def test_allocation_known_answers() -> None:
    def cand(code: str, behind: float, bound: float) -> Candidate:
        return Candidate(code, 0.0, behind, scale_max=10.0, scale_width=0.0, realistic=bound)

    assert allocate(2.0, [cand("a", 1.0, 5.0), cand("b", 3.0, 5.0)]) == [0.5, 1.5]
    assert allocate(2.0, [cand("a", 1.0, 5.0), cand("b", 3.0, 1.0)]) == [1.0, 1.0]
    assert allocate(9.0, [cand("a", 1.0, 2.0), cand("b", 3.0, 1.0)]) == [2.0, 1.0]  # out of reach
    assert allocate(0.0, [cand("a", 1.0, 2.0)]) == [0.0]
    capped = Candidate("c", 9.5, 10.0, scale_max=10.0, scale_width=10.0, realistic=2.0)
    assert capped.bound == 0.5 and capped.bound_by_scale


def check_split(plan_gain: float, result_plan: object) -> None:
    rows = result_plan.allocation  # type: ignore[attr-defined]
    assert abs(sum(r.gain for r in rows) - plan_gain) <= 1e-9
    for r in rows:
        assert -1e-12 <= r.gain <= r.bound + 1e-12
        assert r.proposed == pytest.approx(r.current + r.gain)
        assert r.proposed <= r.scale_max + 1e-12
        assert r.bound == pytest.approx(min(r.scale_max - r.current, r.realistic_gain))


def test_khanh_hoa_2023_tier_high(papi: Results) -> None:
    result = what_it_takes(papi, KH, 2023, Goal(TIER, tier="high"), seed=7)
    others = sorted(
        row.score
        for row in papi.ranking(2022).rows
        if row.score is not None and row.province.name != KH
    )
    assert len(others) == 60
    # rule B in 2023 and 60 others: strictly above the 46th-lowest 2022 score of the others
    assert (result.required_score, result.plan.required.strict) == (others[45], True)
    assert result.baseline_year == 2022 and result.plan.current == pytest.approx(43.436880348)
    assert result.needed_gain == pytest.approx(others[45] - 43.436880348)
    assert result.plan.reachable
    check_split(result.needed_gain, result.plan)
    assert [a.unit for a in result.plan.allocation][:3] == ["1.1", "1.2", "1.3"]
    assert len(result.plan.allocation) == 28
    # reproducible projection with a seed
    again = what_it_takes(papi, KH, 2023, Goal(TIER, tier="high"), seed=7)
    assert result.projection == again.projection and 0 < result.probability < 1
    assert result.projection is not None
    assert result.projection.history_years == (2019, 2020, 2021, 2022)
    assert result.projection.required_score > result.required_score
    # hindsight: the actual 2023 p75 was Vĩnh Phúc's score; Khánh Hòa's 44.94 was above it
    assert result.outcome is not None and result.outcome.reached
    assert result.outcome.required.score == pytest.approx(43.952611415)
    # per dimension: what each needs for "Cao"
    dims = {d.unit: d for d in result.dimensions}
    assert list(dims) == [str(k) for k in range(1, 9)]
    assert dims["3"].needed_gain == 0.0  # 2022 dimension 3 already above the others' p75
    for d in result.dimensions:
        check_split(d.needed_gain if d.reachable else d.max_gain, d)
    notes = " ".join(a.en for a in result.assumptions)
    assert "strict rule" in notes and "seed 7" in notes and "sampling error" in notes
    assert "5.1, 5.3, 5.4 (2021)" in notes  # sub-dimension series across the 2021 break


def test_khanh_hoa_2023_score_45(papi: Results) -> None:
    result = what_it_takes(papi, KH, 2023, Goal(SCORE, score=45.0))
    assert result.required_score == 45.0 and not result.plan.required.strict
    assert result.needed_gain == pytest.approx(45.0 - 43.436880348)
    assert result.plan.reachable and result.projection is None
    # 7 of the 60 province-years starting nearest 43,44 (2019–2022) gained ≥ 1,56 in a year
    assert result.odds is not None and (result.odds.reached, result.odds.total) == (7, 60)
    assert result.probability == pytest.approx(7 / 60)
    check_split(result.needed_gain, result.plan)
    assert result.outcome is not None and not result.outcome.reached  # 44.94 in fact
    # the split favours sub-dimensions far below the best: 7.3 (1.30 behind) hits its bound
    top = max(result.plan.allocation, key=lambda a: a.gain)
    assert top.unit == "7.3" and top.gain == pytest.approx(top.bound)
    assert "bound reached" in top.reason.en


def test_goal_out_of_reach_within_one_year(papi: Results) -> None:
    result = what_it_takes(papi, KH, 2023, Goal(SCORE, score=60.0))
    assert not result.plan.reachable and result.plan.shortfall > 0
    assert all(a.gain == a.bound for a in result.plan.allocation)
    assert sum(a.gain for a in result.plan.allocation) == pytest.approx(result.plan.max_gain)


def test_dimension_target_and_rank_goal(papi: Results) -> None:
    d5 = what_it_takes(papi, KH, 2023, Goal(TIER, tier="high_average"), unit="5", draws=200)
    others = sorted(
        row.score
        for row in papi.ranking(2022, "5").rows
        if row.score is not None and row.province.name != KH
    )
    assert d5.required_score == others[30]  # rule B: above the 31st-lowest of 60 (p50)
    assert [a.unit for a in d5.plan.allocation] == ["5.1", "5.3", "5.4"]
    check_split(d5.needed_gain, d5.plan)
    top10 = what_it_takes(papi, KH, 2023, Goal(RANK, rank=10), draws=200)
    agg = sorted(
        (r.score for r in papi.ranking(2022).rows if r.score is not None and r.province.name != KH),
        reverse=True,
    )
    assert top10.required_score == agg[9] and not top10.plan.required.strict


def test_history_never_crosses_a_break(papi: Results) -> None:
    assert history(papi, "5.1", 2022).years == (2022,)  # 5.x rescaled in 2021
    assert history(papi, "aggregate", 2022).years == (2019, 2020, 2021, 2022)
    assert history(papi, "4.1", 2022).years == tuple(range(2012, 2023))


def test_refusals(papi: Results) -> None:
    with pytest.raises(TargetError, match="no baseline"):
        what_it_takes(papi, KH, 2011, Goal(SCORE, score=40))
    with pytest.raises(TargetError, match="structural break"):
        what_it_takes(papi, KH, 2018, Goal(SCORE, score=40))
    with pytest.raises(TargetError, match="unit not in"):
        what_it_takes(papi, KH, 2023, Goal(SCORE, score=3), unit="5.2")
    with pytest.raises(ValueError, match="needs its value"):
        Goal(TIER)


def test_cli_target_json(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["target", "--province", "Khanh Hoa", "--year", "2023", "--tier", "high"]
    assert plan_main([*argv, "--data", str(papi_dir), "--seed", "3", "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) >= {
        "province", "year", "goal", "baseline", "required_score", "needed_gain",
        "probability", "assumptions", "allocation",
    }  # fmt: skip
    assert doc["province"] == {"name": KH, "code": "56"} and doc["year"] == 2023
    assert doc["goal"]["kind"] == "tier" and doc["goal"]["value"] == "high"
    assert doc["baseline"] == {"year": 2022, "score": pytest.approx(43.436880348)}
    keys = {"unit", "current", "proposed", "gain", "bound", "reason"}
    assert all(set(a) >= keys for a in doc["allocation"])
    assert all(isinstance(a, str) for a in doc["assumptions"])
    json.dumps(doc, allow_nan=False)
    assert plan_main([*argv, "--data", str(papi_dir), "--seed", "3", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["probability"] == doc["probability"]


def test_cli_target_table_and_bad_tier(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["target", "--province", "Khánh Hoà", "--year", "2023", "--score", "45"]
    assert plan_main([*argv, "--data", str(papi_dir)]) == 0
    out = capsys.readouterr().out
    assert "năm 2023 cần ≥ 45,00 (+1,56 điểm)" in out and "Giả định" in out
    argv = ["target", "--province", "Khánh Hòa", "--year", "2023", "--tier", "top"]
    assert plan_main([*argv, "--data", str(papi_dir)]) == 1
    assert "unknown tier" in capsys.readouterr().err
