"""Readers: the wide PAPI folder, the long CSV/XLSX format, and every rejected input."""

import unicodedata
from pathlib import Path

import pytest
from openpyxl import Workbook

from chiso.index import DataError, compute, read_long, read_wide

VALUE_P37_SC11 = 1.046315551  # 2022.csv, row P37, column SC11
HEADER = "year,province,unit,score\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rejected(path: Path, **kwargs: object) -> DataError:
    with pytest.raises(DataError) as err:
        read_long(path, **kwargs)  # type: ignore[arg-type]
    return err.value


def test_wide_folder_reads_everything(papi_dir: Path) -> None:
    data = read_wide(papi_dir)
    assert data.years == tuple(range(2011, 2025))
    assert len(data.provinces) == 63
    kh = [p.code for p in data.provinces].index("56")
    score = data.scores[data.years.index(2022), kh, data.unit_codes.index("1.1")]
    assert score == VALUE_P37_SC11


def test_long_csv_at_any_level_with_se_and_ci(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "long.csv",
        "year,province,unit,score,se,ci_low,ci_high\n"
        "2022,Khánh Hòa,1,4.5,0.1,4.3,4.7\n"
        "2022,Hà Nội,1,5.8254476,,,\n"
        "2022,Ho Chi Minh City,1,5.0,,,\n",
    )
    data = read_long(path)
    results = compute(data)
    r = results.unit_result("Khanh Hoa", 2022, "1")
    assert r is not None and (r.score, r.rank, r.of) == (4.5, 3, 3)
    rec = next(x for x in data.records if x.province.code == "56")
    assert (rec.se, rec.ci_low, rec.ci_high) == (0.1, 4.3, 4.7)
    assert results.unit_result("Khanh Hoa", 2022, "aggregate") is None  # other dimensions missing


def test_long_csv_vietnamese_headers_semicolon_and_decimal_comma(tmp_path: Path) -> None:
    path = write(tmp_path, "vi.csv", "Năm;Tỉnh;Mã;Điểm\n2022;Khánh Hoà;1;4,5\n")
    data = read_long(path)
    assert data.records[0].score == 4.5 and data.records[0].province.code == "56"


def test_long_xlsx_reads_scores_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Ghi chú"
    sheet = book.create_sheet("scores")
    sheet.append(["year", "province", "unit", "score"])
    sheet.append([2022, "Khánh Hòa", 1.1, 1.05])
    sheet.append([2022, "Khánh Hòa", "aggregate", 43.44])
    path = tmp_path / "scores.xlsx"
    book.save(path)
    data = read_long(path)
    assert sorted(r.unit for r in data.records) == ["1.1", "aggregate"]


def test_unknown_province_names_file_row_column_and_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.csv", HEADER + "2022,Khánh Hòa,1,4.5\n2022,Khanh Hao,2,5\n")
    err = rejected(path)
    p = err.first
    assert (Path(p.file).name, p.row, p.column) == ("bad.csv", 3, "province")
    assert "Khánh Hòa" in p.text.vi and "unknown province" in p.text.en
    assert "bad.csv, dòng 3, cột 'province'" in str(err)
    assert "row 3, column 'province'" in err.message("en")


def test_duplicate_row(tmp_path: Path) -> None:
    path = write(tmp_path, "dup.csv", HEADER + "2022,Khánh Hòa,1,4.5\n2022,Khanh Hoa,1,4.6\n")
    p = rejected(path).first
    assert p.row == 3 and "duplicate" in p.text.en and "dòng 2" in p.text.vi


def test_score_outside_the_units_range_that_year(tmp_path: Path) -> None:
    # 5.1 is on 0.25–2.5 in 2020 but 0.33–3.33 from 2021
    ok = write(tmp_path, "ok.csv", HEADER + "2021,Khánh Hòa,5.1,2.9\n")
    assert read_long(ok).records[0].score == 2.9
    path = write(tmp_path, "range.csv", HEADER + "2020,Khánh Hòa,5.1,2.9\n")
    p = rejected(path).first
    assert (p.row, p.column) == (2, "score") and "outside" in p.text.en and "2020" in p.text.vi


def test_unknown_unit_code(tmp_path: Path) -> None:
    p = rejected(write(tmp_path, "u.csv", HEADER + "2022,Khánh Hòa,9.9,1\n")).first
    assert (p.row, p.column) == (2, "unit") and "9.9" in p.text.en


def test_unit_not_existing_that_year(tmp_path: Path) -> None:
    p = rejected(write(tmp_path, "y.csv", HEADER + "2017,Khánh Hòa,7,5\n")).first
    assert (p.row, p.column) == (2, "unit") and "does not exist in 2017" in p.text.en


def test_non_numeric_cell(tmp_path: Path) -> None:
    p = rejected(write(tmp_path, "n.csv", HEADER + "2022,Khánh Hòa,1,bốn\n")).first
    assert (p.row, p.column) == (2, "score") and "not a number" in p.text.en


def test_missing_column(tmp_path: Path) -> None:
    err = rejected(write(tmp_path, "m.csv", "year,province,score\n2022,Khánh Hòa,4\n"))
    assert (err.first.row, err.first.column) == (
        1,
        "unit",
    ) and "missing column" in err.first.text.en


def test_wrong_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.active.title = "Sheet1"
    book.create_sheet("Sheet2")
    path = tmp_path / "w.xlsx"
    book.save(path)
    assert "wrong sheet" in rejected(path).first.text.en
    assert "wrong sheet" in rejected(path, sheet="diem").first.text.en


def test_every_problem_reported_and_nothing_returned(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "many.csv",
        HEADER + "2022,Khánh Hòa,1,4.5\n2022,Atlantis,1,4\n2022,Hà Nội,1,x\n2022,Huế,1,99\n",
    )
    err = rejected(path)
    assert [p.row for p in err.problems] == [3, 4, 5]


def test_wide_rejections(tmp_path: Path, papi_dir: Path) -> None:
    header = (papi_dir / "2022.csv").read_text(encoding="utf-8").splitlines()[0]
    good = (papi_dir / "2022.csv").read_text(encoding="utf-8").splitlines()[37]  # P37
    folder = tmp_path / "wide"
    folder.mkdir()
    (folder / "provinces.csv").write_text((papi_dir / "provinces.csv").read_text("utf-8"), "utf-8")
    (folder / "2022.csv").write_text(f"{header}\n{good}\n{good}\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_wide(folder)
    assert err.value.first.row == 3 and "duplicate" in err.value.first.text.en
    (folder / "2022.csv").write_text(f"{header},SC99\n{good},1\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_wide(folder)
    assert (err.value.first.row, err.value.first.column) == (1, "SC99")
    (folder / "2022.csv").write_text(f"{header}\nP99{good[3:]}\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_wide(folder)
    assert (err.value.first.row, err.value.first.column) == (2, "Province")
    (folder / "2017.csv").write_text(f"{header}\n{good}\n", encoding="utf-8")  # has 7.x in 2017
    (folder / "2022.csv").unlink()
    with pytest.raises(DataError) as err:
        read_wide(folder)
    assert "does not exist in 2017" in err.value.first.text.en


def test_wide_progress_callback(papi_dir: Path) -> None:
    seen: list[tuple[int, int]] = []
    read_wide(papi_dir, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (14, 14)


# --- issue 11: repeated columns and files that are not UTF-8 are refused, naming the problem ---


@pytest.mark.parametrize(
    ("header", "column", "columns"),
    [
        ("year,province,unit,score,year\n", "year", "1 and 5"),
        ("year,province,unit,score,Năm\n", "Năm", "1 and 5"),
        ("year,score,province,unit,Điểm\n", "Điểm", "2 and 5"),
    ],
)
def test_a_repeated_column_is_refused(tmp_path: Path, header: str, column: str, columns: str):
    row = "2022,Khánh Hòa,1,4.5,2023\n" if header.startswith("year,p") else "2022,4.5,Huế,1,5\n"
    err = rejected(write(tmp_path, "lap.csv", header + row))
    assert (err.first.file, err.first.row, err.first.column) == (
        str(tmp_path / "lap.csv"),
        1,
        column,
    )
    assert f"column repeated (columns {columns})" in err.first.text.en
    assert "cột lặp lại" in err.first.text.vi


def test_a_repeated_unit_column_in_the_wide_layout_is_refused(tmp_path: Path, papi_dir: Path):
    lines = (papi_dir / "2022.csv").read_text(encoding="utf-8").splitlines()
    folder = tmp_path / "wide"
    folder.mkdir()
    (folder / "2022.csv").write_text(f"{lines[0]},SC11\n{lines[37]},1\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_wide(folder)
    assert (err.value.first.row, err.value.first.column) == (1, "SC11")
    assert "column repeated (columns 2 and" in err.value.first.text.en


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-16", "encoded as UTF-16, UTF-8 is expected"),  # with a byte-order mark
        ("utf-16-le", "encoded as UTF-16, UTF-8 is expected"),
        ("cp1258", "not UTF-8 (invalid byte 0x"),
        ("latin-1", "not UTF-8 (invalid byte 0x"),
    ],
)
def test_a_file_not_in_utf8_names_the_encoding_problem(
    tmp_path: Path, encoding: str, expected: str
) -> None:
    path = tmp_path / "ma-hoa.csv"
    # Windows-1258 writes most Vietnamese letters as a base letter and a combining tone mark.
    name = {"cp1258": unicodedata.normalize("NFD", "Bình Định"), "latin-1": "Cà Mau"}
    text = HEADER + f"2022,{name.get(encoding, 'Bình Định')},1,4.5\n"
    path.write_bytes(text.encode(encoding))
    err = rejected(path)
    assert err.first.file == str(path) and expected in err.first.text.en
    assert "CSV UTF-8" in err.first.text.en and "CSV UTF-8" in err.first.text.vi
    if "invalid byte" in expected:
        assert err.first.row == 2  # the line of the first byte that is not UTF-8
        assert "Windows-1258, Latin-1 or TCVN3" in err.first.text.en


def test_the_wide_layout_names_the_encoding_problem_too(tmp_path: Path, papi_dir: Path) -> None:
    folder = tmp_path / "wide"
    folder.mkdir()
    text = (papi_dir / "2022.csv").read_text(encoding="utf-8")
    (folder / "2022.csv").write_bytes(text.encode("utf-16"))
    with pytest.raises(DataError) as err:
        read_wide(folder)
    assert err.value.first.file == str(folder / "2022.csv") and "UTF-16" in err.value.first.text.en
