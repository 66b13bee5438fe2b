"""The `chiso` command routes analytics sub-commands to the core and the rest to Django."""

import json

import pytest

from chiso.cli import main


def test_profile_json_through_chiso(papi_data_dir, capsys) -> None:
    code = main(
        [
            "profile",
            "--data",
            str(papi_data_dir),
            "--province",
            "Khanh Hoa",
            "--year",
            "2022",
            "--format",
            "json",
        ]
    )
    assert code == 0
    aggregate = json.loads(capsys.readouterr().out)["aggregate"]
    assert (aggregate["rank"], aggregate["of"], aggregate["tier"]) == (16, 61, "high")
    assert round(aggregate["score"], 2) == 43.44


def test_objectives_evaluate_through_chiso(papi_data_dir, capsys) -> None:
    from chiso.index.plan_file import DEMO_PLAN

    code = main(
        [
            "objectives",
            "evaluate",
            "--plan",
            str(DEMO_PLAN),
            "--year",
            "2023",
            "--data",
            str(papi_data_dir),
            "--format",
            "json",
        ]
    )
    assert code == 0
    statuses = [o["status"] for o in json.loads(capsys.readouterr().out)["objectives"]]
    assert statuses.count("met") == 3 and statuses.count("not_met") == 4


def test_target_through_chiso_is_reproducible(papi_data_dir, capsys) -> None:
    argv = [
        "target",
        "--data",
        str(papi_data_dir),
        "--province",
        "Khánh Hoà",
        "--year",
        "2023",
        "--score",
        "45",
        "--seed",
        "7",
        "--format",
        "json",
    ]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(argv) == 0
    second = json.loads(capsys.readouterr().out)
    assert first["probability"] == second["probability"]
    gains = sum(row["gain"] for row in first["allocation"])
    assert gains == pytest.approx(first["needed_gain"], abs=1e-9)


def test_unknown_province_is_a_clear_error(papi_data_dir, capsys) -> None:
    code = main(
        ["profile", "--data", str(papi_data_dir), "--province", "Atlantis", "--year", "2022"]
    )
    assert code == 1
    assert "Atlantis" in capsys.readouterr().err


def test_target_for_the_year_after_the_results(papi_data_dir, capsys) -> None:
    # 2025 is after the merger: the name still means the province the 2024 results cover.
    argv = [
        "target",
        "--data",
        str(papi_data_dir),
        "--province",
        "Khánh Hòa",
        "--year",
        "2025",
        "--tier",
        "high",
        "--format",
        "json",
    ]
    assert main(argv) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["baseline"]["year"] == 2024
