"""Bilingual text carried by the core (which cannot use Django's translation machinery)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LocalizedText:
    """A Vietnamese text with its English counterpart; Vietnamese is the default."""

    vi: str
    en: str

    def get(self, lang: str = "vi") -> str:
        return self.en if lang.lower().startswith("en") else self.vi

    def __str__(self) -> str:
        return self.vi
