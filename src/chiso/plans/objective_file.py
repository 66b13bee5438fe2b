"""A plan's objectives as the core's YAML plan file (docs/objectives.md), both ways.

Reading goes through the core's parser, so a file refused here is refused by
`chiso objectives evaluate` with the same message (naming file, objective and field). An
objective on another index than the plan's carries `index: PCI` (issue 18): the objectives of
each index are parsed as that index's plan file, checked against its framework. A file with
objectives on the plan's index only is the core's format unchanged; `chiso objectives evaluate`
reads both (`chiso.index.plan_indices`), judging each objective on its own index's results.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import yaml
from django.utils.translation import gettext as _

from chiso.index.names import normalize_name
from chiso.index.plan_file import ObjectiveSpec, PlanFileError, PlanSpec, parse_plan
from chiso.plans.errors import PlanError
from chiso.plans.models import Objective, Plan
from chiso.plans.units import index_codes

MAX_FILE_BYTES = 200_000


def objectives_yaml(plan: Plan) -> str:
    """The plan's objectives in the documented plan-file format, ready for `chiso objectives`."""
    data: dict[str, Any] = {
        "index": plan.index,
        "province": plan.province.name,
        "year": plan.year,
        "baseline_year": plan.baseline_year,
        "title": plan.title,
        "objectives": [_objective_entry(o, plan.index) for o in plan.objectives.all()],
    }
    header = f"# {plan.number} — {plan.title}\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _objective_entry(objective: Objective, own_index: str) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": objective.code, "text": objective.text, "kind": objective.kind}
    if objective.index != own_index:
        entry["index"] = objective.index
    if objective.value is not None:
        value = objective.value.normalize()
        entry["value"] = int(value) if value == value.to_integral_value() else float(value)
    if objective.tier:
        entry["tier"] = objective.tier
    if objective.count is not None:
        entry["count"] = objective.count
    if objective.unit:
        entry["unit"] = objective.unit
    return entry


@dataclass(frozen=True)
class FileObjective:
    index: str  # the objective's index: the plan's, or the one its `index:` names
    spec: ObjectiveSpec


def read_objective_file(plan: Plan, content: bytes, file_name: str) -> tuple[FileObjective, ...]:
    """Parse and check an uploaded plan file against `plan`, in the file's order; PlanError
    naming file and field."""
    if len(content) > MAX_FILE_BYTES:
        raise PlanError(
            _("%(file)s: tệp quá lớn (tối đa %(size)d KB).")
            % {"file": file_name, "size": MAX_FILE_BYTES // 1000},
            "file",
        )
    try:
        raw = yaml.safe_load(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise PlanError(
            _("%(file)s: tệp không phải văn bản UTF-8.") % {"file": file_name}, "file"
        ) from None
    except yaml.YAMLError as exc:
        raise PlanError(
            _("%(file)s: YAML không hợp lệ: %(error)s") % {"file": file_name, "error": exc}, "file"
        ) from None
    if not isinstance(raw, dict):
        _parse(raw, file_name)  # the core refuses it, naming the problem
    found: list[FileObjective] = []
    for index, entries in _by_index(raw, plan.index, file_name).items():
        own = {} if index == plan.index else {"index": index}
        spec = _parse({**raw, **own, "objectives": entries}, file_name)
        # The file's own index (its top-level `index:`) must be the plan's.
        _check_matches(plan, replace(spec, index=str(raw.get("index") or "")), file_name)
        found += [FileObjective(index, o) for o in spec.objectives]
    ids = [f.spec.id for f in found]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise PlanError(
            _("%(file)s: mã mục tiêu lặp lại: %(ids)s.")
            % {"file": file_name, "ids": ", ".join(twice)},
            "file",
        )
    order = [str(e.get("id")) for e in raw["objectives"]]
    return tuple(sorted(found, key=lambda f: order.index(f.spec.id)))


def _parse(raw: Any, file_name: str) -> PlanSpec:
    try:
        return parse_plan(raw, file_name)
    except PlanFileError as exc:
        raise PlanError(str(exc), "file") from None


def _by_index(raw: dict[str, Any], own_index: str, file_name: str) -> dict[str, Any]:
    """The file's objectives by index (an entry's `index:`, else the plan's), `index:` taken
    off each so the core parses them as that index's plan file. The file's top-level checks
    (a mapping, a non-empty list) are the core's when nothing needs splitting."""
    entries = raw.get("objectives")
    if (
        not entries
        or not isinstance(entries, list)
        or not all(isinstance(e, dict) for e in entries)
    ):
        return {own_index: entries}  # the core names the problem
    known = index_codes()
    groups: dict[str, Any] = {}
    for entry in entries:
        index = str(entry.get("index") or own_index).strip()
        if index not in known:
            raise PlanError(
                _(
                    "%(file)s, mục tiêu %(id)s, trường/field 'index': "
                    "không có bộ chỉ số “%(index)s”."
                )
                % {"file": file_name, "id": entry.get("id"), "index": index},
                "file",
            )
        groups.setdefault(index, []).append({k: v for k, v in entry.items() if k != "index"})
    return groups


def _check_matches(plan: Plan, spec: PlanSpec, file_name: str) -> None:
    """The file must be about this plan: same index, province, year and baseline year."""
    mismatches = [
        ("index", spec.index.upper(), plan.index.upper()),
        ("province", normalize_name(spec.province), normalize_name(plan.province.name)),
        ("year", spec.year, plan.year),
        ("baseline_year", spec.baseline_year or plan.baseline_year, plan.baseline_year),
    ]
    shown = {
        "index": plan.index,
        "province": plan.province.name,
        "year": plan.year,
        "baseline_year": plan.baseline_year,
    }
    for field, theirs, ours in mismatches:
        if theirs != ours:
            raise PlanError(
                _(
                    "%(file)s, trường/field '%(field)s': tệp ghi “%(theirs)s”, "
                    "kế hoạch này là “%(ours)s”."
                )
                % {
                    "file": file_name,
                    "field": field,
                    "theirs": getattr(spec, field),
                    "ours": shown[field],
                },
                "file",
            )
