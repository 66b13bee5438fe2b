"""Citizens' feedback counted per commune and per PAPI unit (dashboard and the staff list)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from chiso.activities import units
from chiso.supervision.models import Feedback, FeedbackState


@dataclass(frozen=True)
class FeedbackCounts:
    total: int
    waiting: int  # pending moderation or accepted, not answered yet
    by_commune: list[tuple[str, int]]  # most first
    by_unit: list[tuple[str, int]]  # "2.4. …" label, most first

    @property
    def any(self) -> bool:
        return bool(self.total)


def feedback_counts(qs: QuerySet[Feedback], year: int) -> FeedbackCounts:
    """Refused posts (spam, abuse) are left out of every count."""
    kept = qs.exclude(state=FeedbackState.REJECTED)
    rows = list(kept.values_list("state", "commune__name", "unit_codes"))
    communes = Counter(name for _state, name, _codes in rows if name)
    codes = Counter(code for _state, _name, unit_codes in rows for code in unit_codes)
    waiting = sum(1 for state, _n, _c in rows if state != FeedbackState.ANSWERED)
    return FeedbackCounts(
        total=len(rows),
        waiting=waiting,
        by_commune=communes.most_common(),
        by_unit=[(units.unit_label(code, year), n) for code, n in codes.most_common()],
    )
