"""Stored results ⇄ the core: import a source into the database, load `Results` from it.

`load_results()` is what the web app, reports and the CLI (without --data) call. It is cached per
process and rebuilt when the stored releases change (checked with one cheap query, so imports
made by another process are seen too).

Results are seen as of a date: a year's index is published in the following year (PAPI: each
spring), so on a given day only the years before it can be known. In real time this changes
nothing (a release is imported after it is published); when the clock is pinned in the past (the
demo replays 15/08/2023 with PAPI 2011–2024 loaded) no page shows results from its future.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from chiso.index import Dataset, Results, ScoreRecord, compute, load_framework, read_long, read_wide
from chiso.index.provinces import province_by_code
from chiso.results.errors import NoResults, ResultsError
from chiso.results.models import ResultRelease, UnitScore
from chiso.site import clock

Progress = Callable[[str, int, int], None]
_BATCH = 2000
_lock = threading.Lock()
# Per index: (version, results), or the reason there are none.
_cache: dict[str, tuple[tuple[Any, ...], Results | str]] = {}


@dataclass(frozen=True)
class ImportSummary:
    index: str
    years: tuple[int, ...]
    scores: int
    replaced_years: tuple[int, ...]
    dry_run: bool


def read_source(path: str | Path, index: str = "PAPI", progress: Progress | None = None) -> Dataset:
    """A wide folder or a long CSV/XLSX, validated by the core (raises DataError)."""
    source = Path(path)

    def step(done: int, total: int) -> None:
        if progress is not None:
            progress("read", done, total)

    if source.is_dir():
        return read_wide(source, index, progress=step)
    if not source.exists():
        raise ResultsError(_("Không tìm thấy tệp hoặc thư mục %(path)s") % {"path": source})
    return read_long(source, index, progress=step)


def _check_permission(actor: Any) -> None:
    from chiso.accounts.models import Role

    if actor is not None and not (actor.is_superuser or actor.role == Role.ADMIN):
        raise ResultsError(_("Chỉ quản trị hệ thống được nhập kết quả chỉ số."))


def import_dataset(
    dataset: Dataset,
    *,
    actor: Any = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Store `dataset`, replacing every year it contains, in one transaction (all or nothing).

    `actor` None means the command line (system); a user must be a system administrator.
    """
    _check_permission(actor)
    index = dataset.framework.code
    records = dataset.records
    existing = ResultRelease.objects.filter(index=index, year__in=dataset.years)
    replaced = tuple(existing.order_by("year").values_list("year", flat=True))
    summary = ImportSummary(index, dataset.years, len(records), replaced, dry_run)
    if dry_run:
        return summary
    with transaction.atomic():
        existing.delete()
        releases = {
            year: ResultRelease.objects.create(
                index=index, year=year, source=dataset.source[:500], imported_by=actor
            )
            for year in dataset.years
        }
        for start in range(0, len(records), _BATCH):
            batch = records[start : start + _BATCH]
            UnitScore.objects.bulk_create(_score_row(releases[r.year], r) for r in batch)
            if progress is not None:
                progress("save", min(start + _BATCH, len(records)), len(records))
        _audit(actor, releases, records, replaced)
        transaction.on_commit(lambda: invalidate(index))
    return summary


def _score_row(release: ResultRelease, r: ScoreRecord) -> UnitScore:
    return UnitScore(
        release=release,
        province_era=r.province.era,
        province_code=r.province.code,
        province_name=r.province.name,
        unit=r.unit,
        score=r.score,
        se=r.se,
        ci_low=r.ci_low,
        ci_high=r.ci_high,
    )


def _audit(
    actor: Any,
    releases: dict[int, ResultRelease],
    records: list[ScoreRecord],
    replaced: tuple[int, ...],
) -> None:
    from chiso.audit.services import record

    for year, release in releases.items():
        count = sum(1 for r in records if r.year == year)
        action = "results.replace" if year in replaced else "results.import"
        record(actor, release, action, {"scores": [None, count]}, note=release.source)


def import_results(
    path: str | Path,
    *,
    index: str = "PAPI",
    actor: Any = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read, validate and store a results source (see `import_dataset`)."""
    _check_permission(actor)
    dataset = read_source(path, index, progress)
    return import_dataset(dataset, actor=actor, dry_run=dry_run, progress=progress)


def last_published_year(today: dt.date) -> int:
    """The latest results year that can be known on `today`: a year's results come out during
    the following year."""
    return today.year - 1


def stored_dataset(index: str = "PAPI", last_year: int | None = None) -> Dataset:
    framework = load_framework(index)
    scores = UnitScore.objects.filter(release__index=framework.code)
    if last_year is not None:
        scores = scores.filter(release__year__lte=last_year)
    rows = scores.values_list(
        "release__year", "province_era", "province_code", "unit", "score", "se", "ci_low", "ci_high"
    )
    records = [
        ScoreRecord(year, province_by_code(code, era), unit, score, se, ci_low, ci_high, "database")
        for year, era, code, unit, score, se, ci_low, ci_high in rows.iterator(chunk_size=5000)
    ]
    if not records and last_year is not None and UnitScore.objects.exists():
        raise NoResults(
            _("Chưa có kết quả %(index)s của năm %(year)s trở về trước.")
            % {"index": framework.code, "year": last_year}
        )
    if not records:
        raise NoResults(_("Chưa nhập kết quả %(index)s nào.") % {"index": framework.code})
    return Dataset.build(framework, records, source="database")


def _version(index: str) -> tuple[Any, ...]:
    info = ResultRelease.objects.filter(index=index).aggregate(
        n=Count("id"), last=Max("imported_at"), top=Max("id")
    )
    return (info["n"], info["last"], info["top"])


def load_results(index: str = "PAPI", as_of: dt.date | None = None) -> Results:
    """Core `Results` computed from the stored releases of `index` published by `as_of`
    (default: today by the site's clock). Raises NoResults when there are none."""
    code = load_framework(index).code
    last_year = last_published_year(as_of or clock.today())
    version = (*_version(code), last_year)
    with _lock:
        cached = _cache.get(code)
    if cached is not None and cached[0] == version:
        if isinstance(cached[1], str):
            raise NoResults(cached[1])
        return cached[1]
    try:
        results: Results | str = compute(stored_dataset(code, last_year))
    except NoResults as missing:
        results = missing.message  # remembered too: pages ask on every request while none exist
    with _lock:
        _cache[code] = (version, results)
    if isinstance(results, str):
        raise NoResults(results)
    return results


def invalidate(index: str | None = None) -> None:
    with _lock:
        if index is None:
            _cache.clear()
        else:
            _cache.pop(index, None)
