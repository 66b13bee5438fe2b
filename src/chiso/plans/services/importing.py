"""Import a plan's objectives from a YAML plan file: every objective is checked before anything
is written, and the whole import is one transaction (all or nothing)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.db import transaction

from chiso.plans.models import Objective, Plan
from chiso.plans.objective_file import read_objective_file
from chiso.plans.services.drafting import delete_objective, save_objective
from chiso.plans.services.guards import require_plan_editor

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    removed: int


@transaction.atomic
def import_objectives(
    user: User, plan: Plan, content: bytes, file_name: str, *, replace: bool = False
) -> ImportSummary:
    """Objectives of the file are added (new id) or updated (id already in the plan). With
    `replace`, the plan's objectives whose id is not in the file are deleted and the file's
    order becomes the plan's order; otherwise new ones go after the existing ones."""
    require_plan_editor(user, plan)
    found = read_objective_file(plan, content, file_name)
    existing = {o.code: o for o in Objective.objects.select_for_update().filter(plan=plan)}
    next_order = max((o.order for o in existing.values()), default=0) + 1
    created = updated = unchanged = removed = 0
    for position, (index, item) in enumerate(((f.index, f.spec) for f in found), start=1):
        fields: dict[str, Any] = {
            "index": index,
            "text": item.text,
            "kind": item.kind,
            "value": item.value,
            "tier": item.tier or "",
            "count": item.count,
            "unit": item.unit or "",
        }
        current = existing.get(item.id)
        if current is None:
            order = position if replace else next_order
            next_order += 0 if replace else 1
            save_objective(user, plan, code=item.id, order=order, **fields)
            created += 1
            continue
        before = _values(current)
        save_objective(user, plan, current, order=position if replace else None, **fields)
        current.refresh_from_db()
        if _values(current) == before:
            unchanged += 1
        else:
            updated += 1
    if replace:
        kept = {f.spec.id for f in found}
        for code, objective in existing.items():
            if code not in kept:
                delete_objective(user, objective)
                removed += 1
    return ImportSummary(created, updated, unchanged, removed)


def _values(objective: Objective) -> tuple[Any, ...]:
    return (
        objective.index,
        objective.text,
        objective.kind,
        objective.value,
        objective.tier,
        objective.count,
        objective.unit,
        objective.order,
    )
