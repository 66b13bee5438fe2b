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


@pytest.fixture
def papi(monkeypatch: pytest.MonkeyPatch, papi_data_dir: Path) -> Results:
    from chiso.results import store

    results = shared_results()
    monkeypatch.setattr(store, "load_results", lambda index="PAPI": results)
    return results


@pytest.fixture
def no_results(monkeypatch: pytest.MonkeyPatch) -> None:
    from chiso.results import store
    from chiso.results.errors import NoResults

    def missing(index: str = "PAPI") -> Any:
        raise NoResults("none")

    monkeypatch.setattr(store, "load_results", missing)
