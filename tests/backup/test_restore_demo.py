"""Back up the demo, restore it into an empty database and compare everything: every table's row
count, every stored file's checksum, the API's answers. A second restore into the now non-empty
database is refused, and so is a damaged archive. On SQLite, and on PostgreSQL when DATABASE_URL
is postgres (pg_dump/pg_restore). Each database is driven by `chiso` in its own process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

REPO = Path(__file__).resolve().parents[2]
TEST_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = TEST_URL.startswith(("postgres://", "postgresql://"))


def _psql(sql: str) -> None:
    parts = urlsplit(TEST_URL)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    subprocess.run(["psql", maintenance, "-q", "-c", sql], check=True, capture_output=True)


@pytest.fixture
def new_database(tmp_path: Path) -> Iterator[object]:
    """Makes empty databases (URLs) on the suite's database kind; drops them afterwards."""
    made: list[str] = []

    def make(label: str) -> str:
        if not ON_POSTGRES:
            return f"sqlite:///{tmp_path / label}.sqlite3"
        parts = urlsplit(TEST_URL)
        name = f"{parts.path.strip('/')}_bk_{label}"
        _psql(f'DROP DATABASE IF EXISTS "{name}"')
        _psql(f'CREATE DATABASE "{name}"')
        made.append(name)
        return urlunsplit(parts._replace(path=f"/{name}"))

    yield make
    for name in made:
        _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(url: str, var_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CACHE_URL", "REDIS_URL")}
    env.update(
        DEBUG="1",
        DATABASE_URL=url,
        CHISO_VAR_DIR=str(var_dir),
        MEDIA_ROOT=str(var_dir / "media"),
        CHISO_TODAY="2023-08-15",
        DJANGO_SETTINGS_MODULE="chiso.site.settings",
    )
    return env


def _run(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=900
    )
    if check and done.returncode != 0:
        pytest.fail(f"{args} failed:\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done


def _snapshot(env: dict[str, str]) -> dict[str, object]:
    return json.loads(_run(env, "-m", "tests.backup.snapshot").stdout.splitlines()[-1])


def _damaged_copy(archive: Path, target: Path) -> str:
    """The same archive with one evidence file's bytes changed; returns its name."""
    damaged = ""
    with tarfile.open(archive, "r:gz") as src, tarfile.open(target, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read() if member.isfile() else b""  # type: ignore[union-attr]
            if not damaged and member.name.startswith("media/evidence/"):
                data, damaged = data + b"tampered", member.name
                member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    return damaged


def test_the_demo_survives_backup_and_restore(tmp_path: Path, new_database: object) -> None:
    source = _env(new_database("src"), tmp_path / "src")  # type: ignore[operator]
    _run(source, "-m", "chiso", "migrate", "--noinput", "-v", "0")
    _run(source, "-m", "chiso", "load_demo")
    out = _run(source, "-m", "chiso", "backup", "--output-dir", str(tmp_path / "backups"))
    archive = Path(out.stdout.strip().splitlines()[-1])
    assert archive.is_file() and archive.name.startswith("chiso-backup-")

    target = _env(new_database("dst"), tmp_path / "dst")  # type: ignore[operator]
    restored = _run(target, "-m", "chiso", "restore", str(archive))
    assert "restored" in restored.stdout

    before, after = _snapshot(source), _snapshot(target)
    assert after["tables"] == before["tables"]
    assert (
        before["tables"]["plans_progressreport"] > 0 and before["tables"]["plans_assignment"] > 300
    )
    assert after["files"] == before["files"] and len(before["files"]) >= 2
    assert after["api"] == before["api"]
    assert all(status == 200 for status, _ in before["api"].values())

    again = _run(target, "-m", "chiso", "restore", str(archive), check=False)
    assert again.returncode != 0 and "not empty" in again.stderr

    damaged = tmp_path / "damaged.tar.gz"
    name = _damaged_copy(archive, damaged)
    fresh = _env(new_database("bad"), tmp_path / "bad")  # type: ignore[operator]
    refused = _run(fresh, "-m", "chiso", "restore", str(damaged), check=False)
    assert refused.returncode != 0 and f"{name}: missing or checksum mismatch" in refused.stderr
    check = _run(
        fresh,
        "-m",
        "chiso",
        "shell",
        "-c",
        "from chiso.backup.database import is_empty; print(is_empty())",
    )
    assert check.stdout.strip().splitlines()[-1] == "True"  # nothing half restored
