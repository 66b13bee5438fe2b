"""Stored results ⇄ the core: import a source into the database, load `Results` from it.

An import never silently shrinks a stored year: a source that leaves out provinces or units of a
year already stored is refused unless `replace` is given (`results.changes` says what differs),
and a replaced release is kept (`superseded_at`) so `restore_previous` can bring it back.

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
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.accounts.roles import is_admin
from chiso.audit.services import record
from chiso.index import Dataset, Results, ScoreRecord, compute, load_framework, read_long, read_wide
from chiso.index.provinces import province_by_code
from chiso.results.changes import YearChange, describe, year_changes
from chiso.results.errors import NoResults, ResultsError
from chiso.results.models import ResultRelease, UnitScore
from chiso.site import clock

if TYPE_CHECKING:
    from chiso.accounts.models import User

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
    changes: tuple[YearChange, ...] = ()  # per stored year the source replaces

    @property
    def drops(self) -> bool:
        """Storing it would leave out provinces or units of a stored year (needs `replace`)."""
        return any(change.drops for change in self.changes)


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


def _check_permission(actor: User | None) -> None:
    if actor is not None and not is_admin(actor):
        raise ResultsError(_("Chỉ quản trị hệ thống được nhập kết quả chỉ số."))


def _refusal(changes: tuple[YearChange, ...]) -> ResultsError:
    lines = [_("Không lưu gì: tệp bỏ đi tỉnh/thành phố hoặc chỉ số của năm đã có kết quả.")]
    for change in changes:
        if change.drops:
            lines += describe(change)
    years = ", ".join(str(c.year) for c in changes if c.drops)
    lines.append(
        _(
            "Nếu đúng là muốn thay cả năm, chạy lại với --replace (kết quả đang lưu được giữ "
            "lại; khôi phục bằng --restore-previous %(year)s)."
        )
        % {"year": years}
    )
    return ResultsError("\n".join(lines))


def import_dataset(
    dataset: Dataset,
    *,
    actor: User | None = None,
    dry_run: bool = False,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Store `dataset`, replacing every year it contains, in one transaction (all or nothing).

    A replacement that drops provinces or units of a stored year is refused (ResultsError)
    unless `replace`; the replaced releases are kept for `restore_previous`. `dry_run` stores
    nothing and refuses nothing: the summary's `changes` say what storing would do.
    `actor` None means the command line (system); a user must be a system administrator.
    """
    _check_permission(actor)
    return store_dataset(dataset, actor=actor, dry_run=dry_run, replace=replace, progress=progress)


def store_dataset(
    dataset: Dataset,
    *,
    actor: User | None,
    dry_run: bool = False,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """`import_dataset` once the caller has checked the actor may store `dataset` (an
    administrator for a whole source; a province's coordinator for its own row, see
    `results.entry`)."""
    index = dataset.framework.code
    records = dataset.records
    if not records:
        raise ResultsError(
            _("Không lưu gì: %(source)s không có điểm, thứ hạng hay nhóm nào.")
            % {"source": dataset.source}
        )
    existing = ResultRelease.objects.current().filter(index=index, year__in=dataset.years)
    changes = year_changes(dataset, existing)
    replaced = tuple(change.year for change in changes)
    summary = ImportSummary(index, dataset.years, len(records), replaced, dry_run, changes)
    if dry_run:
        return summary
    if summary.drops and not replace:
        raise _refusal(changes)
    with transaction.atomic():
        existing.update(superseded_at=timezone.now())
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
        _audit(actor, releases, records, changes)
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
        rank=r.rank,
        group=r.group or "",
    )


def _audit(
    actor: User | None,
    releases: dict[int, ResultRelease],
    records: list[ScoreRecord],
    changes: tuple[YearChange, ...],
) -> None:
    before = {change.year: change.scores_before for change in changes}
    for year, release in releases.items():
        count = sum(1 for r in records if r.year == year)
        action = "results.replace" if year in before else "results.import"
        record(actor, release, action, {"scores": [before.get(year), count]}, note=release.source)


def import_results(
    path: str | Path,
    *,
    index: str = "PAPI",
    actor: User | None = None,
    dry_run: bool = False,
    replace: bool = False,
    progress: Progress | None = None,
) -> ImportSummary:
    """Read, validate and store a results source (see `import_dataset`)."""
    _check_permission(actor)
    dataset = read_source(path, index, progress)
    return import_dataset(dataset, actor=actor, dry_run=dry_run, replace=replace, progress=progress)


@transaction.atomic
def restore_previous(year: int, *, index: str = "PAPI", actor: User | None = None) -> ResultRelease:
    """Bring back the release of `year` that the last import replaced; the one in use now is
    kept in its place (so restoring again swaps them back). Returns the restored release."""
    _check_permission(actor)
    code = load_framework(index).code
    releases = ResultRelease.objects.select_for_update().filter(index=code, year=year)
    previous = releases.exclude(superseded_at=None).order_by("-superseded_at", "-id").first()
    if previous is None:
        raise ResultsError(
            _("Năm %(year)s không có kết quả %(index)s nào đã bị thay thế để khôi phục.")
            % {"year": year, "index": code}
        )
    current = releases.filter(superseded_at=None).first()
    if current is not None:
        current.superseded_at = timezone.now()
        current.save(update_fields=["superseded_at"])
    previous.superseded_at = None
    previous.save(update_fields=["superseded_at"])
    scores = previous.scores.count()
    old = current.scores.count() if current is not None else None
    record(actor, previous, "results.restore", {"scores": [old, scores]}, note=previous.source)
    transaction.on_commit(lambda: invalidate(code))
    return previous


def last_published_year(today: dt.date) -> int:
    """The latest results year that can be known on `today`: a year's results come out during
    the following year."""
    return today.year - 1


def stored_dataset(index: str = "PAPI", last_year: int | None = None) -> Dataset:
    framework = load_framework(index)
    current = Q(release__superseded_at__isnull=True)
    scores = UnitScore.objects.filter(current, release__index=framework.code)
    if last_year is not None:
        scores = scores.filter(release__year__lte=last_year)
    rows = scores.values_list(
        "release__year", "province_era", "province_code", "unit", "score", "se", "ci_low",
        "ci_high", "rank", "group",
    )  # fmt: skip
    records = [
        ScoreRecord(
            year,
            province_by_code(code, era),
            unit,
            score,
            se,
            ci_low,
            ci_high,
            "database",
            rank=rank,
            group=group or None,
        )
        for year, era, code, unit, score, se, ci_low, ci_high, rank, group in rows.iterator(
            chunk_size=5000
        )
    ]
    if not records and last_year is not None and UnitScore.objects.filter(current).exists():
        raise NoResults(
            _("Chưa có kết quả %(index)s của năm %(year)s trở về trước.")
            % {"index": framework.code, "year": last_year}
        )
    if not records:
        raise NoResults(_("Chưa nhập kết quả %(index)s nào.") % {"index": framework.code})
    return Dataset.build(framework, records, source="database")


def _version(index: str) -> tuple[Any, ...]:
    info = ResultRelease.objects.filter(index=index).aggregate(
        n=Count("id"), last=Max("imported_at"), top=Max("id"), swapped=Max("superseded_at")
    )
    return (info["n"], info["last"], info["top"], info["swapped"])


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
