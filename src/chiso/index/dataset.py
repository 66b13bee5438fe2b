"""Observed scores of one index framework, validated, as dense numpy arrays.

`Dataset.build` is the single gate every source goes through (wide CSV folder, long CSV/XLSX,
the database): it rejects unknown units, units that do not exist in a year, scores outside a
unit's range, ranks outside the field, unknown groups and duplicates, reporting every problem with
file, row and column. A rejected source yields no Dataset at all.

Besides scores a record may carry a published rank and group (PCI's "Rất tốt", …): figures taken
as published where the components or the full field are missing. A record may hold a rank
without a score (a news item naming the top five).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from chiso.index.framework import Framework
from chiso.index.provinces import Province
from chiso.index.text import LocalizedText, labels_in, text_in

FloatArray = npt.NDArray[np.float64]
MAX_REPORTED_PROBLEMS = 50


@dataclass(frozen=True)
class Problem:
    file: str
    row: int | None
    column: str | None
    text: LocalizedText

    def message(self, lang: str = "vi") -> str:
        words = labels_in(_WHERE, lang)
        where = [self.file]
        if self.row is not None:
            where.append(f"{words['row']} {self.row}")
        if self.column is not None:
            where.append(f"{words['column']} {self.column!r}")
        return f"{', '.join(where)}: {text_in(self.text, lang)}"


_WHERE = {
    "row": LocalizedText("dòng", "row"),
    "column": LocalizedText("cột", "column"),
    "more": LocalizedText("lỗi khác", "more"),
}


class DataError(ValueError):
    """Input rejected; `problems` lists every problem found (file, row, column, message)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.message("vi"))

    def message(self, lang: str = "vi") -> str:
        lines = [p.message(lang) for p in self.problems[:10]]
        if len(self.problems) > 10:
            more = len(self.problems) - 10
            lines.append(f"… (+{more} {text_in(_WHERE['more'], lang)})")
        return "\n".join(lines)

    @property
    def first(self) -> Problem:
        return self.problems[0]


@dataclass(frozen=True)
class ScoreRecord:
    """One observed score as read from a source, with where it came from."""

    year: int
    province: Province
    unit: str
    score: float | None
    se: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    file: str = ""
    row: int | None = None
    column: str | None = None
    rank: int | None = None  # as published
    group: str | None = None  # published group: a framework tier code


@dataclass(frozen=True, eq=False)
class Dataset:
    """scores[y, p, u]: observed score of unit u (framework order) for province p in year y;
    NaN where not observed. se/ci arrays are NaN where not given. rank[y, p, u] is the published
    rank (NaN where none), group[y, p, u] the published group's tier index (-1 where none)."""

    framework: Framework
    years: tuple[int, ...]
    provinces: tuple[Province, ...]
    scores: FloatArray
    se: FloatArray
    ci_low: FloatArray
    ci_high: FloatArray
    source: str
    rank: FloatArray
    group: npt.NDArray[np.int64]

    @property
    def unit_codes(self) -> tuple[str, ...]:
        return tuple(u.code for u in self.framework.units)

    @property
    def records(self) -> list[ScoreRecord]:
        """Every observed score back as records (for storing in a database)."""
        out = []
        codes = self.unit_codes
        given = ~np.isnan(self.scores) | ~np.isnan(self.rank) | (self.group >= 0)
        tiers = self.framework.tiers
        for y, p, u in zip(*np.nonzero(given), strict=True):
            group = int(self.group[y, p, u])
            rank = _opt(self.rank[y, p, u])
            out.append(
                ScoreRecord(
                    year=self.years[y],
                    province=self.provinces[p],
                    unit=codes[u],
                    score=_opt(self.scores[y, p, u]),
                    se=_opt(self.se[y, p, u]),
                    ci_low=_opt(self.ci_low[y, p, u]),
                    ci_high=_opt(self.ci_high[y, p, u]),
                    rank=None if rank is None else int(rank),
                    group=tiers[group].code if group >= 0 else None,
                )
            )
        return out

    @classmethod
    def build(
        cls, framework: Framework, records: Iterable[ScoreRecord], source: str = ""
    ) -> Dataset:
        """Validate `records` as a whole; raise DataError listing problems, else the Dataset."""
        rows = list(records)
        problems: list[Problem] = []
        seen: dict[tuple[int, str, str, str], ScoreRecord] = {}
        for rec in rows:
            problem = _check(framework, rec)
            key = (rec.year, rec.province.era, rec.province.code, rec.unit)
            if problem is None and key in seen:
                first = seen[key]
                problem = _problem(
                    rec,
                    f"trùng dữ liệu {rec.province.name} {rec.year} mã {rec.unit} "
                    f"(đã có ở dòng {first.row})",
                    f"duplicate {rec.province.name_en} {rec.year} unit {rec.unit} "
                    f"(already at row {first.row})",
                )
            if problem is not None:
                problems.append(problem)
                if len(problems) >= MAX_REPORTED_PROBLEMS:
                    break
            seen.setdefault(key, rec)
        if problems:
            raise DataError(problems)
        return cls._from_valid(framework, rows, source)

    @classmethod
    def _from_valid(cls, fw: Framework, rows: list[ScoreRecord], source: str) -> Dataset:
        years = tuple(sorted({r.year for r in rows}))
        provinces = tuple(sorted({r.province for r in rows}, key=lambda p: (p.era, p.code)))
        y_idx = {y: i for i, y in enumerate(years)}
        p_idx = {p: i for i, p in enumerate(provinces)}
        u_idx = {u.code: i for i, u in enumerate(fw.units)}
        shape = (len(years), len(provinces), len(fw.units))
        arrays = [np.full(shape, np.nan) for _ in range(5)]
        group = np.full(shape, -1, dtype=np.int64)
        tier_idx = {t.code: i for i, t in enumerate(fw.tiers)}
        for r in rows:
            at = (y_idx[r.year], p_idx[r.province], u_idx[r.unit])
            values = (r.score, r.se, r.ci_low, r.ci_high, r.rank)
            for array, value in zip(arrays, values, strict=True):
                array[at] = np.nan if value is None else value
            if r.group is not None:
                group[at] = tier_idx[r.group]
        for array in (*arrays, group):
            array.setflags(write=False)
        scores, se, ci_low, ci_high, rank = arrays
        return cls(fw, years, provinces, scores, se, ci_low, ci_high, source, rank, group)


def _opt(value: float) -> float | None:
    return None if math.isnan(value) else float(value)


def _problem(rec: ScoreRecord, vi: str, en: str) -> Problem:
    return Problem(file=rec.file, row=rec.row, column=rec.column, text=LocalizedText(vi, en))


def _check(fw: Framework, rec: ScoreRecord) -> Problem | None:
    if not fw.has_unit(rec.unit):
        return _problem(
            rec,
            f"mã chỉ số không tồn tại trong {fw.code}: {rec.unit!r}",
            f"unknown unit code for {fw.code}: {rec.unit!r}",
        )
    unit = fw.unit(rec.unit)
    if not unit.exists_in(rec.year) or rec.year < fw.first_year:
        return _problem(
            rec,
            f"chỉ số {rec.unit} không có trong năm {rec.year}",
            f"unit {rec.unit} does not exist in {rec.year}",
        )
    published = _check_published(fw, rec)
    if published is not None or rec.score is None:
        return published
    if not math.isfinite(rec.score):
        return _problem(rec, "điểm không phải là số", "score is not a number")
    low, high = fw.scale_range(rec.unit, rec.year)
    tol = fw.range_tolerance
    if not low - tol <= rec.score <= high + tol:
        return _problem(
            rec,
            f"điểm {rec.score:g} nằm ngoài thang điểm {low:.4g}–{high:.4g} của {rec.unit} "
            f"năm {rec.year}",
            f"score {rec.score:g} outside the {low:.4g}–{high:.4g} range of {rec.unit} "
            f"in {rec.year}",
        )
    return None


def _check_published(fw: Framework, rec: ScoreRecord) -> Problem | None:
    """A published rank within the field, a known group; a record gives at least one figure."""
    if rec.score is None and rec.rank is None and rec.group is None:
        return _problem(rec, "không có điểm, thứ hạng hay nhóm", "no score, rank or group")
    if rec.rank is not None:
        field = fw.field_size
        if rec.rank < 1 or (field is not None and rec.rank > field):
            top = f"1–{field}" if field is not None else "≥ 1"
            return _problem(
                rec,
                f"thứ hạng {rec.rank} nằm ngoài {top}",
                f"rank {rec.rank} outside {top}",
            )
    if rec.group is not None and rec.group not in {t.code for t in fw.tiers}:
        labels = ", ".join(t.label.vi for t in fw.tiers)
        return _problem(
            rec,
            f"nhóm không có trong {fw.code}: {rec.group!r} (có: {labels})",
            f"unknown group for {fw.code}: {rec.group!r} (known: {labels})",
        )
    return None
