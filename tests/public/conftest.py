"""Public pages read the stored results; most tests hand them the published PAPI files instead
(computed once per session), and one test goes through a real `import-results`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from chiso.index import Results, compute, load_papi, read_wide
from chiso.results.errors import NoResults
from tests.conftest import PAPI_DATA_DIR


@cache
def shared_results() -> Results:
    return load_papi(PAPI_DATA_DIR)


def _import_views_first() -> None:
    """Views that import `load_results` by name bind whatever the store holds when they are
    first imported: import them all before patching, or a later test (the targets page) keeps
    this test's stand-in for good."""
    import chiso.site.urls  # noqa: F401


@pytest.fixture
def papi(monkeypatch: pytest.MonkeyPatch, papi_data_dir: Path) -> Results:
    from chiso.results import store

    _import_views_first()
    results = shared_results()

    def load(index: str = "PAPI") -> Results:
        if index != "PAPI":
            raise NoResults("none")  # the other indices have no results in these tests
        return results

    monkeypatch.setattr(store, "load_results", load)
    return results


SHARED_PCI = PAPI_DATA_DIR.parent / "pci"


@cache
def shared_pci() -> Results:
    """VCCI's published PCI tables as transcribed in ../shared/data/pci (read in place)."""
    return compute(read_wide(SHARED_PCI, "PCI"))


@pytest.fixture
def papi_and_pci(monkeypatch: pytest.MonkeyPatch, papi_data_dir: Path) -> dict[str, Results]:
    """PAPI and PCI from the shared data; PAR INDEX and SIPAS without results."""
    from chiso.results import store

    _import_views_first()
    found = {"PAPI": shared_results(), "PCI": shared_pci()}

    def load(index: str = "PAPI") -> Results:
        if index not in found:
            raise NoResults("none")
        return found[index]

    monkeypatch.setattr(store, "load_results", load)
    return found


@pytest.fixture
def no_results(monkeypatch: pytest.MonkeyPatch) -> None:
    from chiso.results import store
    from chiso.results.errors import NoResults

    def missing(index: str = "PAPI") -> Any:
        raise NoResults("none")

    _import_views_first()
    monkeypatch.setattr(store, "load_results", missing)
