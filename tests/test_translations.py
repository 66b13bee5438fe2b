"""Vietnamese is the source language; every app's English catalogue must be complete."""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "chiso"
CATALOGUES = sorted(SRC.glob("*/locale/en/LC_MESSAGES/django.po"))
STRING = re.compile(r'"(.*)"')


def _joined(lines: list[str], keyword: str) -> str | None:
    """The text of `msgid`/`msgstr` in one entry (continuation lines included)."""
    text, inside = None, False
    for line in lines:
        if line.startswith(keyword + " "):
            text, inside = "".join(STRING.findall(line)), True
        elif inside and line.startswith('"'):
            text = (text or "") + "".join(STRING.findall(line))
        else:
            inside = False
    return text


def untranslated(po_text: str) -> list[str]:
    """Entries with an empty or fuzzy translation (the header entry excepted)."""
    missing = []
    for block in po_text.split("\n\n"):
        lines = block.strip().splitlines()
        source, target = _joined(lines, "msgid"), _joined(lines, "msgstr")
        if not source or target is None:
            continue  # header, plural or obsolete entry
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        if not target or fuzzy:
            missing.append(source)
    return missing


def test_a_fuzzy_entry_counts_as_untranslated() -> None:
    po = '#, fuzzy\n#| msgid "Kế hoạch"\nmsgid "Kế hoạch mới"\nmsgstr "Plans"\n'
    assert untranslated(po) == ["Kế hoạch mới"]


def test_there_are_catalogues() -> None:
    assert len(CATALOGUES) >= 3


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_is_complete(catalogue: Path) -> None:
    assert untranslated(catalogue.read_text(encoding="utf-8")) == []


def stray_fuzzy_comments(po_text: str) -> list[int]:
    """Line numbers of '# fuzzy' translator comments: a flag written as a comment, which
    gettext ignores, so the entry looks reviewed while whoever wrote it meant it to be checked."""
    return [
        number
        for number, line in enumerate(po_text.splitlines(), start=1)
        if line.startswith("#") and not line.startswith("#,") and "fuzzy" in line.lower()
    ]


def test_a_fuzzy_comment_is_found() -> None:
    po = '# fuzzy\nmsgid "Kế hoạch"\nmsgstr "Plan"\n\n#, fuzzy\nmsgid "A"\nmsgstr "B"\n'
    assert stray_fuzzy_comments(po) == [1]


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_has_no_fuzzy_comment(catalogue: Path) -> None:
    assert stray_fuzzy_comments(catalogue.read_text(encoding="utf-8")) == []
