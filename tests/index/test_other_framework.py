"""A second, differently shaped index runs through the same engine with no code change."""

from pathlib import Path

import pytest

from chiso.index import DataError, compute, load_framework, read_long

ROWS = [
    # year, province, unit, score
    (2020, "Khánh Hòa", "A.1", 40), (2020, "Khánh Hòa", "A.2", 30), (2020, "Khánh Hòa", "B.1", 90),
    (2020, "Hà Nội", "A.1", 20), (2020, "Hà Nội", "A.2", 20), (2020, "Hà Nội", "B.1", 50),
    (2020, "Huế", "A.1", 45), (2020, "Huế", "A.2", 45), (2020, "Huế", "B.1", 10),
    (2021, "Khánh Hòa", "A.1", 50), (2021, "Khánh Hòa", "A.2", 30),
    (2021, "Khánh Hòa", "B.1", 40), (2021, "Khánh Hòa", "B.2", 45),
    (2021, "Hà Nội", "A.1", 50), (2021, "Hà Nội", "A.2", 30),
    (2021, "Hà Nội", "B.1", 10), (2021, "Hà Nội", "B.2", 10),
    (2021, "Huế", "A.1", 10), (2021, "Huế", "A.2", 10), (2021, "Huế", "B.1", 10),
]  # fmt: skip


@pytest.fixture
def toy_csv(tmp_path: Path) -> Path:
    path = tmp_path / "toy.csv"
    lines = ["year,province,unit,score", *(f"{y},{p},{u},{s}" for y, p, u, s in ROWS)]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_toy_index_scores_ranks_tiers(toy_framework_path: Path, toy_csv: Path) -> None:
    results = compute(read_long(toy_csv, toy_framework_path))
    assert results.index == "TOY"
    kh = results.unit_result("Khánh Hòa", 2020, "total")
    assert kh is not None and kh.score == 160 and (kh.rank, kh.of) == (1, 3)
    assert kh.tier == "top" and kh.tier_label.vi == "Dẫn đầu"
    hn = results.unit_result("Hà Nội", 2020, "total")
    assert hn is not None and (hn.score, hn.rank, hn.tier) == (90, 3, "bottom")
    # 2021: B has two indicators; Huế lacks B.2 so it has no B and no total
    assert results.unit_result("Huế", 2021, "total") is None
    assert results.ranking(2021, "total").of == 2
    kh21 = results.unit_result("Khánh Hòa", 2021, "total")
    assert kh21 is not None and kh21.score == 165 and kh21.change == 5 and kh21.rank_change == 0
    assert [b.year for b in results.unit_result("Khánh Hòa", 2021, "B").breaks] == [2021]  # type: ignore[union-attr]
    # 2021 pillar A: Khánh Hòa 80 and Hà Nội 80 tie and share rank 1; Huế 20 is third
    assert [r.rank for r in results.ranking(2021, "A").rows] == [1, 1, 3]
    profile = results.profile("Khánh Hòa", 2021)
    assert [d.unit for d in profile.dimensions] == ["A", "B"]
    assert [s.unit for s in profile.subdimensions] == ["A.1", "A.2", "B.1", "B.2"]


def test_toy_scale_is_share_of_pillar(toy_framework_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("year,province,unit,score\n2021,Huế,B.1,60\n", encoding="utf-8")
    with pytest.raises(DataError, match="0–50"):
        read_long(path, toy_framework_path)
    fw = load_framework(toy_framework_path)
    assert fw.tier_rule(2021).inclusive is False
