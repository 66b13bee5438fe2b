"""Stored results: import (wide / long, dry run, replace, all-or-nothing, audit) and load."""

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from chiso.audit.models import AuditEntry
from chiso.index import DataError, load_papi
from chiso.results import store
from chiso.results.errors import NoResults, ResultsError
from chiso.results.models import ResultRelease, UnitScore

LONG_HEADER = "year,province,unit,score,se\n"


def long_csv(tmp_path: Path, body: str, name: str = "long.csv") -> Path:
    path = tmp_path / name
    path.write_text(LONG_HEADER + body, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_wide_folder_reproduces_the_core(papi_data_dir: Path) -> None:
    summary = store.import_results(papi_data_dir)
    assert summary.years == tuple(range(2011, 2025)) and not summary.dry_run
    assert ResultRelease.objects.filter(index="PAPI").count() == 14
    assert UnitScore.objects.count() == summary.scores == 21891
    from_db = store.load_results()
    from_files = load_papi(papi_data_dir)
    assert np.array_equal(from_db.arrays.score, from_files.arrays.score, equal_nan=True)
    assert np.array_equal(from_db.arrays.tier, from_files.arrays.tier)
    kh = from_db.unit_result("Khánh Hòa", 2022, "aggregate")
    assert kh is not None and (round(kh.score, 2), kh.rank, kh.of, kh.tier_label.vi) == (
        43.44,
        16,
        61,
        "Cao",
    )
    assert AuditEntry.objects.filter(action="results.import").count() == 14


@pytest.mark.django_db
def test_dry_run_saves_nothing(tmp_path: Path) -> None:
    summary = store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,0.1\n"), dry_run=True)
    assert summary.dry_run and summary.scores == 1
    assert not ResultRelease.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.django_db
def test_reimport_replaces_only_the_years_it_contains(tmp_path: Path) -> None:
    store.import_results(
        long_csv(tmp_path, "2021,Khánh Hòa,1,4.2,\n2022,Khánh Hòa,1,4.5,0.1\n2022,Hà Nội,1,5,\n")
    )
    summary = store.import_results(long_csv(tmp_path, "2022,Huế,1,6,\n", "again.csv"), replace=True)
    assert summary.replaced_years == (2022,)
    assert list(ResultRelease.objects.current().values_list("year", flat=True)) == [2021, 2022]
    current = UnitScore.objects.filter(release__superseded_at__isnull=True)
    assert sorted(current.values_list("province_name", flat=True)) == [
        "Khánh Hòa",
        "Thừa Thiên Huế",
    ]
    stored = current.get(province_code="56")
    assert (stored.release.year, stored.score) == (2021, 4.2)
    assert AuditEntry.objects.filter(action="results.replace").count() == 1


@pytest.mark.django_db
def test_se_and_precision_survive_the_round_trip(tmp_path: Path) -> None:
    store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.123456789012,0.0625\n"))
    results = store.load_results()
    rec = results.dataset.records[0]
    assert (rec.score, rec.se) == (4.123456789012, 0.0625)


@pytest.mark.django_db
def test_rejected_file_changes_nothing(tmp_path: Path) -> None:
    store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,\n"))
    bad = long_csv(tmp_path, "2022,Hà Nội,1,5,\n2022,Atlantis,1,5,\n", "bad.csv")
    with pytest.raises(DataError) as err:
        store.import_results(bad)
    assert err.value.first.row == 3
    assert list(UnitScore.objects.values_list("province_code", flat=True)) == ["56"]


@pytest.mark.django_db
def test_failure_while_saving_rolls_everything_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,\n"))

    def boom(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store, "_audit", boom)
    with pytest.raises(RuntimeError):
        store.import_results(
            long_csv(tmp_path, "2022,Hà Nội,1,5,\n2023,Hà Nội,1,5,\n", "b.csv"), replace=True
        )
    assert list(ResultRelease.objects.values_list("year", flat=True)) == [2022]
    assert list(UnitScore.objects.values_list("province_code", "score")) == [("56", 4.5)]


@pytest.mark.django_db
def test_load_results_is_cached_and_rebuilt_after_import(tmp_path: Path) -> None:
    store.invalidate()
    store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,\n"))
    first = store.load_results()
    assert store.load_results() is first
    store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,\n2022,Hà Nội,1,5,\n", "2.csv"))
    second = store.load_results()
    assert second is not first and second.ranking(2022, "1").of == 2


@pytest.mark.django_db
def test_results_are_seen_as_published_by_the_day(tmp_path: Path, settings: Any) -> None:
    """A year's results come out the following year: on 15/08/2023 PAPI 2023 is not known yet,
    even when it is stored (the demo replays 2023 with every year loaded)."""
    store.invalidate()
    store.import_results(long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,\n2023,Khánh Hòa,1,4.7,\n"))
    settings.CHISO_TODAY = "2023-08-15"
    assert store.load_results().years == (2022,)
    assert store.load_results(as_of=dt.date(2024, 6, 1)).years == (2022, 2023)
    settings.CHISO_TODAY = "2022-12-31"
    with pytest.raises(NoResults, match="năm 2021 trở về trước"):
        store.load_results()


@pytest.mark.django_db
def test_no_results_yet(django_assert_num_queries: Any) -> None:
    store.invalidate()
    with pytest.raises(NoResults):
        store.load_results()
    # Remembered: asking again costs only the check that nothing was imported meanwhile.
    with django_assert_num_queries(1), pytest.raises(NoResults, match="Chưa nhập kết quả"):
        store.load_results()


@pytest.mark.django_db
def test_only_administrators_import(tmp_path: Path, make_user: Any) -> None:
    path = long_csv(tmp_path, "2022,Khánh Hòa,1,4.5,\n")
    with pytest.raises(ResultsError):
        store.import_results(path, actor=make_user("coord", "coordinator"))
    assert not ResultRelease.objects.exists()
    admin = make_user("root", "admin")
    store.import_results(path, actor=admin)
    assert ResultRelease.objects.get().imported_by == admin
    assert AuditEntry.objects.get().actor == admin


@pytest.mark.django_db
def test_missing_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ResultsError, match="nope.csv"):
        store.import_results(tmp_path / "nope.csv")
