"""Results of PCI, PAR INDEX and SIPAS stored beside PAPI: published ranks and groups kept."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from chiso.results.models import ResultRelease, UnitScore
from chiso.results.store import load_results, stored_dataset
from chiso.site import clock

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture
def after_2025(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.setattr(clock, "today", lambda: dt.date(2025, 6, 1))


@pytest.mark.django_db
def test_pci_published_tables_import_with_ranks_and_groups(after_2025: None) -> None:
    out = StringIO()
    call_command("import_results", str(SHARED / "pci"), "--index", "PCI", stdout=out)
    assert "PCI" in out.getvalue()
    assert sorted(ResultRelease.objects.values_list("year", flat=True)) == list(range(2015, 2025))
    results = load_results("PCI")
    hp = results.unit_result("Hải Phòng", 2021, "aggregate")
    assert hp is not None and (hp.score, hp.rank, hp.tier_label.vi) == (70.61, 2, "Tốt")
    kh = results.unit_result("Khánh Hòa", 2020, "aggregate")
    assert kh is not None and (kh.rank, kh.of) == (26, 63)


@pytest.mark.django_db
def test_rank_only_rows_round_trip_through_the_database(tmp_path: Path, after_2025: None) -> None:
    path = tmp_path / "par.csv"
    path.write_text(
        "năm,tỉnh,mã,điểm,thứ hạng\n2020,Quảng Ninh,aggregate,,1\n2020,Hải Phòng,aggregate,,2\n"
        '2023,Quảng Ninh,aggregate,"92,18",1\n',
        encoding="utf-8",
    )
    call_command("import_results", str(path), "--index", "PAR INDEX", stdout=StringIO())
    rows = UnitScore.objects.filter(release__year=2020).values_list("score", "rank", "group")
    assert sorted(rows, key=lambda r: r[1]) == [(None, 1, ""), (None, 2, "")]
    data = stored_dataset("PAR_INDEX")
    assert {(r.year, r.rank, r.score) for r in data.records} == {
        (2020, 1, None), (2020, 2, None), (2023, 1, 92.18)
    }  # fmt: skip
    qn = load_results("PAR INDEX").unit_result("Quảng Ninh", 2023, "aggregate")
    assert qn is not None and (qn.tier, qn.percent) == ("A", True)


@pytest.mark.django_db
def test_par_index_fragments_import_in_place_from_shared(after_2025: None) -> None:
    """../shared/data/par-index (province, par_index_pct, rank, rank_basis, source_url) is read
    in place (issue 18, item 5): the provenance columns are read past, rank-only rows kept."""
    out = StringIO()
    call_command("import_results", str(SHARED / "par-index"), "--index", "PAR_INDEX", stdout=out)
    years = "2018, 2019, 2020, 2021, 2022, 2023"
    assert f"Đã nhập 26 điểm PAR_INDEX, các năm {years}." in out.getvalue()
    data = stored_dataset("PAR_INDEX")
    assert len(data.records) == 26 and sum(r.score is not None for r in data.records) == 17
    results = load_results("PAR_INDEX")
    qn = results.unit_result("Quảng Ninh", 2023, "aggregate")
    assert qn is not None and (qn.score, qn.rank, qn.of, qn.tier) == (92.18, 1, 63, "A")
    qn18 = results.unit_result("Quảng Ninh", 2018, "aggregate")
    assert qn18 is not None and (qn18.score, qn18.rank, qn18.tier) == (89.06, 1, "A")
    # 2020: ranks by listing order only, no percentages.
    ranks_2020 = {(r.province.name, r.rank) for r in data.records if r.year == 2020}
    assert ("Hải Phòng", 2) in ranks_2020 and ("Bình Dương", 4) in ranks_2020
    assert all(r.score is None for r in data.records if r.year == 2020)


@pytest.mark.django_db
def test_sipas_fragments_import_in_place_from_shared(after_2025: None) -> None:
    out = StringIO()
    call_command("import_results", str(SHARED / "sipas"), "--index", "SIPAS", stdout=out)
    assert "Đã nhập 15 điểm SIPAS, các năm 2019, 2020, 2021, 2022, 2023." in out.getvalue()
    data = stored_dataset("SIPAS")
    scored = {(r.year, r.province.name): r.score for r in data.records if r.score is not None}
    assert scored == {
        (2019, "Quảng Ninh"): 95.26, (2022, "Quảng Ninh"): 87.59, (2023, "Quảng Ninh"): 90.61
    }  # fmt: skip
    hanoi = next(r for r in data.records if r.year == 2023 and r.province.name == "Hà Nội")
    assert (hanoi.score, hanoi.rank) == (None, 21)
    qn = load_results("SIPAS").unit_result("Quảng Ninh", 2023, "aggregate")
    assert qn is not None and (qn.score, qn.rank, qn.percent) == (90.61, 1, True)
