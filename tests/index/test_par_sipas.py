"""PAR INDEX (fixed-band groups, %) and SIPAS (%, no groups) from the shared fragments."""

import csv
from pathlib import Path

import pytest

from chiso.index import DataError, compute, load_framework, read_long
from chiso.index.dataset import Dataset, ScoreRecord
from chiso.index.provinces import match_province

from .conftest import shared_dir


def fragments_as_long(index: str, column: str, tmp_path: Path) -> Path:
    """The shared fragment files (province, %, rank, …) in the long layout."""
    folder = shared_dir() / "data" / index
    lines = ["year,province,unit,score,rank"]
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                lines.append(f"{path.stem},{row['province']},aggregate,{row[column]},{row['rank']}")
    out = tmp_path / f"{index}.csv"
    out.write_text("\n".join(lines), encoding="utf-8")
    return out


def test_par_index_groups_are_the_years_fixed_bands() -> None:
    fw = load_framework("PAR INDEX")
    assert fw.code == "PAR_INDEX" and fw.grouping == "bands" and fw.is_percent("aggregate")
    place = [match_province(n, 2018) for n in ("Hà Nội", "Huế", "Cà Mau", "Sơn La", "Lào Cai")]
    scores_2018 = (80.0, 79.99, 75.0, 70.0, 69.99)  # on and below each band's lowest score
    scores_2023 = (90.0, 89.99, 80.0, 79.99, 95.0)
    records = [
        ScoreRecord(year, p, "aggregate", s)
        for year, scores in ((2018, scores_2018), (2023, scores_2023))
        for p, s in zip(place, scores, strict=True)
    ]
    results = compute(Dataset.build(fw, records))
    tiers = {y: [results.unit_result(p, y, "aggregate").tier for p in place] for y in (2018, 2023)}  # type: ignore[union-attr]
    assert tiers[2018] == ["A", "B", "B", "C", "D"]
    # 2023 states only A ≥ 90 and B 80–90: below 80 there is no sourced band, so no group
    assert tiers[2023] == ["A", "B", "B", None, "A"]


def test_par_index_fragments_keep_published_ranks_without_field_figures(tmp_path: Path) -> None:
    results = compute(
        read_long(fragments_as_long("par-index", "par_index_pct", tmp_path), "PAR INDEX")
    )
    qn = results.unit_result("Quảng Ninh", 2023, "aggregate")
    assert qn is not None and (qn.score, qn.rank, qn.of, qn.tier) == (92.18, 1, 63, "A")
    assert qn.percent and qn.national_mean is None  # five provinces are not the field
    dn = results.unit_result("Đồng Nai", 2022, "aggregate")
    assert dn is not None and (dn.rank, dn.tier) == (51, None)  # no sourced 2022 bands
    # 2020 gives ranks without scores: shown in the ranking as published
    rows = {r.province.name: r for r in results.ranking(2020).rows}
    assert (rows["Hải Phòng"].rank, rows["Hải Phòng"].score) == (2, None)


def test_sipas_is_a_percentage_taken_as_published(tmp_path: Path) -> None:
    results = compute(read_long(fragments_as_long("sipas", "sipas_pct", tmp_path), "SIPAS"))
    qn = results.unit_result("Quảng Ninh", 2023, "aggregate")
    assert qn is not None and (qn.score, qn.rank, qn.tier) == (90.61, 1, None)
    fw = results.framework
    assert [u.code for u in fw.children("aggregate")] == ["1", "2", "3", "4", "5"]
    # elements alone never make the index: its combination is not sourced
    hn = match_province("Hà Nội", 2023)
    elements = [ScoreRecord(2023, hn, str(i), 80.0) for i in range(1, 6)]
    assert compute(Dataset.build(fw, elements)).unit_result(hn, 2023, "aggregate") is None


def test_percentages_above_100_and_ranks_beyond_the_field_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "năm,tỉnh,mã,điểm,thứ hạng\n2023,Khánh Hòa,aggregate,101,12\n2023,Huế,aggregate,85,64\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        read_long(path, "SIPAS")
    messages = [p.message("en") for p in caught.value.problems]
    assert "row 2" in messages[0] and "outside the 0–100 range" in messages[0]
    assert "row 3" in messages[1] and "rank 64 outside 1–63" in messages[1]
