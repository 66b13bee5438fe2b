"""Folding an abolished agency's open part of a task into the part its successor already holds
(one assignment per agency and task): the typical case when several districts hand their work
to the province's committee. Only a part with nothing recorded on it folds — no report, no
period report sent, no progress, nothing else pointing at it (work counted for it, a
difficulty, …): the same test as taking back a sub-assignment (withdraw), so nothing is lost.
Its sub-assignments (the communes' parts) go under the successor's part, which then reviews
them; the empty part itself is removed, audited with its values."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models

from chiso.audit.services import record
from chiso.plans import rollup
from chiso.plans.models import Assignment, ReportPeriod

if TYPE_CHECKING:
    from chiso.accounts.models import User

# Relations that never count as history: the sub-assignments (they move) and periods without a
# report sent (obligations of the part, which the successor's part has too).
_NOT_HISTORY = frozenset({"children", "periods"})


def has_history(part: Assignment) -> bool:
    """Anything recorded on `part` that removing it would lose."""
    if part.own_progress or part.last_report_at is not None:
        return True
    if ReportPeriod.objects.filter(assignment=part, submitted_on__isnull=False).exists():
        return True
    for rel in part._meta.related_objects:
        if rel.get_accessor_name() in _NOT_HISTORY or not (rel.one_to_many or rel.one_to_one):
            continue
        related: type[models.Model] = rel.related_model
        if related._default_manager.filter(**{rel.field.name: part}).exists():
            return True
    return False


def _lineage_below(node: Assignment) -> str:
    return f"{node.lineage or '/'}{node.pk}/"


def reparent(user: User | None, node: Assignment, parent: Assignment | None) -> None:
    """Put `node` (with its whole subtree) under `parent` (None: at the top); audited."""
    old_prefix = _lineage_below(node)
    before = str(node.parent.agency) if node.parent_id and node.parent else ""
    node.parent = parent
    node.lineage = _lineage_below(parent) if parent is not None else ""
    node.version += 1
    node.save(update_fields=["parent", "lineage", "version"])
    new_prefix = _lineage_below(node)
    for below in Assignment.objects.filter(lineage__startswith=old_prefix):
        below.lineage = new_prefix + below.lineage[len(old_prefix) :]
        below.save(update_fields=["lineage"])
    after = str(parent.agency) if parent is not None else ""
    record(user, node, "assignment.reparent", {"parent": [before, after]})


def fold(user: User | None, part: Assignment, holder: Assignment, note: str) -> None:
    """Move `part`'s sub-assignments under `holder`, then remove the empty `part`."""
    above = part.parent_id
    for child in Assignment.objects.filter(parent=part).select_related("agency").order_by("pk"):
        reparent(user, child, holder)
    record(
        user,
        part,
        "assignment.fold",
        {
            "agency": [str(part.agency), str(holder.agency)],
            "deadline": [part.deadline, holder.deadline],
        },
        note=note,
    )
    part.delete()
    rollup.refresh_upwards(user, holder.pk)
    if above is not None:
        rollup.refresh_upwards(user, above)
