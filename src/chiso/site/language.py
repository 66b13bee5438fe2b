"""Which of the index data's two languages a page shows."""

from __future__ import annotations

from django.utils.translation import get_language


def content_language() -> str:
    """ "en" while the page is in English, else "vi": framework names, tier labels and objective
    summaries come in these two (chiso.index), whatever locale variant is active."""
    return "en" if (get_language() or "vi").startswith("en") else "vi"
