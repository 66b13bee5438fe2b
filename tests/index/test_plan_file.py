"""The plan file: the demo plan parses, plain-value construction, and every rejection names the
file, the objective and the field."""

from pathlib import Path

import pytest

from chiso.index import load_framework
from chiso.index.plan_file import (
    DEMO_PLAN,
    KINDS,
    ObjectiveSpec,
    PlanFileError,
    PlanSpec,
    check_objective,
    load_plan,
    validate_plan,
)

HEADER = "index: PAPI\nprovince: Khanh Hoa\nyear: 2023\nbaseline_year: 2022\nobjectives:\n"


def write(tmp_path: Path, objectives: str, header: str = HEADER) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(header + objectives, encoding="utf-8")
    return path


def rejected(path: Path) -> PlanFileError:
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    return info.value


def test_demo_plan_encodes_the_seed_objectives() -> None:
    plan = load_plan(DEMO_PLAN)
    assert (plan.index, plan.province, plan.year, plan.baseline_year) == (
        "PAPI",
        "Khánh Hòa",
        2023,
        2022,
    )
    assert [(o.id, o.kind) for o in plan.objectives] == [
        ("1", "aggregate_score_min"),
        ("2", "aggregate_increase_min"),
        ("3", "aggregate_tier_min"),
        ("4", "aggregate_rank_improves"),
        ("5", "dimensions_all_improve"),
        ("6", "dimensions_tier_min_all"),
        ("7", "dimensions_tier_min_count"),
    ]
    assert plan.objectives[0].value == 45.0 and plan.objectives[1].value == 1.56
    assert plan.objectives[6] == ObjectiveSpec(
        "7", plan.objectives[6].text, "dimensions_tier_min_count", tier="high", count=3
    )
    assert "45,00" in plan.objectives[0].text


def test_plan_from_plain_values_validates_like_a_file() -> None:
    plan = PlanSpec(
        index="PAPI",
        province="khánh hoà",
        year=2023,
        baseline_year=2022,
        objectives=(ObjectiveSpec("a", "Chỉ số 2.4 tăng", "unit_improves", unit="2.4"),),
    )
    validate_plan(plan)  # no error
    bad = PlanSpec("PAPI", "Khánh Hòa", 2023, 2022, (ObjectiveSpec("b", "x", "unit_improves"),))
    with pytest.raises(PlanFileError) as info:
        validate_plan(bad)
    assert (info.value.objective_id, info.value.field) == ("b", "unit")


def test_comma_decimal_and_province_spelling(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '  - {id: "1", text: t, kind: aggregate_score_min, value: "45,00"}\n',
        header=HEADER.replace("Khanh Hoa", "Tỉnh Khánh Hoà"),
    )
    plan = load_plan(path)
    assert plan.objectives[0].value == 45.0 and plan.province == "Khánh Hòa"


@pytest.mark.parametrize(
    ("objective", "oid", "field", "words"),
    [
        ('{id: "1", text: t, kind: score_above}', "1", "kind", "unknown kind"),
        ('{id: "2", text: t, kind: aggregate_score_min}', "2", "value", "required"),
        ('{id: "3", text: t, kind: aggregate_score_min, value: abc}', "3", "value", "not a number"),
        ('{id: "4", text: t, kind: aggregate_tier_min, tier: top}', "4", "tier", "unknown tier"),
        ('{id: "5", text: t, kind: unit_improves, unit: "9.9"}', "5", "unit", "unknown"),
        ('{id: "6", text: t, kind: unit_improves, unit: aggregate}', "6", "unit", "unknown"),
        ('{id: "7", text: t, kind: aggregate_rank_max, value: 2.5}', "7", "value", "whole number"),
        ('{id: "8", text: t, kind: aggregate_rank_max, value: 0}', "8", "value", "whole number"),
        (
            '{id: "9", text: t, kind: dimensions_tier_min_count, tier: high, count: 9}',
            "9",
            "count",
            "1–8",
        ),
        (
            '{id: "10", text: t, kind: dimensions_tier_min_count, tier: high, count: true}',
            "10",
            "count",
            "whole number",
        ),
        ('{id: "11", text: t, kind: aggregate_rank_improves, value: 3}', "11", "value", "not used"),
        ('{id: "12", kind: aggregate_rank_improves}', "12", "text", "missing"),
        (
            '{id: "13", text: t, kind: aggregate_rank_improves, weight: 2}',
            "13",
            "weight",
            "unknown",
        ),
        ("{text: t, kind: aggregate_rank_improves}", "#1", "id", "missing"),
    ],
)
def test_objective_errors_name_objective_and_field(
    tmp_path: Path, objective: str, oid: str, field: str, words: str
) -> None:
    path = write(tmp_path, f"  - {objective}\n")
    error = rejected(path)
    assert (error.file, error.objective_id, error.field) == (str(path), oid, field)
    assert words in str(error) and str(path) in str(error)


def test_duplicate_objective_id(tmp_path: Path) -> None:
    line = '  - {id: "1", text: t, kind: aggregate_rank_improves}\n'
    error = rejected(write(tmp_path, line + line))
    assert (error.objective_id, error.field) == ("1", "id") and "duplicate" in str(error)


@pytest.mark.parametrize(
    ("header", "field", "words"),
    [
        (HEADER.replace("Khanh Hoa", "Atlantis"), "province", "unknown province"),
        (HEADER.replace("year: 2023", "year: next"), "year", "invalid year"),
        (HEADER.replace("baseline_year: 2022", "baseline_year: 2023"), "baseline_year", "precede"),
        (HEADER.replace("index: PAPI", "index: NOPE"), "index", "NOPE"),
        (HEADER.replace("index: PAPI\n", ""), "index", "missing"),
        ("owner: me\n" + HEADER, "owner", "unknown field"),
    ],
)
def test_plan_level_errors(tmp_path: Path, header: str, field: str, words: str) -> None:
    error = rejected(
        write(tmp_path, '  - {id: "1", text: t, kind: dimensions_all_improve}\n', header)
    )
    assert (error.objective_id, error.field) == (None, field)
    assert words in str(error)


def test_not_yaml_empty_and_missing_files(tmp_path: Path) -> None:
    assert "invalid YAML" in str(rejected(write(tmp_path, "  - [unclosed\n")))
    assert rejected(write(tmp_path, "  []\n")).field == "objectives"
    (tmp_path / "list.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    assert "mapping" in str(rejected(tmp_path / "list.yaml"))
    assert "cannot read" in str(rejected(tmp_path / "absent.yaml"))


def test_every_kind_has_a_valid_example() -> None:
    fw = load_framework("PAPI")
    examples = {
        "aggregate_score_min": {"value": 45.0},
        "aggregate_increase_min": {"value": 1.56},
        "aggregate_tier_min": {"tier": "high"},
        "aggregate_rank_max": {"value": 10.0},
        "aggregate_rank_improves": {},
        "dimensions_tier_min_all": {"tier": "high_average"},
        "dimensions_tier_min_count": {"tier": "high", "count": 3},
        "dimensions_all_improve": {},
        "unit_score_min": {"unit": "2.4", "value": 1.5},
        "unit_tier_min": {"unit": "5", "tier": "high_average"},
        "unit_improves": {"unit": "2.4"},
    }
    assert set(examples) == set(KINDS)
    for kind, fields in examples.items():
        assert check_objective(ObjectiveSpec("x", "t", kind, **fields), fw) == [], kind  # type: ignore[arg-type]
