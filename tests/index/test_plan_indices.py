"""`chiso objectives evaluate` on a plan file with objectives on several indices (issue 18):
each objective judged on its own index's results — PCI's from --data-for, the folder beside
--data (../shared/data/pci) or the database — and a clear error naming the file, the objectives
and the reason when that index's results are missing for the year. Known answers: Khánh Hòa
PAPI 2020 39,14; PCI 2020 63,98 (VCCI, 26/63), absent from PCI 2019's table."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from chiso.index import Results
from chiso.index.cli import load_from_path, main
from chiso.index.plan_file import PlanFileError
from chiso.index.plan_indices import parse_indexed_plan

PLAN = """\
index: PAPI
province: Khánh Hòa
year: 2020
baseline_year: 2019
title: Kế hoạch thử
objectives:
  - {id: "1", text: PAPI đạt từ 45 điểm, kind: aggregate_score_min, value: 45}
  - {id: "2", index: PCI, text: PCI đạt từ 60 điểm, kind: aggregate_score_min, value: 60}
  - {id: "3", index: PCI, text: PCI tăng hạng, kind: aggregate_rank_improves}
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], argv: list[str], loader=None) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(argv, db_loader=loader)
    out = capsys.readouterr()
    return code, out.out, out.err


def evaluate(plan: Path, year: int, *extra: str) -> list[str]:
    return ["objectives", "evaluate", "--plan", str(plan), "--year", str(year), *extra]


def test_each_objective_on_its_own_index(
    capsys: pytest.CaptureFixture[str], papi_dir: Path, plan_file: Path
) -> None:
    """PCI read from the folder beside --data (../shared/data/pci), as `--index PCI` reads it."""
    code, out, err = run(capsys, evaluate(plan_file, 2020, "--data", str(papi_dir)))
    assert code == 0, err
    rows = {line.split()[0]: line for line in out.splitlines()[3:6]}
    assert "Chưa đạt" in rows["1"] and "39,14 / 45,00 — thiếu 5,86 điểm" in rows["1"]
    assert "PCI đạt từ 60 điểm [PCI]" in rows["2"] and "63,98 / 60,00 — vượt 3,98 điểm" in rows["2"]
    assert "Khánh Hòa không có điểm tổng hợp năm 2019" in rows["3"]  # pending, not an error
    assert out.splitlines()[-1] == "Đạt 1/3, chưa đạt 1, chờ kết quả 1"
    code, out, _ = run(
        capsys, [*evaluate(plan_file, 2020, "--data", str(papi_dir)), "--format", "json"]
    )
    doc = json.loads(out)
    assert [(o["id"], o["status"], o.get("index")) for o in doc["objectives"]] == [
        ("1", "not_met", None), ("2", "met", "PCI"), ("3", "pending", "PCI")
    ]  # fmt: skip
    assert doc["plan"]["index"] == "PAPI" and doc["objectives"][1]["actual"] == 63.98


def test_another_indexs_year_missing_is_an_error_naming_file_and_objectives(
    capsys: pytest.CaptureFixture[str], papi_dir: Path, plan_file: Path
) -> None:
    code, out, err = run(capsys, evaluate(plan_file, 2025, "--data", str(papi_dir)))
    assert (code, out) == (1, "")
    assert err.strip() == (
        f"{plan_file}, mục tiêu/objective '2, 3', trường/field 'index': không có kết quả PCI "
        "năm 2025 trong dữ liệu (có: 2015–2024) (no PCI results for 2025; the data hold "
        "2015–2024)"
    )


def test_another_indexs_data_not_found(
    capsys: pytest.CaptureFixture[str], papi_dir: Path, plan_file: Path, tmp_path: Path
) -> None:
    """PAPI copied where no pci folder is beside it: the error says how to give PCI's data;
    --data-for gives it."""
    alone = tmp_path / "alone" / "papi"
    shutil.copytree(papi_dir, alone)
    code, _, err = run(capsys, evaluate(plan_file, 2020, "--data", str(alone)))
    assert code == 1
    assert str(plan_file) in err and "'2, 3'" in err and "--data-for PCI=PATH" in err
    pci = papi_dir.parent / "pci"
    code, out, err = run(
        capsys, evaluate(plan_file, 2020, "--data", str(alone), "--data-for", f"PCI={pci}")
    )
    assert code == 0, err
    assert "63,98 / 60,00" in out


def test_without_data_each_index_comes_from_the_database(
    capsys: pytest.CaptureFixture[str], papi_dir: Path, plan_file: Path
) -> None:
    asked: list[str] = []
    pci = load_from_path(str(papi_dir.parent / "pci"), "PCI")
    papi = load_from_path(str(papi_dir))

    def database(index: str) -> Results:
        asked.append(index)
        return pci if index == "PCI" else papi

    code, out, err = run(capsys, evaluate(plan_file, 2020), database)
    assert code == 0, err
    assert asked == ["PAPI", "PCI"] and "63,98 / 60,00" in out


def test_a_file_on_one_index_reads_as_before(papi_dir: Path) -> None:
    import yaml

    from chiso.index.plan_file import DEMO_PLAN, load_plan

    raw = yaml.safe_load(DEMO_PLAN.read_text(encoding="utf-8"))
    indexed = parse_indexed_plan(raw, str(DEMO_PLAN))
    assert indexed.specs == (load_plan(DEMO_PLAN),)
    assert indexed.order == tuple(o.id for o in load_plan(DEMO_PLAN).objectives)


@pytest.mark.parametrize(
    ("change", "objective", "field", "reason"),
    [
        ({"index": "PCX"}, "2", "index", "không có bộ chỉ số 'PCX' (unknown index)"),
        ({"id": "1"}, "1", "id", "duplicate id"),
        ({"unit": "nope", "kind": "unit_score_min"}, "2", "unit", "nope"),
    ],
)
def test_malformed_index_objectives_are_refused_naming_the_objective(
    change: dict[str, str], objective: str, field: str, reason: str
) -> None:
    import yaml

    raw = yaml.safe_load(PLAN)
    raw["objectives"][1] |= change
    with pytest.raises(PlanFileError) as refused:
        parse_indexed_plan(raw, "plan.yaml")
    error = refused.value
    assert (error.file, error.objective_id, error.field) == ("plan.yaml", objective, field)
    assert reason in str(error)
