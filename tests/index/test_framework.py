from pathlib import Path

import pytest

from chiso.index.framework import FrameworkError, load_framework


def test_papi_hierarchy_and_years() -> None:
    fw = load_framework("PAPI")
    assert fw.root.code == "aggregate"
    assert [u.code for u in fw.children("aggregate", 2017)] == ["1", "2", "3", "4", "5", "6"]
    assert len(fw.children("aggregate", 2018)) == 8
    assert [u.code for u in fw.children("2", 2017)] == ["2.1", "2.2", "2.3"]
    assert [u.code for u in fw.children("2", 2018)] == ["2.1", "2.2", "2.3", "2.4"]
    assert [u.code for u in fw.children("8", 2018)] == ["8.1", "8.2"]
    assert [u.code for u in fw.children("8", 2019)] == ["8.1", "8.2", "8.3"]
    assert [u.code for u in fw.children("5", 2020)] == ["5.1", "5.2", "5.3", "5.4"]
    assert [u.code for u in fw.children("5", 2021)] == ["5.1", "5.3", "5.4"]
    assert sum(len(fw.children(d.code, 2011)) for d in fw.children("aggregate", 2011)) == 22
    assert sum(len(fw.children(d.code, 2018)) for d in fw.children("aggregate", 2018)) == 28
    assert sum(len(fw.children(d.code, 2020)) for d in fw.children("aggregate", 2020)) == 29
    assert sum(len(fw.children(d.code, 2022)) for d in fw.children("aggregate", 2022)) == 28


def test_papi_scales_per_year() -> None:
    fw = load_framework("PAPI")
    assert fw.scale_range("aggregate", 2017) == (6, 60)
    assert fw.scale_range("aggregate", 2018) == (8, 80)
    assert fw.scale_range("4.1", 2022) == (0.25, 2.5)
    low, high = fw.scale_range("5.1", 2021)
    assert low == pytest.approx(1 / 3) and high == pytest.approx(10 / 3)
    assert fw.scale_range("8.1", 2018) == (0.5, 5.0)
    with pytest.raises(KeyError):
        fw.scale_range("7.1", 2017)


def test_papi_names_and_breaks() -> None:
    fw = load_framework("PAPI")
    assert fw.unit("5").name() == "Thủ tục hành chính công"
    assert fw.unit("2.1").name(2018, "en") == "Access to Information"
    assert fw.unit("2.1").name(2015, "en") == "Poverty Lists"
    assert fw.unit("3.2").name(2016, "en") == "Responsiveness to Citizen Actions"
    assert {b.year for b in fw.breaks_for("3.3", 2011, 2024)} == {2016, 2018}
    assert fw.breaks_for("aggregate", 2021, 2022) == ()
    assert [b.year for b in fw.breaks_for("aggregate", 2017, 2018)] == [2018]
    assert fw.breaks_for("5.1", 2020, 2021)[0].explanation.get("en").startswith("From 2021")


def test_papi_tier_rule_per_year() -> None:
    fw = load_framework("PAPI")
    assert fw.tier_rule(2022).code == "A" and fw.tier_rule(2022).inclusive
    assert fw.tier_rule(2023).code == "B" and not fw.tier_rule(2023).inclusive
    assert fw.tier_rule(2024).code == "B"
    assert fw.rule_known(2022) and fw.rule_known(2024)
    assert not fw.rule_known(2018)  # no published figure settles it
    assert not fw.rule_known(2025)  # not yet checked against published groups
    assert [t.code for t in fw.tiers] == ["high", "high_average", "low_average", "low"]
    assert [t.label.vi for t in fw.tiers] == ["Cao", "Trung bình cao", "Trung bình thấp", "Thấp"]


def test_second_framework_loads_from_a_file(toy_framework_path: Path) -> None:
    fw = load_framework(toy_framework_path)
    assert fw.code == "TOY"
    assert [lv.code for lv in fw.levels] == ["total", "pillar", "indicator"]
    assert fw.scale_range("total", 2020) == (0, 200)
    assert fw.scale_range("B.1", 2020) == (0, 100)
    assert fw.scale_range("B.1", 2021) == (0, 50)
    assert len(fw.tiers) == 3


def test_unknown_framework_is_named() -> None:
    with pytest.raises(FrameworkError, match="XYZ"):
        load_framework("XYZ")


def test_malformed_framework_names_file_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (Path(__file__).parent / "fixtures" / "toyindex.yaml")
        .read_text(encoding="utf-8")
        .replace("parent: A, scale: share", "parent: Z, scale: share"),
        encoding="utf-8",
    )
    with pytest.raises(FrameworkError, match=r"bad\.yaml.*A\.1.*'Z'"):
        load_framework(bad)
