"""The target page's fixtures: PAPI results computed once from the shared data, served to the
views in place of the database (one test imports them for real, end to end)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chiso.index import Results, load_papi
from tests.conftest import PAPI_DATA_DIR


@pytest.fixture(scope="session")
def papi() -> Results:
    if not PAPI_DATA_DIR.is_dir():
        pytest.fail(f"PAPI data not found at {PAPI_DATA_DIR} (set CHISO_SHARED_DIR)")
    return load_papi(Path(PAPI_DATA_DIR))


@pytest.fixture
def served(papi: Results, monkeypatch: pytest.MonkeyPatch) -> Results:
    """The views see `papi` as the stored results."""
    monkeypatch.setattr("chiso.targets.views.load_results", lambda index="PAPI": papi)
    return papi


@pytest.fixture
def officer(province: Any, make_user: Any) -> Any:
    from chiso.accounts.models import Role

    return make_user("chuyenvien", Role.AGENCY_OFFICER, province)
