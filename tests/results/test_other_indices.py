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
    assert hp is not None and (hp.score, hp.rank, hp.tier_label) == (70.61, 2, "Tốt")
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
