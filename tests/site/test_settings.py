"""Production safety: refuse to start without a secret; `check --deploy` is clean."""

import os
import subprocess
import sys
from pathlib import Path

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
