"""The period a consolidated report covers: the first 6 months, the first 9 months (the seed's
report due 29/9), the year, or dates the officer types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from chiso.documents.phrases import day


class PeriodKind(models.TextChoices):
    HALF = "half", _("6 tháng đầu năm")
    NINE = "nine", _("9 tháng đầu năm")
    YEAR = "year", _("Cả năm")
    CUSTOM = "custom", _("Từ ngày … đến ngày …")


LAST_MONTH = {PeriodKind.HALF: (6, 30), PeriodKind.NINE: (9, 30), PeriodKind.YEAR: (12, 31)}
WORDS: dict[str, str] = {PeriodKind.HALF: "6 tháng đầu năm", PeriodKind.NINE: "9 tháng đầu năm"}


@dataclass(frozen=True)
class Period:
    kind: str
    year: int
    starts_on: dt.date
    ends_on: dt.date

    @property
    def words(self) -> str:
        """ "9 tháng đầu năm 2023", "năm 2023", "từ ngày 01/3/2023 đến ngày 15/8/2023"."""
        if self.kind in WORDS:
            return f"{WORDS[self.kind]} {self.year}"
        if self.kind == PeriodKind.YEAR:
            return f"năm {self.year}"
        return f"từ ngày {day(self.starts_on)} đến ngày {day(self.ends_on)}"


class PeriodError(ValueError):
    """The period's dates are missing or reversed (translated message)."""


def make_period(
    kind: str, year: int, starts_on: dt.date | None = None, ends_on: dt.date | None = None
) -> Period:
    if kind == PeriodKind.CUSTOM:
        if starts_on is None or ends_on is None:
            raise PeriodError(_("Nhập ngày bắt đầu và ngày kết thúc của kỳ báo cáo."))
        if ends_on < starts_on:
            raise PeriodError(_("Ngày kết thúc kỳ báo cáo phải sau ngày bắt đầu."))
        return Period(kind, year, starts_on, ends_on)
    if kind not in LAST_MONTH:
        raise PeriodError(_("Kỳ báo cáo không hợp lệ."))
    month, last = LAST_MONTH[PeriodKind(kind)]
    return Period(kind, year, dt.date(year, 1, 1), dt.date(year, month, last))
