"""The documentation keeps up with the code (datasette-style): every setting chiso reads from the
environment is in the README's configuration table and every management command is documented."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SRC = REPO / "src" / "chiso"

# os.environ.get("X"…), os.environ["X"], env_bool("X"…), env_list("X"…), os.getenv("X"…)
_READS = re.compile(
    r"""(?:environ\.get|environ\[|env_[a-z]+|getenv)\(?\s*["']([A-Z][A-Z0-9_]+)["']"""
)
# Read by the test and CI harness, not by a deployment.
_NOT_SETTINGS = {"CI", "DJANGO_SETTINGS_MODULE"}


def settings_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for path in SRC.rglob("*.py"):
        names.update(_READS.findall(path.read_text(encoding="utf-8")))
    return names - _NOT_SETTINGS


def documented_text() -> str:
    docs = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in docs)


def test_the_scan_finds_settings() -> None:
    found = settings_read_by_the_code()
    assert {"SECRET_KEY", "DATABASE_URL", "CHISO_TODAY", "LOG_LEVEL"} <= found


def test_every_setting_is_in_the_readme_table() -> None:
    table = {
        name
        for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("|")
        for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", line.split("|")[1])
    }
    missing = sorted(settings_read_by_the_code() - table)
    assert not missing, f"settings missing from the README's configuration table: {missing}"


def test_every_management_command_is_documented() -> None:
    text = documented_text()
    commands = sorted(
        path.stem
        for path in SRC.glob("*/management/commands/*.py")
        if not path.stem.startswith("_")
    )
    assert "load_demo" in commands
    missing = [name for name in commands if name not in text and name.replace("_", "-") not in text]
    assert not missing, f"management commands documented nowhere in README.md or docs/: {missing}"
