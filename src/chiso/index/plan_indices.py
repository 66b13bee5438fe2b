"""A plan file whose objectives are on several indices (issue 18): an objective may carry
`index: PCI` ("PCI ≥ 68 điểm" in a PAPI plan). The file is split into one `PlanSpec` per index —
the file's own `index:` first, then the others in the order they first appear — each parsed and
checked against its own framework by `plan_file.parse_plan`, so every error still names the
file, the objective and the field. A file without `index:` on any objective is one spec, as
`load_plan` reads it.

`chiso objectives evaluate` judges each spec on its own index's results; the results of an index
other than the file's are found by the caller (`--data-for`, a sibling folder, the database).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chiso.index.framework import FrameworkError, load_framework
from chiso.index.plan_file import PlanFileError, PlanSpec, parse_plan, read_plan_yaml
from chiso.index.results import Results


@dataclass(frozen=True)
class IndexedPlan:
    index: str  # the file's own index (its top-level `index:`)
    specs: tuple[PlanSpec, ...]  # one per index, the file's own first when it has objectives
    order: tuple[str, ...]  # objective ids in the file's order
    source: str = ""

    def spec_of(self, index: str) -> PlanSpec | None:
        return next((s for s in self.specs if s.index == index), None)


def load_indexed_plan(path: str | Path) -> IndexedPlan:
    """Read a plan file that may hold objectives on several indices; PlanFileError naming file,
    objective and field."""
    return parse_indexed_plan(read_plan_yaml(path), str(path))


def parse_indexed_plan(raw: Any, file: str = "") -> IndexedPlan:
    entries = raw.get("objectives") if isinstance(raw, dict) else None
    if (
        not isinstance(entries, list)
        or not entries
        or not all(isinstance(e, dict) for e in entries)
    ):
        spec = parse_plan(raw, file)  # the core's own checks name the problem
        return IndexedPlan(spec.index, (spec,), tuple(o.id for o in spec.objectives), file)
    own = str(raw.get("index") or "")
    groups: dict[str, list[dict[str, Any]]] = {own: []}
    for number, entry in enumerate(entries, 1):
        index = str(entry.get("index") or own).strip()
        if index != own:
            _known_index(index, file, str(entry.get("id", f"#{number}")))
        groups.setdefault(index, []).append({k: v for k, v in entry.items() if k != "index"})
    specs = tuple(
        parse_plan({**raw, "index": index, "objectives": group}, file)
        for index, group in groups.items()
        if group or not index  # an empty own group is left out; a missing `index:` is refused
    )
    ids = [o.id for spec in specs for o in spec.objectives]
    for oid in ids:
        if ids.count(oid) > 1:
            raise PlanFileError(file, oid, "id", "mã mục tiêu trùng (duplicate id)")
    order = tuple(str(e.get("id")) for e in entries)
    return IndexedPlan(own, specs, order, file)


def _known_index(index: str, file: str, oid: str) -> None:
    try:
        load_framework(index)
    except FrameworkError:
        raise PlanFileError(
            file, oid, "index", f"không có bộ chỉ số {index!r} (unknown index)"
        ) from None


def check_year(spec: PlanSpec, results: Results, year: int) -> None:
    """Another index's objectives need that index's results for `year`: PlanFileError naming
    the file, the objectives and the years the results have."""
    if year in results.years:
        return
    name = spec.index.replace("_", " ")
    have = f"{results.years[0]}–{results.years[-1]}" if results.years else "—"
    raise PlanFileError(
        spec.source,
        ", ".join(o.id for o in spec.objectives),
        "index",
        f"không có kết quả {name} năm {year} trong dữ liệu (có: {have}) "
        f"(no {name} results for {year}; the data hold {have})",
    )
