"""What importing a results source would change in the years already stored: provinces and units
added or removed, scores changed. `import-results --dry-run` prints it, and a replacement that
drops provinces or units is refused unless `--replace` is given (see `store.import_dataset`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from chiso.index import Dataset
from chiso.results.models import ResultRelease, UnitScore

SHOWN = 8  # names listed per line before "… and N more"
Key = tuple[str, str, str]  # province era, province code, unit
Score = float | None  # None: the row holds only a published rank or group


@dataclass(frozen=True)
class YearChange:
    """One stored year against the same year in the source."""

    year: int
    scores_before: int
    scores_after: int
    provinces_added: tuple[str, ...]
    provinces_removed: tuple[str, ...]
    units_added: tuple[str, ...]
    units_removed: tuple[str, ...]
    changed: tuple[tuple[str, str, Score, Score], ...]  # province, unit, stored, new score

    @property
    def drops(self) -> bool:
        """The source leaves out provinces or units the stored year has."""
        return bool(self.provinces_removed or self.units_removed)


def _unit_order(code: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in code.split("."))


def _names(scores: dict[Key, tuple[str, Score]]) -> dict[tuple[str, str], str]:
    return {(era, code): name for (era, code, _u), (name, _s) in scores.items()}


def _compare(
    year: int, old: dict[Key, tuple[str, Score]], new: dict[Key, tuple[str, Score]]
) -> YearChange:
    old_provinces, new_provinces = _names(old), _names(new)
    old_units, new_units = {k[2] for k in old}, {k[2] for k in new}
    changed = sorted(
        (name, key[2], score, new[key][1])
        for key, (name, score) in old.items()
        if key in new and new[key][1] != score
    )
    return YearChange(
        year,
        len(old),
        len(new),
        tuple(sorted(n for k, n in new_provinces.items() if k not in old_provinces)),
        tuple(sorted(n for k, n in old_provinces.items() if k not in new_provinces)),
        tuple(sorted(new_units - old_units, key=_unit_order)),
        tuple(sorted(old_units - new_units, key=_unit_order)),
        tuple(changed),
    )


def year_changes(dataset: Dataset, releases: Iterable[ResultRelease]) -> tuple[YearChange, ...]:
    """The change of every stored year (`releases`) that `dataset` holds too."""
    out = []
    for release in sorted(releases, key=lambda r: r.year):
        rows = UnitScore.objects.filter(release=release).values_list(
            "province_era", "province_code", "unit", "province_name", "score"
        )
        old = {(era, code, unit): (name, score) for era, code, unit, name, score in rows}
        new = {
            (r.province.era, r.province.code, r.unit): (r.province.name, r.score)
            for r in dataset.records
            if r.year == release.year
        }
        out.append(_compare(release.year, old, new))
    return tuple(out)


def _listed(items: Iterable[str]) -> str:
    items = list(items)
    shown = ", ".join(items[:SHOWN])
    if len(items) > SHOWN:
        shown += " " + _("… và %(n)s nữa") % {"n": len(items) - SHOWN}
    return shown


def _score(value: float | None) -> str:
    """A stored score; a row holding only a published rank or group has none."""
    return "—" if value is None else number_format(value, decimal_pos=2)


def describe(change: YearChange) -> list[str]:
    """Lines for a person: what replacing this year would do."""
    lines = [
        _("Năm %(year)s: %(before)s điểm đang lưu → %(after)s điểm trong tệp")
        % {"year": change.year, "before": change.scores_before, "after": change.scores_after}
    ]
    parts = (
        (change.provinces_removed, _("tỉnh/thành phố bị bỏ đi (%(n)s): %(names)s")),
        (change.provinces_added, _("tỉnh/thành phố thêm mới (%(n)s): %(names)s")),
        (change.units_removed, _("chỉ số bị bỏ đi (%(n)s): %(names)s")),
        (change.units_added, _("chỉ số thêm mới (%(n)s): %(names)s")),
    )
    for items, text in parts:
        if items:
            lines.append("  " + text % {"n": len(items), "names": _listed(items)})
    if change.changed:
        shown = (
            f"{province} {unit}: {_score(old)} → {_score(new)}"
            for province, unit, old, new in change.changed
        )
        text = _("điểm thay đổi (%(n)s): %(names)s")
        lines.append("  " + text % {"n": len(change.changed), "names": _listed(shown)})
    if len(lines) == 1:
        lines.append("  " + _("không có gì thay đổi"))
    return lines
