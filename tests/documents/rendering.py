"""PDF conversion and page rendering for the layout tests (LibreOffice and poppler)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import TEST_OUTPUT
from tests.documents.conftest import need_tool


def page_count(pdf: bytes, tmp_path: Path) -> int:
    need_tool("pdfinfo")
    path = tmp_path / "count.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def render_first_pages(pdf: bytes, name: str, pages: int = 2) -> list[Path]:
    """test-output/<name>-1.png, -2.png … at 100 dpi, for people to look at."""
    need_tool("pdftoppm")
    TEST_OUTPUT.mkdir(exist_ok=True)
    source = TEST_OUTPUT / f"{name}.pdf"
    source.write_bytes(pdf)
    for old in TEST_OUTPUT.glob(f"{name}-*.png"):
        old.unlink()
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "100",
            "-png",
            "-f",
            "1",
            "-l",
            str(pages),
            str(source),
            str(TEST_OUTPUT / name),
        ],
        check=True,
    )
    return sorted(TEST_OUTPUT.glob(f"{name}-*.png"))
