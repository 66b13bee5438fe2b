"""Configuration mistakes stop chiso with one clear line, and settings that depend on how chiso
is deployed (behind a reverse proxy or not) are read from the environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.site.test_settings import REPO, run_chiso

SECRET = "x7!Kq2#pL9v$Wm4@Zr8^Tn3&Yb6*Hc1(Jd5)Fs0_Gu2+Ea9-Ix4=Oy7"


def _one_clear_line(result: subprocess.CompletedProcess[str], words: str) -> None:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("chiso: configuration error:") and words in lines[0]
    assert "Traceback" not in result.stderr


def test_no_secret_key_is_one_line_not_a_traceback() -> None:
    _one_clear_line(run_chiso("check", DEBUG="0"), "SECRET_KEY is not set")


def test_a_bad_database_url_is_one_line(tmp_path: Path) -> None:
    result = run_chiso("check", DEBUG="1", DATABASE_URL="postgress://db/chiso")
    _one_clear_line(result, "DATABASE_URL")


def test_the_wsgi_server_start_says_the_same(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import chiso.site.wsgi"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "DEBUG": "0"},
        timeout=120,
    )
    _one_clear_line(result, "SECRET_KEY is not set")


def _setting(name: str, **env: str) -> str:
    code = f"from django.conf import settings; print(repr(getattr(settings, {name!r}, None)))"
    result = run_chiso("shell", "-c", code, DEBUG="0", SECRET_KEY=SECRET, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("env", "expected"),
    [({}, "None"), ({"CHISO_BEHIND_PROXY": "1"}, "('HTTP_X_FORWARDED_PROTO', 'https')")],
)
def test_forwarded_proto_is_trusted_only_behind_a_proxy(env: dict[str, str], expected: str) -> None:
    assert _setting("SECURE_PROXY_SSL_HEADER", **env) == expected
