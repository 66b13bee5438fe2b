"""The core CLI: JSON shapes exactly as in issue 3, tables, CSV, database loader, errors."""

import json
from pathlib import Path

import pytest

from chiso.index import Results
from chiso.index.cli import main

UNIT_KEYS = {"code", "name", "score", "rank", "of", "tier", "tier_label", "change", "rank_change"}
UNIT_KEYS |= {"tier_depends_on_rule"}


def run(capsys: pytest.CaptureFixture[str], argv: list[str], loader=None) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(argv, db_loader=loader)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_profile_json_shape(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["profile", "--data", str(papi_dir), "--province", "Khanh Hoa", "--year", "2022"]
    code, out, _ = run(capsys, [*argv, "--format", "json"])
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {
        "index", "year", "province", "aggregate", "dimensions", "subdimensions",
        "strengths", "weaknesses",
    }  # fmt: skip
    assert (doc["index"], doc["year"], doc["province"]) == (
        "PAPI",
        2022,
        {"name": "Khánh Hòa", "code": "56"},
    )
    agg = doc["aggregate"]
    assert set(agg) == {
        "score", "rank", "of", "tier", "tier_label", "national_mean", "gap_to_mean",
        "previous", "change", "rank_change", "tier_depends_on_rule",
    }  # fmt: skip
    assert agg["score"] == pytest.approx(43.436880348)  # unrounded
    assert (agg["rank"], agg["of"], agg["tier"], agg["tier_label"]) == (16, 61, "high", "Cao")
    assert round(agg["gap_to_mean"], 2) == 1.09 and round(agg["change"], 2) == 1.75
    assert agg["rank_change"] == 24
    assert agg["previous"] == {
        "year": 2021,
        "score": pytest.approx(41.6887041),
        "rank": 40,
        "of": 60,
    }
    assert len(doc["dimensions"]) == 8 and len(doc["subdimensions"]) == 28
    assert all(set(d) == UNIT_KEYS for d in doc["dimensions"] + doc["subdimensions"])
    assert doc["dimensions"][4]["name"] == "Thủ tục hành chính công"
    assert all(set(s) >= UNIT_KEYS for s in doc["strengths"] + doc["weaknesses"])


def test_profile_without_aggregate_is_null(
    capsys: pytest.CaptureFixture[str], papi_dir: Path
) -> None:
    argv = ["profile", "--data", str(papi_dir), "--province", "Bắc Ninh", "--year", "2022"]
    _, out, _ = run(capsys, [*argv, "--format", "json"])
    assert json.loads(out)["aggregate"] is None


def test_ranking_json_shape(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["ranking", "--data", str(papi_dir), "--year", "2023", "--format", "json"]
    code, out, _ = run(capsys, argv)
    doc = json.loads(out)
    assert code == 0
    assert set(doc) == {"index", "year", "unit", "of", "cutoffs", "rule", "rule_known", "rows"}
    assert (doc["unit"], doc["of"], doc["rule"]) == ("aggregate", 61, "B")
    assert set(doc["cutoffs"]) == {"p25", "p50", "p75"}
    assert len(doc["rows"]) == 63
    first, last = doc["rows"][0], doc["rows"][-1]
    assert set(first) == {"province", "score", "rank", "tier", "tier_label", "tier_depends_on_rule"}
    assert first["rank"] == 1 and first["province"]["name"] == "Thừa Thiên Huế"
    assert last["score"] is None and last["rank"] is None


def test_ranking_of_a_subdimension(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["ranking", "--data", str(papi_dir), "--year", "2022", "--unit", "8.3"]
    _, out, _ = run(capsys, [*argv, "--format", "json"])
    assert json.loads(out)["unit"] == "8.3"


def test_profile_table_vietnamese_decimal_comma(
    capsys: pytest.CaptureFixture[str], papi_dir: Path
) -> None:
    argv = ["profile", "--data", str(papi_dir), "--province", "Tỉnh Khánh Hoà", "--year", "2022"]
    _, out, _ = run(capsys, argv)
    assert "43,44" in out and "16/61" in out and "Cao" in out and "+1,75 điểm" in out
    assert "+24 bậc" in out and "+1,09" in out
    _, out_en, _ = run(capsys, [*argv, "--lang", "en"])
    assert "43.44" in out_en and "High" in out_en


def test_tier_on_a_cutoff_in_a_year_of_unknown_rule_is_flagged(
    capsys: pytest.CaptureFixture[str], papi_dir: Path
) -> None:
    argv = ["profile", "--data", str(papi_dir), "--province", "Cao Bằng", "--year", "2018"]
    _, out, _ = run(capsys, argv)
    assert "Nhóm Trung bình cao *" in out and "nhóm phụ thuộc quy tắc" in out
    ranking = ["ranking", "--data", str(papi_dir), "--year", "2018"]
    _, out_en, _ = run(capsys, [*ranking, "--lang", "en"])
    assert out_en.count(" *\n") == 3 and "the group depends on the rule" in out_en
    _, out_2024, _ = run(capsys, [*ranking[:-1], "2024"])
    assert "phụ thuộc quy tắc" not in out_2024  # 2024's rule is known (B)


def test_csv_outputs(capsys: pytest.CaptureFixture[str], papi_dir: Path) -> None:
    argv = ["ranking", "--data", str(papi_dir), "--year", "2022", "--format", "csv"]
    _, out, _ = run(capsys, argv)
    lines = out.strip().splitlines()
    assert lines[0] == "rank,province_code,province,score,tier,tier_label,tier_depends_on_rule"
    assert len(lines) == 64
    kh = next(line for line in lines if ",56," in line)
    assert kh.startswith("16,56,Khánh Hòa,43.436880348,high,Cao")


def test_without_data_uses_the_database_loader(
    capsys: pytest.CaptureFixture[str], papi: Results
) -> None:
    calls: list[str] = []

    def loader(index: str) -> Results:
        calls.append(index)
        return papi

    code, out, _ = run(capsys, ["ranking", "--year", "2021", "--format", "json"], loader)
    assert code == 0 and calls == ["PAPI"] and json.loads(out)["of"] == 60
    run(capsys, ["ranking", "--year", "2021", "--index", "PCI"], loader)
    assert calls[-1] == "PCI"  # the database loader is asked for the index named


def test_pci_profile_and_ranking_say_where_figures_come_from(
    capsys: pytest.CaptureFixture[str], papi_dir: Path
) -> None:
    pci = str(papi_dir.parent / "pci")
    argv = ["profile", "--data", pci, "--index", "PCI", "--province", "Hải Phòng"]
    code, out, _ = run(capsys, [*argv, "--year", "2021"])
    lines = out.splitlines()
    assert code == 0 and lines[0] == "PCI 2021 — Hải Phòng (31)"
    assert lines[1].startswith("Chỉ số tổng hợp: 70,61 — Hạng 2/63 — Nhóm Tốt")
    assert "Chỉ số thành phần" in lines and "Nội dung thành phần" not in lines
    assert any(line.startswith("time_costs          Chi phí thời gian") for line in lines)
    code, out, _ = run(capsys, ["ranking", "--data", pci, "--index", "PCI", "--year", "2022"])
    assert out.splitlines()[1] == (
        "thứ hạng và nhóm như đã công bố; n = 63; dữ liệu năm 2022 chưa đủ 63 tỉnh, thành phố: "
        "không tính thứ hạng, trung bình"
    )
    assert out.splitlines()[4].split() == ["1", "Quảng", "Ninh", "72,95", "Rất", "tốt"]


def test_a_composite_computed_with_unconfirmed_weights_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    codes = ["entry_costs", "land_access", "transparency", "time_costs", "informal_charges",
             "policy_bias", "proactivity", "business_support", "labor_training",
             "legal_institutions"]  # fmt: skip
    path = tmp_path / "kh.csv"
    path.write_text(
        "year,province,unit,score\n" + "".join(f"2022,Khánh Hòa,{c},7\n" for c in codes),
        encoding="utf-8",
    )
    argv = ["profile", "--data", str(path), "--index", "PCI", "--province", "Khánh Hòa"]
    code, out, _ = run(capsys, [*argv, "--year", "2022"])
    assert code == 0 and out.splitlines()[1] == (
        "Chỉ số tổng hợp: 70,00 (tính từ các chỉ số thành phần; trọng số năm 2022 chưa có nguồn "
        "công bố xác nhận) — Hạng — — Nhóm — — so với TB toàn quốc —"
    )


def test_errors_exit_nonzero_with_message(
    capsys: pytest.CaptureFixture[str], papi: Results
) -> None:
    code, _, err = run(
        capsys, ["profile", "--province", "Khanh Hao", "--year", "2022"], lambda index: papi
    )
    assert code == 1 and "Khánh Hòa" in err
    code, _, err = run(capsys, ["ranking", "--year", "2030"], lambda index: papi)
    assert code == 1 and "2030" in err
    code, _, err = run(capsys, ["ranking", "--year", "2022", "--unit", "9"], lambda index: papi)
    assert code == 1 and "'9'" in err
    code, _, err = run(capsys, ["ranking", "--year", "2022"])
    assert code == 2


def test_bad_data_file_reports_row(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("year,province,unit,score\n2022,Khánh Hòa,1,x\n", encoding="utf-8")
    code, _, err = run(capsys, ["ranking", "--data", str(bad), "--year", "2022", "--lang", "en"])
    assert code == 1 and "row 2" in err and "not a number" in err


def test_an_unchanged_rank_is_said_in_words(
    capsys: pytest.CaptureFixture[str], papi_dir: Path
) -> None:
    """Thanh Hóa: 3rd in 2021 and 2022, dimension 1 first both years: "không đổi", never "+0";
    the CSV keeps the number."""
    argv = ["profile", "--data", str(papi_dir), "--province", "Thanh Hoa", "--year", "2022"]
    _, out, _ = run(capsys, argv)
    aggregate, *_rest = out.splitlines()[1:2]
    assert aggregate.endswith("(47,10, 3/60): -1,09 điểm, thứ hạng không đổi")
    row = next(line for line in out.splitlines() if line.startswith("1 "))
    assert row.endswith("+0,25     không đổi")
    _, english, _ = run(capsys, [*argv, "--lang", "en"])
    assert english.splitlines()[1].endswith("-1.09 points, rank unchanged")
    assert next(line for line in english.splitlines() if line.startswith("1 ")).endswith(
        "unchanged"
    )
    _, csv_out, _ = run(capsys, [*argv, "--format", "csv"])
    assert (
        next(line for line in csv_out.splitlines() if line.startswith("aggregate,")).split(",")[-2]
        == "0"
    )
    # A rank that moved keeps its sign: Khánh Hòa +24 places in 2022.
    _, khanh_hoa, _ = run(capsys, [*argv[:4], "Khanh Hoa", *argv[5:]])
    assert khanh_hoa.splitlines()[1].endswith("+24 bậc")
