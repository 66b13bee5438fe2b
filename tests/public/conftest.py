"""Public pages read the stored results; most tests hand them the published PAPI files instead
(computed once per session), and one test goes through a real `import-results`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from chiso.index import Results, load_papi
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
    monkeypatch.setattr(store, "load_results", lambda index="PAPI": results)
    return results


@pytest.fixture
def no_results(monkeypatch: pytest.MonkeyPatch) -> None:
    from chiso.results import store
    from chiso.results.errors import NoResults

    def missing(index: str = "PAPI") -> Any:
        raise NoResults("none")

    _import_views_first()
    monkeypatch.setattr(store, "load_results", missing)
