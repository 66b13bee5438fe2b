"""Vietnamese is the source language; every app's English catalogue must be complete."""

import re
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "chiso"
CATALOGUES = sorted(SRC.glob("*/locale/en/LC_MESSAGES/django.po"))
ENTRY = re.compile(r'^(#, fuzzy\n)?msgid ((?:".*"\n)+)msgstr ((?:".*"\n)+)', re.MULTILINE)


def untranslated(po_text: str) -> list[str]:
    missing = []
    for fuzzy, msgid, msgstr in ENTRY.findall(po_text + "\n"):
        source = "".join(re.findall(r'"(.*)"', msgid))
        target = "".join(re.findall(r'"(.*)"', msgstr))
        if source and (not target or fuzzy):
            missing.append(source)
    return missing


def test_there_are_catalogues() -> None:
    assert len(CATALOGUES) >= 3


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: p.parts[-5])
def test_catalogue_is_complete(catalogue: Path) -> None:
    assert untranslated(catalogue.read_text(encoding="utf-8")) == []
