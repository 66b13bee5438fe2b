"""The task catalogue in the core: the national starter list, suggestions per weak unit, and the
checks that name the entry and the field."""

from pathlib import Path

import pytest

from chiso.index import load_framework
from chiso.index.catalogue import (
    CatalogueEntry,
    CatalogueError,
    load_catalogue,
    matches,
    starter_catalogue,
    suggest,
)

PAPI = load_framework("PAPI")


def test_starter_catalogue_covers_every_dimension() -> None:
    entries = starter_catalogue(PAPI)
    assert len(entries) == 20
    seed = [e for e in entries if e.source == "seed"]
    assert len(seed) == 12 and all(e.ref.startswith("II.") for e in seed)
    dimensions = {u.split(".")[0] for e in entries for u in e.units}
    assert dimensions == {"1", "2", "3", "4", "5", "6", "7", "8"}


def test_suggestions_for_weak_units() -> None:
    found = suggest(starter_catalogue(PAPI), ["5.4", "3.2", "2.1"], PAPI)
    assert [e.code for e in found["5.4"]] == ["C-4"]
    assert [e.code for e in found["3.2"]] == ["S-5", "S-12"]
    # an entry naming dimension 2 also addresses its sub-dimension 2.1
    assert "S-7" in [e.code for e in found["2.1"]]
    entry = CatalogueEntry("X", "t", ("1.2",))
    assert matches(entry, "1", PAPI) and matches(entry, "1.2", PAPI)
    assert not matches(entry, "1.3", PAPI)


def test_bad_entries_are_refused_naming_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("tasks:\n  - {code: A, title: t, units: ['9.9']}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"c.yaml tasks\[0\] \(A\).*9.9"):
        load_catalogue(path, PAPI)
    path.write_text(
        "tasks:\n  - {code: A, title: t, units: ['1']}\n  - {code: A, title: u, units: ['2']}\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError, match="trùng"):
        load_catalogue(path, PAPI)
    path.write_text("tasks:\n  - {code: A, title: '', units: ['1']}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match="title"):
        load_catalogue(path, PAPI)
