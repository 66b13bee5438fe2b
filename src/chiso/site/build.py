"""A token that changes whenever what the server sends could change without the data changing:
chiso's code, templates, styles and translations, and the npm-installed assets it serves.

Pages that answer `304 Not Modified` (the public pages' ETags) mix it into their validators, so a
deployment of a new version never leaves a browser with an old page on new styles.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from django.conf import settings

import chiso

# What can change a rendered page: Python code, templates, styles and scripts, translations, data.
_SUFFIXES = {".py", ".html", ".css", ".js", ".svg", ".csv", ".yaml", ".mo"}


def build_files() -> list[Path]:
    """Every file whose change retires the token, in a stable order."""
    package = Path(chiso.__file__).parent
    files = sorted(p for p in package.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
    # npm records what it installed; a different htmx or font version changes this file.
    lock = Path(settings.NODE_MODULES) / ".package-lock.json"
    if lock.is_file():
        files.append(lock)
    return files


def _compute() -> str:
    digest = hashlib.sha1(chiso.__version__.encode())
    for path in build_files():
        stat = path.stat()
        digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


_token: str | None = None


def build_token() -> str:
    """Computed once per process (a deployment restarts the processes)."""
    global _token
    if _token is None:
        _token = _compute()
    return _token
