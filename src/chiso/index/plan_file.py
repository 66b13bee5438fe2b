"""Plan objectives as data: the YAML plan file, parsed into frozen `PlanSpec`/`ObjectiveSpec`.

The same two dataclasses are what the Django plans app builds from its database rows, so the
field checks live in `check_objective` (used by the file parser and by forms alike) rather than in
the YAML reader. Every error names the file, the objective id and the field.

File format (see docs/objectives.md)::

    index: PAPI
    province: Khánh Hòa
    year: 2023
    baseline_year: 2022
    objectives:
      - id: "1"
        text: "Chỉ số tổng hợp PAPI năm 2023 đạt từ 45,00 điểm trở lên"
        kind: aggregate_score_min
        value: 45.00
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from chiso.index.framework import Framework, FrameworkError, load_framework
from chiso.index.provinces import UnknownProvince, match_province
from chiso.index.text import LocalizedText
from chiso.index.text import LocalizedText as L

# The seed's 2023 objectives for Khánh Hòa, shipped as demo data.
DEMO_PLAN = Path(__file__).parent / "data" / "plans" / "khanh-hoa-2023.yaml"

# Which fields each kind needs. "value" is a number of points, except for aggregate_rank_max
# where it is a rank (a positive whole number).
KIND_FIELDS: dict[str, frozenset[str]] = {
    "aggregate_score_min": frozenset({"value"}),
    "aggregate_increase_min": frozenset({"value"}),
    "aggregate_tier_min": frozenset({"tier"}),
    "aggregate_rank_max": frozenset({"value"}),
    "aggregate_rank_improves": frozenset(),
    "dimensions_tier_min_all": frozenset({"tier"}),
    "dimensions_tier_min_count": frozenset({"tier", "count"}),
    "dimensions_all_improve": frozenset(),
    "unit_score_min": frozenset({"unit", "value"}),
    "unit_tier_min": frozenset({"unit", "tier"}),
    "unit_improves": frozenset({"unit"}),
}
KINDS = tuple(KIND_FIELDS)
OPTIONAL_FIELDS = ("value", "tier", "count", "unit")
_TOP_FIELDS = {"index", "province", "year", "baseline_year", "title", "objectives"}
_OBJECTIVE_FIELDS = {"id", "text", "kind", *OPTIONAL_FIELDS}


class PlanFileError(ValueError):
    """A plan file (or plan built from rows) is invalid; names file, objective id and field."""

    def __init__(self, file: str, objective_id: str | None, field: str | None, message: str):
        self.file = file
        self.objective_id = objective_id
        self.field = field
        self.problem = message
        where = [file or "plan"]
        if objective_id is not None:
            where.append(f"mục tiêu/objective {objective_id!r}")
        if field is not None:
            where.append(f"trường/field {field!r}")
        super().__init__(f"{', '.join(where)}: {message}")


@dataclass(frozen=True)
class ObjectiveSpec:
    id: str
    text: str
    kind: str
    value: float | None = None
    tier: str | None = None
    count: int | None = None
    unit: str | None = None


@dataclass(frozen=True)
class PlanSpec:
    index: str  # framework code, e.g. "PAPI"
    province: str  # any spelling `match_province` accepts; the parser stores the official name
    year: int  # the year whose results the objectives are about
    baseline_year: int | None
    objectives: tuple[ObjectiveSpec, ...]
    title: str = ""
    source: str = ""  # file the plan came from, for messages

    @property
    def framework(self) -> Framework:
        return load_framework(self.index)

    def comparison_year(self, year: int) -> int:
        """The year an increase/improvement at `year` is measured against: the plan's baseline
        when evaluating the plan's own year, else the year before."""
        if self.baseline_year is not None and year == self.year:
            return self.baseline_year
        return year - 1


Problem = tuple[str, LocalizedText]


def check_objective(spec: ObjectiveSpec, framework: Framework) -> list[Problem]:
    """Problems with one objective as (field, message in both languages); empty when valid. The
    plan file's errors print both (`bilingual`), a form shows the reader's language."""
    problems: list[Problem] = []
    if not spec.id.strip():
        problems.append(("id", L("thiếu mã mục tiêu", "missing id")))
    if not spec.text.strip():
        problems.append(("text", L("thiếu nội dung mục tiêu", "missing text")))
    needed = KIND_FIELDS.get(spec.kind)
    if needed is None:
        problems.append(
            (
                "kind",
                L(
                    f"loại không hỗ trợ {spec.kind!r}; có: {', '.join(KINDS)}",
                    f"unknown kind {spec.kind!r}; one of: {', '.join(KINDS)}",
                ),
            )
        )
        return problems
    present = {f for f in OPTIONAL_FIELDS if getattr(spec, f) is not None}
    for field in sorted(needed - present):
        problems.append((field, L(f"loại {spec.kind} cần trường này", "required for this kind")))
    for field in sorted(present - needed):
        problems.append(
            (field, L(f"loại {spec.kind} không dùng trường này", "not used by this kind"))
        )
    problems.extend(_check_values(spec, framework))
    return problems


def _check_values(spec: ObjectiveSpec, framework: Framework) -> list[Problem]:
    problems: list[Problem] = []
    if spec.value is not None:
        if not math.isfinite(spec.value):
            problems.append(("value", L("giá trị phải là số", "value must be a number")))
        elif spec.kind == "aggregate_rank_max" and (spec.value < 1 or spec.value % 1):
            problems.append(
                ("value", L("thứ hạng phải là số nguyên ≥ 1", "rank: whole number ≥ 1"))
            )
    tier_codes = [t.code for t in framework.tiers]
    if spec.tier is not None and spec.tier not in tier_codes:
        problems.append(
            (
                "tier",
                L(
                    f"nhóm không hợp lệ {spec.tier!r}; có: {', '.join(tier_codes)}",
                    f"unknown tier {spec.tier!r}; one of: {', '.join(tier_codes)}",
                ),
            )
        )
    if spec.count is not None:
        dimensions = [u for u in framework.units if framework.depth(u.code) == 1]
        if not 1 <= spec.count <= len(dimensions):
            problems.append(
                (
                    "count",
                    L(
                        f"số lượng phải từ 1 đến {len(dimensions)}",
                        f"count must be 1–{len(dimensions)}",
                    ),
                )
            )
    if spec.unit is not None and (
        not framework.has_unit(spec.unit) or spec.unit == framework.root.code
    ):
        problems.append(
            (
                "unit",
                L(
                    f"không có chỉ số {spec.unit!r} trong {framework.code}",
                    f"unknown dimension/sub-dimension {spec.unit!r} in {framework.code}",
                ),
            )
        )
    return problems


def bilingual(message: LocalizedText) -> str:
    """A file error's wording: both languages, for whoever reads the CLI's output."""
    return f"{message.vi} ({message.en})"


def validate_plan(plan: PlanSpec) -> None:
    """Raise PlanFileError on the first problem of a plan built from any source."""
    try:
        framework = plan.framework
    except FrameworkError as exc:
        raise PlanFileError(plan.source, None, "index", str(exc)) from None
    try:
        match_province(plan.province)
    except UnknownProvince as exc:
        raise PlanFileError(plan.source, None, "province", str(exc)) from None
    if plan.baseline_year is not None and plan.baseline_year >= plan.year:
        raise PlanFileError(
            plan.source,
            None,
            "baseline_year",
            "năm cơ sở phải trước năm kế hoạch (baseline must precede year)",
        )
    seen: set[str] = set()
    for spec in plan.objectives:
        if spec.id in seen:
            raise PlanFileError(plan.source, spec.id, "id", "mã mục tiêu trùng (duplicate id)")
        seen.add(spec.id)
        for field, message in check_objective(spec, framework):
            raise PlanFileError(plan.source, spec.id, field, bilingual(message))


def read_plan_yaml(path: str | Path) -> Any:
    """The parsed YAML of a plan file; PlanFileError naming the file when it cannot be read."""
    file = str(path)
    try:
        return yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise PlanFileError(file, None, None, f"không đọc được tệp (cannot read): {exc}") from None
    except yaml.YAMLError as exc:
        raise PlanFileError(file, None, None, f"YAML không hợp lệ (invalid YAML): {exc}") from None


def load_plan(path: str | Path) -> PlanSpec:
    """Read and validate a plan file; raise PlanFileError naming file, objective and field."""
    return parse_plan(read_plan_yaml(path), str(path))


def parse_plan(raw: Any, file: str = "") -> PlanSpec:
    if not isinstance(raw, dict):
        raise PlanFileError(
            file,
            None,
            None,
            "tệp kế hoạch phải là một bảng khóa–giá trị (a plan file must be a mapping)",
        )
    _no_unknown_fields(raw, _TOP_FIELDS, file, None)
    for field in ("index", "province", "year", "objectives"):
        if raw.get(field) in (None, ""):
            raise PlanFileError(file, None, field, "thiếu trường bắt buộc (missing field)")
    objectives_raw = raw["objectives"]
    if not isinstance(objectives_raw, list) or not objectives_raw:
        raise PlanFileError(
            file, None, "objectives", "cần danh sách mục tiêu không rỗng (a non-empty list)"
        )
    try:
        province = match_province(str(raw["province"])).name
    except UnknownProvince as exc:
        raise PlanFileError(file, None, "province", str(exc)) from None
    plan = PlanSpec(
        index=str(raw["index"]),
        province=province,
        year=_year(raw["year"], file, "year"),
        baseline_year=None
        if raw.get("baseline_year") is None
        else _year(raw["baseline_year"], file, "baseline_year"),
        objectives=tuple(_objective(o, i, file) for i, o in enumerate(objectives_raw)),
        title=str(raw.get("title") or ""),
        source=file,
    )
    validate_plan(plan)
    return plan


def _no_unknown_fields(raw: dict[Any, Any], allowed: set[str], file: str, oid: str | None) -> None:
    for key in raw:
        if key not in allowed:
            raise PlanFileError(
                file,
                oid,
                str(key),
                f"trường không xác định (unknown field; có: {', '.join(sorted(allowed))})",
            )


def _year(value: Any, file: str, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 < value < 2200:
        raise PlanFileError(file, None, field, f"năm không hợp lệ {value!r} (invalid year)")
    return value


def _objective(raw: Any, index: int, file: str) -> ObjectiveSpec:
    if not isinstance(raw, dict):
        raise PlanFileError(
            file,
            f"#{index + 1}",
            None,
            "mỗi mục tiêu phải là một bảng (each objective must be a mapping)",
        )
    oid = str(raw["id"]) if raw.get("id") is not None else f"#{index + 1}"
    _no_unknown_fields(raw, _OBJECTIVE_FIELDS, file, oid)
    for field in ("id", "text", "kind"):
        if raw.get(field) in (None, ""):
            raise PlanFileError(file, oid, field, "thiếu trường bắt buộc (missing field)")
    return ObjectiveSpec(
        id=oid,
        text=str(raw["text"]),
        kind=str(raw["kind"]),
        value=_number(raw.get("value"), file, oid),
        tier=None if raw.get("tier") is None else str(raw["tier"]),
        count=_count(raw.get("count"), file, oid),
        unit=None if raw.get("unit") is None else str(raw["unit"]),
    )


def _number(value: Any, file: str, oid: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, str):
        # Vietnamese documents write 45,00; accept it rather than reject a faithful copy.
        value = value.strip().replace(",", ".")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise PlanFileError(
            file, oid, "value", f"không phải là số {value!r} (not a number)"
        ) from None
    if isinstance(value, bool) or not math.isfinite(number):
        raise PlanFileError(file, oid, "value", f"không phải là số {value!r} (not a number)")
    return number


def _count(value: Any, file: str, oid: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise PlanFileError(file, oid, "count", f"phải là số nguyên {value!r} (whole number)")
    return value
