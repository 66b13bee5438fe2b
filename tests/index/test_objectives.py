"""Objective evaluation: known answers from the shared PAPI data and hand-built cases (a province
exactly on a cut-off under rule A and rule B, ties, pending years, multi-unit kinds)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from chiso.index import Results, compute, read_long
from chiso.index.cli_plan import main as plan_main
from chiso.index.objectives import evaluate_objectives
from chiso.index.plan_file import DEMO_PLAN, ObjectiveSpec, PlanSpec, load_plan


def plan_of(*objectives: ObjectiveSpec, province: str = "Khánh Hòa", **kw: object) -> PlanSpec:
    fields: dict[str, object] = {"index": "PAPI", "province": province, "year": 2023}
    fields["baseline_year"] = 2022
    fields.update(kw)
    return PlanSpec(objectives=objectives, **fields)  # type: ignore[arg-type]


def test_demo_plan_on_2023_results(papi: Results) -> None:
    got = evaluate_objectives(load_plan(DEMO_PLAN), papi, 2023)
    assert [r.status for r in got] == [
        "not_met", "not_met", "met", "met", "not_met", "not_met", "met",
    ]  # fmt: skip
    score, increase, tier, rank, improve, all_tier, count = got
    assert score.summary.vi == "44,94 / 45,00 — thiếu 0,06 điểm"
    assert score.summary.en == "44.94 / 45.00 — 0.06 points short"
    assert score.actual == pytest.approx(44.941937356) and score.gap == pytest.approx(-0.058062644)
    assert increase.compared_with == 2022
    assert increase.actual == pytest.approx(44.941937356 - 43.436880348)
    assert "thiếu 0,05 điểm" in increase.summary.vi
    assert (tier.actual, tier.target) == ("high", "high")
    assert tier.gap == pytest.approx(44.941937356 - 43.952611415)
    assert (rank.actual, rank.target, rank.gap) == (8, 16, 8.0)
    assert rank.summary.vi == "hạng 16/61 → 8/61 — tăng 8 bậc"
    assert [u.code for u in improve.failing] == ["3", "5", "8"]
    # dimension 8 fell by 0.0006: shown with 4 decimals rather than a misleading "−0,00"
    assert "8 (−0,0006)" in improve.summary.vi
    assert [(u.code, u.tier) for u in all_tier.failing] == [
        ("1", "low_average"),
        ("5", "low_average"),
    ]
    assert (all_tier.actual, all_tier.target, all_tier.gap) == (6.0, 8.0, -2.0)
    assert (count.actual, count.target, count.gap) == (4.0, 3.0, 1.0)


def test_demo_plan_on_2022_baseline_results(papi: Results) -> None:
    got = evaluate_objectives(load_plan(DEMO_PLAN), papi, 2022)
    assert [r.status for r in got] == [
        "not_met", "met", "met", "met", "not_met", "not_met", "not_met",
    ]  # fmt: skip
    # Evaluated on the baseline year, increases are measured against the year before
    assert {r.compared_with for r in got if r.compared_with} == {2021}
    assert got[1].actual == pytest.approx(43.436880348 - 41.6887041)
    assert got[3].summary.vi == "hạng 40/60 → 16/61 — tăng 24 bậc"
    # Khánh Hòa 2022 is exactly p75; rule A puts a score on the cut-off in the better tier
    assert got[2].gap == 0.0 and "đúng bằng ngưỡng 43,44" in got[2].summary.vi
    assert [u.code for u in got[4].failing] == ["6"]
    assert [u.code for u in got[5].failing] == ["1"]


def test_exactly_on_the_cutoff_under_rule_b_is_not_met(papi: Results) -> None:
    # Vĩnh Phúc 2023 scored exactly p75; 2023 applied rule B (must exceed the cut-off)
    plan = plan_of(
        ObjectiveSpec("1", "Cao", "aggregate_tier_min", tier="high"), province="Vĩnh Phúc"
    )
    (result,) = evaluate_objectives(plan, papi)
    assert (result.status, result.actual, result.gap) == ("not_met", "high_average", 0.0)
    assert "phải cao hơn ngưỡng" in result.summary.vi and "above it" in result.summary.en


def test_pending_when_year_not_loaded(papi: Results) -> None:
    plan = load_plan(DEMO_PLAN)
    got = evaluate_objectives(replace(plan, year=2025, baseline_year=2024), papi)
    assert {r.status for r in got} == {"pending"}
    assert got[0].summary.vi == "chưa có kết quả năm 2025" and got[0].actual is None
    assert got[0].target == 45.0
    # only the comparison year missing: the increase is pending, the level is not
    old = plan_of(
        ObjectiveSpec("a", "t", "aggregate_score_min", value=30),
        ObjectiveSpec("b", "t", "aggregate_increase_min", value=1),
        year=2011,
        baseline_year=2010,
    )
    assert [r.status for r in evaluate_objectives(old, papi)] == ["met", "pending"]


def test_pending_when_province_has_no_published_score(papi: Results) -> None:
    # Quảng Ninh was not scored in 2023
    plan = plan_of(ObjectiveSpec("1", "t", "aggregate_score_min", value=40), province="Quảng Ninh")
    (result,) = evaluate_objectives(plan, papi)
    assert result.status == "pending" and "không có điểm" in result.summary.vi


def test_unit_kinds(papi: Results) -> None:
    plan = plan_of(
        ObjectiveSpec("a", "t", "unit_tier_min", unit="5", tier="high_average"),
        ObjectiveSpec("b", "t", "unit_improves", unit="2.4"),
        ObjectiveSpec("c", "t", "unit_score_min", unit="2.4", value=1.4),
        ObjectiveSpec("d", "t", "unit_improves", unit="5"),
        ObjectiveSpec("e", "t", "aggregate_rank_max", value=8),
    )
    d5, s24, s24min, d5up, rank = evaluate_objectives(plan, papi)
    assert (d5.status, d5.actual) == ("not_met", "low_average")
    assert d5.gap is not None and d5.gap < 0 and "thiếu" in d5.summary.vi
    p24 = papi.unit_result("Khánh Hòa", 2023, "2.4")
    b24 = papi.unit_result("Khánh Hòa", 2022, "2.4")
    assert p24 is not None and b24 is not None
    assert s24.actual == pytest.approx(p24.score - b24.score)
    assert s24.status == ("met" if p24.score > b24.score else "not_met")
    assert s24min.actual == p24.score and s24min.status == (
        "met" if p24.score >= 1.4 else "not_met"
    )
    assert d5up.status == "not_met" and [u.code for u in d5up.failing] == ["5"]
    assert (rank.status, rank.gap, rank.summary.vi) == (
        "met",
        0.0,
        "hạng 8/61 / tối đa 8 — đạt đúng mức",
    )


TOY_ROWS = [
    # Khánh Hòa and Hà Nội tie on the total in 2021 (both 100), Huế leads
    (2020, "Khánh Hòa", "A.1", 10), (2020, "Khánh Hòa", "A.2", 10), (2020, "Khánh Hòa", "B.1", 20),
    (2020, "Hà Nội", "A.1", 30), (2020, "Hà Nội", "A.2", 30), (2020, "Hà Nội", "B.1", 40),
    (2020, "Huế", "A.1", 40), (2020, "Huế", "A.2", 40), (2020, "Huế", "B.1", 80),
    (2021, "Khánh Hòa", "A.1", 25), (2021, "Khánh Hòa", "A.2", 25),
    (2021, "Khánh Hòa", "B.1", 25), (2021, "Khánh Hòa", "B.2", 25),
    (2021, "Hà Nội", "A.1", 30), (2021, "Hà Nội", "A.2", 30),
    (2021, "Hà Nội", "B.1", 20), (2021, "Hà Nội", "B.2", 20),
    (2021, "Huế", "A.1", 40), (2021, "Huế", "A.2", 40),
    (2021, "Huế", "B.1", 40), (2021, "Huế", "B.2", 40),
]  # fmt: skip


@pytest.fixture
def toy(tmp_path: Path, toy_framework_path: Path) -> Results:
    path = tmp_path / "toy.csv"
    lines = ["year,province,unit,score", *(f"{y},{p},{u},{s}" for y, p, u, s in TOY_ROWS)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return compute(read_long(path, toy_framework_path))


def test_ties_share_the_better_rank_in_another_index(
    toy: Results, toy_framework_path: Path
) -> None:
    plan = PlanSpec(
        index=str(toy_framework_path),
        province="Khánh Hòa",
        year=2021,
        baseline_year=2020,
        objectives=(
            ObjectiveSpec("1", "t", "aggregate_rank_max", value=2),
            ObjectiveSpec("2", "t", "aggregate_rank_improves"),
            ObjectiveSpec("3", "t", "dimensions_tier_min_count", tier="middle", count=2),
            ObjectiveSpec("4", "t", "dimensions_all_improve"),
        ),
    )
    rank, improves, count, improve = evaluate_objectives(plan, toy)
    assert (rank.status, rank.actual, rank.gap) == ("met", 2, 0.0)  # tied with Hà Nội on 100
    assert (improves.status, improves.summary.vi) == ("met", "hạng 3/3 → 2/3 — tăng 1 bậc")
    # pillar A: 50 vs 60 and 80 → bottom; B: 50 vs 40 and 80 → middle
    assert (count.status, count.actual, [u.code for u in count.failing]) == ("not_met", 1.0, ["A"])
    assert improve.status == "met" and improve.failing == ()
    # pillar B gained an indicator in 2021: the comparison is flagged
    assert [c.en for c in improve.caveats] == ["B.2 added in 2021"]


def test_index_mismatch_is_refused(toy: Results) -> None:
    with pytest.raises(ValueError, match="index mismatch"):
        evaluate_objectives(load_plan(DEMO_PLAN), toy, 2021)


def test_cli_json_shape(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["objectives", "evaluate", "--plan", str(DEMO_PLAN), "--year", "2023"]
    assert plan_main([*argv, "--data", str(papi_dir), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert set(doc) == {"plan", "year", "objectives"} and doc["year"] == 2023
    assert doc["plan"]["province"] == "Khánh Hòa" and doc["plan"]["baseline_year"] == 2022
    keys = {"id", "kind", "text", "status", "actual", "target", "gap", "detail"}
    assert all(set(o) == keys for o in doc["objectives"])
    assert doc["objectives"][0]["detail"]["summary"] == "44,94 / 45,00 — thiếu 0,06 điểm"
    failing = doc["objectives"][5]["detail"]["failing_units"]
    assert [(u["code"], u["tier_label"]) for u in failing] == [
        ("1", "Trung bình thấp"),
        ("5", "Trung bình thấp"),
    ]
    json.dumps(doc, allow_nan=False)


def test_cli_table_and_errors(
    capsys: pytest.CaptureFixture[str], papi_dir: Path, tmp_path: Path
) -> None:
    argv = ["objectives", "evaluate", "--plan", str(DEMO_PLAN), "--year", "2023"]
    assert plan_main([*argv, "--data", str(papi_dir), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Met 3/7, not met 4, pending 0" in out and "44.94 / 45.00 — 0.06 points short" in out
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEMO_PLAN.read_text(encoding="utf-8").replace("tier: high\n", "tier: top\n"))
    argv = ["objectives", "evaluate", "--plan", str(bad), "--year", "2023"]
    assert plan_main([*argv, "--data", str(papi_dir)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "'3'" in err and "'tier'" in err
