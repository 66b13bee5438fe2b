"""Index frameworks declared as data (YAML) and loaded into frozen dataclasses.

A framework names the hierarchy (aggregate → dimensions → sub-dimensions …), the years each unit
exists, each unit's scale per year, how a parent is found from its children (sum, weighted mean
with weights per year and their provenance, or published only), the structural breaks and how
groups are assigned (quantiles with a rule per year, fixed score bands per year, or the published
group taken as data). Adding an index (PCI, PAR INDEX, SIPAS) means adding a YAML file, not code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from chiso.index.text import LocalizedText

FRAMEWORK_DIR = Path(__file__).parent / "frameworks"


class FrameworkError(ValueError):
    """A framework file is malformed; the message names the file and field."""


@dataclass(frozen=True)
class UnitName:
    first_year: int | None
    last_year: int | None
    text: LocalizedText

    def covers(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass(frozen=True)
class Scale:
    """How a unit's range is found: fixed bounds, the sum of its children, or a share of its
    parent's range split equally over the siblings that exist that year (PAPI's 1/k..10/k)."""

    kind: str  # "fixed" | "sum" | "share"
    low: float = 0.0
    high: float = 0.0
    percent: bool = False  # the score is a percentage (PAR INDEX, SIPAS): shown with "%"


@dataclass(frozen=True)
class WeightSet:
    """Weights of a weighted-mean parent's children for a span of years, with where they come
    from. `confirmed` False: no published source states them (e.g. fitted to published scores);
    pages flag such years."""

    first_year: int | None
    last_year: int | None
    confirmed: bool
    source: str
    values: tuple[tuple[str, float], ...]  # (child code, weight); they sum to the parent's span

    def covers(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )

    def weight(self, code: str) -> float:
        return dict(self.values)[code]


@dataclass(frozen=True)
class BandSet:
    """Fixed score bands of the aggregate for a span of years: (tier code, lowest score) best
    first; a score reaches the first band whose lowest score it is at or above. A score below
    every band has no group (the lower bands of that year are not sourced)."""

    first_year: int | None
    last_year: int | None
    source: str
    minimums: tuple[tuple[str, float], ...]

    def covers(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )


@dataclass(frozen=True)
class Unit:
    code: str
    level: str
    parent: str | None
    first_year: int | None
    last_year: int | None
    names: tuple[UnitName, ...]
    scale: Scale
    # how the unit is found from its children: "sum", "weighted_mean" (per-year `weights`) or
    # "published" (never computed: only a published figure gives it)
    aggregation: str = "sum"
    weights: tuple[WeightSet, ...] = ()

    def exists_in(self, year: int) -> bool:
        return (self.first_year is None or year >= self.first_year) and (
            self.last_year is None or year <= self.last_year
        )

    def localized_name(self, year: int | None = None) -> LocalizedText:
        """The unit's name in force in `year` (the latest name when no year is given)."""
        if year is not None:
            for entry in self.names:
                if entry.covers(year):
                    return entry.text
        return self.names[-1].text

    def name(self, year: int | None = None, lang: str = "vi") -> str:
        """The unit's name in force in `year`, in `lang`."""
        return self.localized_name(year).get(lang)


@dataclass(frozen=True)
class StructuralBreak:
    year: int
    units: tuple[str, ...]
    explanation: LocalizedText


@dataclass(frozen=True)
class Tier:
    code: str
    label: LocalizedText


@dataclass(frozen=True)
class TierRule:
    """`inclusive`: a score exactly on a cut-off belongs to the better tier."""

    code: str
    inclusive: bool


@dataclass(frozen=True)
class Level:
    code: str
    name: LocalizedText


@dataclass(frozen=True)
class Framework:
    code: str
    name: LocalizedText
    first_year: int
    aggregation: str
    range_tolerance: float
    wide_column_prefix: str
    levels: tuple[Level, ...]
    units: tuple[Unit, ...]
    breaks: tuple[StructuralBreak, ...]
    percentiles: tuple[float, ...]
    tiers: tuple[Tier, ...]  # best first
    tier_rules: tuple[TierRule, ...]
    default_rule: str
    rule_by_year: tuple[tuple[int, str], ...]
    rule_unknown_years: tuple[int, ...] = ()
    rule_known_through: int | None = None
    # "quantiles" (percentile cut-offs, PAPI), "bands" (fixed score bands per year) or
    # "published" (the published group is data; no rule is applied)
    grouping: str = "quantiles"
    bands: tuple[BandSet, ...] = ()
    # Provinces a published rank is out of (PCI: 63). When set, figures over the whole field
    # (computed ranks, mean, median, best, cut-offs) are given only for years whose data cover
    # it; a published rank is used as published. None: every year's data is the whole field.
    field_size: int | None = None
    # wide layout columns besides prefix + code: (column, "score" | "rank" | "group", unit code),
    # e.g. PCI's published tables: ("pci_score", "score", "aggregate"), ("rank", "rank", …)
    wide_columns: tuple[tuple[str, str, str], ...] = ()
    # wide layout columns read past, not data (PAR INDEX's and SIPAS's rank_basis, source_url)
    wide_ignored_columns: tuple[str, ...] = ()

    @property
    def root(self) -> Unit:
        return next(u for u in self.units if u.parent is None)

    def unit(self, code: str) -> Unit:
        for unit in self.units:
            if unit.code == code:
                return unit
        raise KeyError(code)

    def has_unit(self, code: str) -> bool:
        return any(u.code == code for u in self.units)

    def units_at(self, level: str) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.level == level)

    def children(self, code: str, year: int | None = None) -> tuple[Unit, ...]:
        return tuple(
            u for u in self.units if u.parent == code and (year is None or u.exists_in(year))
        )

    def is_leaf(self, code: str) -> bool:
        return not self.children(code)

    def depth(self, code: str) -> int:
        unit, depth = self.unit(code), 0
        while unit.parent is not None:
            unit, depth = self.unit(unit.parent), depth + 1
        return depth

    def scale_range(self, code: str, year: int) -> tuple[float, float]:
        """(min, max) a score of `code` can take in `year`, before tolerance."""
        unit = self.unit(code)
        if not unit.exists_in(year):
            raise KeyError(f"{code} does not exist in {year}")
        if unit.scale.kind == "fixed":
            return unit.scale.low, unit.scale.high
        if unit.scale.kind == "sum":
            parts = [self.scale_range(c.code, year) for c in self.children(code, year)]
            return sum(p[0] for p in parts), sum(p[1] for p in parts)
        assert unit.parent is not None  # enforced by the loader
        low, high = self.scale_range(unit.parent, year)
        k = len(self.children(unit.parent, year))
        return low / k, high / k

    def tier_rule(self, year: int) -> TierRule:
        if not self.tier_rules:  # bands (a score on a band's lowest score reaches it) or published
            return TierRule(code=self.grouping, inclusive=True)
        code = dict(self.rule_by_year).get(year, self.default_rule)
        return next(r for r in self.tier_rules if r.code == code)

    def rule_known(self, year: int) -> bool:
        """Whether published figures settle the year's tier rule; where they do not, a score
        exactly on a cut-off has a group that depends on the rule."""
        if year in self.rule_unknown_years:
            return False
        return self.rule_known_through is None or year <= self.rule_known_through

    def weight_set(self, code: str, year: int) -> WeightSet | None:
        """The weights of a weighted-mean unit in force in `year` (None: not known that year)."""
        return next((w for w in self.unit(code).weights if w.covers(year)), None)

    def weights_unconfirmed(self, year: int) -> tuple[WeightSet, ...]:
        """Weight sets used in `year` that no published source confirms (to flag on pages)."""
        found = (self.weight_set(u.code, year) for u in self.units if u.weights)
        return tuple(w for w in found if w is not None and not w.confirmed)

    def band_set(self, year: int) -> BandSet | None:
        return next((b for b in self.bands if b.covers(year)), None)

    def is_percent(self, code: str) -> bool:
        return self.unit(code).scale.percent

    def tier(self, code: str) -> Tier:
        return next(t for t in self.tiers if t.code == code)

    def breaks_for(self, code: str, after: int, upto: int) -> tuple[StructuralBreak, ...]:
        """Breaks touching `code` that a comparison of year `after` with year `upto` crosses."""
        low, high = min(after, upto), max(after, upto)
        return tuple(b for b in self.breaks if code in b.units and low < b.year <= high)


# The order the indices are named in (the seed's "PAPI, PCI, PAR INDEX, SIPAS"); a framework
# not listed follows, by code.
SHIPPED_ORDER = ("PAPI", "PCI", "PAR_INDEX", "SIPAS")


@cache
def shipped_frameworks() -> tuple[Framework, ...]:
    """The index frameworks chiso ships: PAPI, PCI, PAR INDEX, SIPAS. Read once per process
    (they are installed with chiso): pages ask for them on every request."""
    codes = sorted(p.stem for p in FRAMEWORK_DIR.glob("*.yaml"))

    def position(f: Framework) -> tuple[int, str]:
        order = SHIPPED_ORDER.index(f.code) if f.code in SHIPPED_ORDER else len(SHIPPED_ORDER)
        return (order, f.code)

    return tuple(sorted((load_framework(c) for c in codes), key=position))


def framework_slug(code: str) -> str:
    """A framework code as it stands in a URL: PAR_INDEX → par-index."""
    return code.lower().replace("_", "-")


def framework_for_slug(slug: str) -> Framework | None:
    """The shipped framework whose slug is `slug` (None for any other text)."""
    for framework in shipped_frameworks():
        if framework_slug(framework.code) == slug:
            return framework
    return None


def load_framework(name_or_path: str | Path) -> Framework:
    """Load a framework by code ("PAPI", "PCI", "PAR INDEX", "SIPAS", shipped with chiso) or from
    a YAML file path."""
    path = Path(name_or_path)
    if not path.suffix:
        stem = "_".join(str(name_or_path).lower().replace("-", " ").split())
        found = _load_shipped(stem)
        if found is None:
            known = sorted(p.stem.upper() for p in FRAMEWORK_DIR.glob("*.yaml"))
            raise FrameworkError(f"Không có bộ chỉ số {name_or_path!r} (có: {', '.join(known)})")
        return found
    return _load_cached(path.resolve())


@lru_cache(maxsize=64)  # bounded: a stem may come from what a user typed
def _load_shipped(stem: str) -> Framework | None:
    """A shipped framework by its file's stem (None: none such), looked up once per process:
    the files are installed with chiso, and pages ask for frameworks on every request."""
    path = FRAMEWORK_DIR / f"{stem}.yaml"
    return _load_cached(path.resolve()) if path.exists() else None


@cache
def _load_cached(path: Path) -> Framework:
    from chiso.index.framework_parse import parse_framework

    try:
        raw: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FrameworkError(f"{path}: {exc}") from exc
    return parse_framework(raw, str(path))
