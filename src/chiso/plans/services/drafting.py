"""Drafting a plan's objectives and sections from the plan page: save with every problem named,
stale-edit refusal, delete, reorder.

Objectives and sections carry no `version` column, so a form remembers a fingerprint of the row
as it was shown (`fingerprint`); a save whose fingerprint no longer matches is refused as stale.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any, Literal

from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from chiso.audit.services import record, snapshot
from chiso.plans.errors import PlanError, StaleVersion
from chiso.plans.models import Objective, Plan, Section
from chiso.plans.services.guards import require_plan_editor
from chiso.plans.services.plans import (
    SECTION_FIELDS,
    create_objective,
    create_section,
    delete_objective,
    update_objective,
    update_section,
)

Direction = Literal["up", "down"]
# What an objective form edits (order is changed by moving, not typed).
OBJECTIVE_INPUT = ("code", "text", "kind", "value", "tier", "count", "unit")
SECTION_INPUT = ("code", "title")


class ObjectiveProblems(PlanError):
    """Every problem with an objective at once, as (form field, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems[0][1], problems[0][0])
        self.problems = problems


def fingerprint(obj: Model) -> str:
    """A short digest of what a form shows of an objective or a section (not its position:
    reordering the list must not make an open edit form stale)."""
    fields = OBJECTIVE_INPUT if isinstance(obj, Objective) else SECTION_INPUT
    values = {
        # 45 in memory and 45.0000 read back are the same value.
        name: format(v.normalize(), "f") if isinstance(v, Decimal) else v
        for name, v in ((name, getattr(obj, name)) for name in fields)
    }
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _lock_unchanged(obj: Any, loaded: str | None) -> Any:
    locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    if loaded and fingerprint(locked) != loaded:
        raise StaleVersion(
            _(
                "Người khác đã lưu thay đổi cho mục này trong lúc anh/chị đang sửa. "
                "Nội dung anh/chị nhập vẫn được giữ bên dưới; hãy xem lại bản mới nhất rồi lưu lại."
            )
        )
    return locked


def objective_problems(
    plan: Plan, fields: dict[str, Any], objective: Objective | None = None
) -> list[tuple[str, str]]:
    """The core's `check_objective` (same messages as the YAML plan file) plus a unique code."""
    from chiso.index.framework import load_framework
    from chiso.index.plan_file import ObjectiveSpec, check_objective

    value = fields.get("value")
    spec = ObjectiveSpec(
        id=str(fields.get("code") or ""),
        text=str(fields.get("text") or ""),
        kind=str(fields.get("kind") or ""),
        value=None if value is None else float(value),
        tier=fields.get("tier") or None,
        count=fields.get("count"),
        unit=fields.get("unit") or None,
    )
    problems = [
        ("code" if field == "id" else field, message)
        for field, message in check_objective(spec, load_framework(plan.index))
    ]
    same_code = Objective.objects.filter(plan=plan, code=spec.id.strip())
    if objective is not None:
        same_code = same_code.exclude(pk=objective.pk)
    if spec.id.strip() and same_code.exists():
        problems.append(("code", _("Kế hoạch đã có mục tiêu mang mã này.")))
    return problems


def _objective_values(fields: dict[str, Any]) -> dict[str, Any]:
    value = fields.get("value")
    return {
        "code": str(fields.get("code") or "").strip(),
        "text": str(fields.get("text") or "").strip(),
        "kind": fields.get("kind") or "",
        "value": None if value is None else Decimal(str(value)),
        "tier": fields.get("tier") or "",
        "count": fields.get("count"),
        "unit": (fields.get("unit") or "").strip(),
    }


@transaction.atomic
def save_objective(
    user: Any,
    plan: Plan,
    objective: Objective | None = None,
    *,
    loaded: str | None = None,
    **fields: Any,
) -> Objective:
    """Create (objective=None) or update an objective; raise ObjectiveProblems naming each field."""
    require_plan_editor(user, plan)
    unknown = set(fields) - set(OBJECTIVE_INPUT)
    if unknown:
        raise TypeError(f"save_objective: unknown fields {sorted(unknown)}")
    if objective is not None:
        objective = _lock_unchanged(objective, loaded)
        if objective.plan_id != plan.pk:
            raise PlanError(_("Mục tiêu không thuộc kế hoạch này."))
    problems = objective_problems(plan, fields, objective)
    if problems:
        raise ObjectiveProblems(problems)
    values = _objective_values(fields)
    if objective is None:
        return create_objective(user, plan, **values)
    return update_objective(user, objective, **values)


@transaction.atomic
def remove_objective(user: Any, objective: Objective, *, loaded: str | None = None) -> None:
    """Delete an objective; the plan's own history keeps a line saying which one went."""
    plan = objective.plan
    require_plan_editor(user, plan)
    objective = _lock_unchanged(objective, loaded)
    record(user, plan, "objective.delete", {"objective": [str(objective), None]})
    delete_objective(user, objective)


@transaction.atomic
def save_section(
    user: Any,
    plan: Plan,
    section: Section | None = None,
    *,
    loaded: str | None = None,
    code: str,
    title: str,
) -> Section:
    require_plan_editor(user, plan)
    if section is None:
        return create_section(user, plan, code=code, title=title)
    section = _lock_unchanged(section, loaded)
    if section.plan_id != plan.pk:
        raise PlanError(_("Mục không thuộc kế hoạch này."))
    return update_section(user, section, code=code, title=title)


@transaction.atomic
def delete_section(user: Any, section: Section, *, loaded: str | None = None) -> None:
    """Refused while tasks use the section: moving them is the coordinator's decision."""
    plan = section.plan
    require_plan_editor(user, plan)
    section = _lock_unchanged(section, loaded)
    used = section.tasks.count()
    if used:
        raise PlanError(
            _(
                "Không thể xóa mục “%(code)s”: còn %(count)d nhiệm vụ thuộc mục này. "
                "Hãy chuyển các nhiệm vụ đó sang mục khác hoặc xóa chúng trước."
            )
            % {"code": section.code, "count": used}
        )
    gone = {k: [v, None] for k, v in snapshot(section, SECTION_FIELDS).items()}
    record(user, section, "section.delete", gone, province=plan.province)
    record(user, plan, "section.delete", {"section": [str(section), None]})
    section.delete()


def _move(user: Any, rows: list[Any], obj: Any, direction: Direction, action: str) -> None:
    """Swap `obj` with its neighbour and renumber 1…n, auditing every order that changed."""
    position = next(i for i, row in enumerate(rows) if row.pk == obj.pk)
    other = position - 1 if direction == "up" else position + 1
    if not 0 <= other < len(rows):
        return  # already first (or last): nothing to do
    rows[position], rows[other] = rows[other], rows[position]
    for order, row in enumerate(rows, start=1):
        if row.order != order:
            record(user, row, action, {"order": [row.order, order]}, province=row.plan.province)
            row.order = order
            row.save(update_fields=["order"])


@transaction.atomic
def move_objective(user: Any, objective: Objective, direction: Direction) -> None:
    require_plan_editor(user, objective.plan)
    rows = list(
        Objective.objects.select_for_update()
        .filter(plan_id=objective.plan_id)
        .select_related("plan__province")
        .order_by("order", "id")
    )
    _move(user, rows, objective, direction, "objective.update")


@transaction.atomic
def move_section(user: Any, section: Section, direction: Direction) -> None:
    require_plan_editor(user, section.plan)
    rows = list(
        Section.objects.select_for_update()
        .filter(plan_id=section.plan_id)
        .select_related("plan__province")
        .order_by("order", "id")
    )
    _move(user, rows, section, direction, "section.update")
