"""How often a gain happened: the odds of a score goal from the changes of similar provinces.

A score goal does not depend on other provinces, but whether the province *gains* enough does.
The honest reference is history: among the province-years that started from a similar level
(the `neighbours` start scores closest to the province's own, in years comparable with the target
year), the share that gained at least the needed amount over the same number of years.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from chiso.index.dataset import FloatArray
from chiso.index.formatting import fmt_number
from chiso.index.results import Results
from chiso.index.text import LocalizedText

NEIGHBOURS = (
    60  # about one year's worth of provinces: wide enough to count, narrow enough to be alike
)


@dataclass(frozen=True, eq=False)
class LevelChanges:
    """Pairs (start score, change over `span` years) of every province and comparable year."""

    unit: str
    span: int
    start: FloatArray
    change: FloatArray
    years: tuple[int, ...]  # the later years of the pairs used


@dataclass(frozen=True)
class GainOdds:
    unit: str
    span: int  # years between the baseline and the target year
    current: float
    needed_gain: float
    reached: int  # similar province-years that gained at least `needed_gain`
    total: int  # similar province-years looked at
    low: float  # their start scores range from `low` to `high`
    high: float
    years: tuple[int, ...]

    @property
    def probability(self) -> float:
        return self.reached / self.total if self.total else 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "method": "similar_level_history",
            "span": self.span,
            "needed_gain": self.needed_gain,
            "reached": self.reached,
            "total": self.total,
            "start_range": [self.low, self.high],
            "history_years": list(self.years),
            "probability": self.probability,
        }

    def sentence(self) -> LocalizedText:
        """The plain-language reading, method included."""
        years = f"{self.years[0]}–{self.years[-1]}" if self.years else "—"
        vi_span = "một năm" if self.span == 1 else f"{self.span} năm"
        en_span = "one year" if self.span == 1 else f"{self.span} years"
        pct_vi, pct_en = fmt_number(self.probability * 100, "vi", 0), f"{self.probability:.0%}"
        return LocalizedText(
            f"Trong {self.total} lượt tỉnh-năm có điểm xuất phát gần mức của tỉnh "
            f"({fmt_number(self.low, 'vi')}–{fmt_number(self.high, 'vi')}, giai đoạn {years}), "
            f"{self.reached} lượt tăng được ít nhất {fmt_number(self.needed_gain, 'vi')} điểm "
            f"sau {vi_span}: khả năng khoảng {pct_vi}% ({self._plain().vi}). Đây là tần suất "
            "trong quá khứ, không phải cam kết.",
            f"Of {self.total} province-years that started near the province's level "
            f"({fmt_number(self.low, 'en')}–{fmt_number(self.high, 'en')}, {years}), "
            f"{self.reached} gained at least {fmt_number(self.needed_gain, 'en')} points within "
            f"{en_span}: a chance of about {pct_en} ({self._plain().en}). This is a past "
            "frequency, not a promise.",
        )

    def _plain(self) -> LocalizedText:
        p = self.probability
        if p == 0:
            return LocalizedText(
                "chưa tỉnh nào ở mức này tăng được như vậy", "no province at this level did it"
            )
        if p >= 0.9:
            return LocalizedText(
                "hầu hết các tỉnh ở mức này đã làm được", "most provinces at this level did it"
            )
        n = max(2, round(1 / p))
        return LocalizedText(
            f"cứ khoảng {n} tỉnh thì có 1 tỉnh làm được", f"about 1 province in {n} did it"
        )


def level_changes(results: Results, code: str, upto: int, span: int) -> LevelChanges:
    """Every (start, change) pair over `span` years ending ≤ `upto`, in the same regime (meaning
    and scale) as `upto`: a pair from before a structural break describes another index."""
    fw = results.framework
    unit = fw.unit(code)
    values = results.values(code)
    years = results.years
    starts: list[FloatArray] = []
    changes: list[FloatArray] = []
    used: list[int] = []
    for i, before in enumerate(years):
        after = before + span
        if after > upto or after not in years:
            continue
        j = years.index(after)
        if not (unit.exists_in(before) and unit.exists_in(after)):
            continue
        if fw.breaks_for(code, before, upto) or fw.scale_range(code, before) != fw.scale_range(
            code, upto
        ):
            continue
        delta = values[j] - values[i]
        keep = ~np.isnan(delta)
        if keep.any():
            starts.append(values[i][keep])
            changes.append(delta[keep])
            used.append(after)
    if not used:
        return LevelChanges(code, span, np.empty(0), np.empty(0), ())
    return LevelChanges(code, span, np.concatenate(starts), np.concatenate(changes), tuple(used))


def gain_odds(
    history: LevelChanges, current: float, needed_gain: float, neighbours: int = NEIGHBOURS
) -> GainOdds:
    """The share of the `neighbours` province-years nearest `current` (by start score) that
    gained at least `needed_gain` (ties in distance broken by the order of the data)."""
    if history.start.size == 0:
        return GainOdds(
            history.unit, history.span, current, needed_gain, 0, 0, current, current, ()
        )
    k = min(neighbours, history.start.size)
    nearest = np.argsort(np.abs(history.start - current), kind="stable")[:k]
    start = history.start[nearest]
    # A hair of tolerance: a gain equal to the need, up to float noise, counts as reaching it.
    reached = int((history.change[nearest] >= needed_gain - 1e-9).sum())
    return GainOdds(
        unit=history.unit,
        span=history.span,
        current=current,
        needed_gain=needed_gain,
        reached=reached,
        total=k,
        low=float(start.min()),
        high=float(start.max()),
        years=history.years,
    )
