from __future__ import annotations

import os
from pathlib import Path

import pytest

from chiso.index import Results, load_papi

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"


def shared_dir() -> Path:
    return Path(os.environ.get("CHISO_SHARED_DIR", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def papi_dir() -> Path:
    path = shared_dir() / "data" / "papi-subdimensions"
    if not path.is_dir():
        pytest.fail(f"shared PAPI data not found at {path} (set CHISO_SHARED_DIR)")
    return path


@pytest.fixture(scope="session")
def toy_framework_path() -> Path:
    return FIXTURES / "toyindex.yaml"


@pytest.fixture(scope="session")
def papi(papi_dir: Path) -> Results:
    return load_papi(papi_dir)
