"""Production safety: refuse to start without a secret; `check --deploy` is clean; PostgreSQL
connections without JIT compiling."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_chiso(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-m", "chiso", *args],
        capture_output=True,
        text=True,
        env=clean,
        cwd=REPO,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key() -> None:
    result = run_chiso("check", DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_passes_check_deploy(tmp_path: Path) -> None:
    result = run_chiso(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x7!Kq2#pL9v$Wm4@Zr8^Tn3&Yb6*Hc1(Jd5)Fs0_Gu2+Ea9-Ix4=Oy7",
        ALLOWED_HOSTS="chiso.example.vn",
        CHISO_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_postgresql_connections_never_jit_compile() -> None:
    """A misjudged estimate must not add tens of ms of JIT compiling to a page's query; options
    given in DATABASE_URL are kept."""
    code = (
        "import json; from chiso.site import settings; "
        "print(json.dumps(settings.DATABASES['default'].get('OPTIONS', {})))"
    )
    url = "postgres://u@db.example:5432/chiso?options=-c%20statement_timeout%3D5000"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "DEBUG": "1", "DATABASE_URL": url},
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert '"options": "-c statement_timeout=5000 -c jit=off"' in result.stdout


@pytest.mark.django_db
def test_a_postgresql_connection_has_jit_off() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL run checks it (CI runs the suite on both)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
