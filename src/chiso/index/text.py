"""Bilingual text carried by the core (which cannot use Django's translation machinery).

The core speaks `LocalizedText` only; the edge (CLI, pages, API, documents) picks one language
with `text_in` / `labels_in` (or `.vi` where the output is Vietnamese by definition)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import overload


@dataclass(frozen=True)
class LocalizedText:
    """A Vietnamese text with its English counterpart; Vietnamese is the default."""

    vi: str
    en: str

    def get(self, lang: str = "vi") -> str:
        return self.en if lang.lower().startswith("en") else self.vi

    def __str__(self) -> str:
        return self.vi


@overload
def text_in(text: LocalizedText | None, lang: str, missing: str = "") -> str: ...
@overload
def text_in(text: LocalizedText | None, lang: str, missing: None) -> str | None: ...
def text_in(text: LocalizedText | None, lang: str, missing: str | None = "") -> str | None:
    """`text` in `lang` ("en…" English, anything else Vietnamese); `missing` where there is none
    (None keeps a JSON field empty)."""
    return missing if text is None else text.get(lang)


def labels_in(table: Mapping[str, LocalizedText], lang: str) -> dict[str, str]:
    """A table of bilingual labels in one language."""
    return {key: text.get(lang) for key, text in table.items()}
