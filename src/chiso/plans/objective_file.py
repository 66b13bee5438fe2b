"""A plan's objectives as the core's YAML plan file (docs/objectives.md), both ways.

Reading goes through the core's parser, so a file refused here is refused by
`chiso objectives evaluate` with the same message (naming file, objective and field), and a file
written here is read by it unchanged.
"""

from __future__ import annotations

from typing import Any

import yaml
from django.utils.translation import gettext as _

from chiso.index.names import normalize_name
from chiso.index.plan_file import PlanFileError, PlanSpec, parse_plan
from chiso.plans.errors import PlanError
from chiso.plans.models import Objective, Plan

MAX_FILE_BYTES = 200_000


def objectives_yaml(plan: Plan) -> str:
    """The plan's objectives in the documented plan-file format, ready for `chiso objectives`."""
    data: dict[str, Any] = {
        "index": plan.index,
        "province": plan.province.name,
        "year": plan.year,
        "baseline_year": plan.baseline_year,
        "title": plan.title,
        # The plan-file format is about one index: objectives on others stay out of the file.
        "objectives": [_objective_entry(o) for o in plan.objectives.filter(index=plan.index)],
    }
    header = f"# {plan.number} — {plan.title}\n"
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def _objective_entry(objective: Objective) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": objective.code, "text": objective.text, "kind": objective.kind}
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


def read_objective_file(plan: Plan, content: bytes, file_name: str) -> PlanSpec:
    """Parse and check an uploaded plan file against `plan`; PlanError naming file and field."""
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
    try:
        spec = parse_plan(raw, file_name)
    except PlanFileError as exc:
        raise PlanError(str(exc), "file") from None
    _check_matches(plan, spec, file_name)
    return spec


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
