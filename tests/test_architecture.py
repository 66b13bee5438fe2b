"""The analytics core must stay usable without Django (notebooks, the CLI)."""

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "src" / "chiso" / "index"
FORBIDDEN = ("django", "chiso.site", "chiso.accounts", "chiso.results", "chiso.plans", "chiso.web")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_imports_no_django() -> None:
    offenders = {
        str(path.relative_to(CORE)): sorted(
            name for name in imported_modules(path) if name.startswith(FORBIDDEN)
        )
        for path in CORE.rglob("*.py")
    }
    assert {file: names for file, names in offenders.items() if names} == {}
