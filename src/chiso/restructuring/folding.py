"""Folding abolished agencies' open parts of a task into the one part their successor holds
(one assignment per agency and task): the typical case when several districts hand their work
to the province's committee. Nothing is lost:

- the parts' sub-assignments (the communes' parts) go under the holder, which then reviews
  them (lineage rewritten, audited `assignment.reparent`);
- their reports move into the holder's thread, each audited (`report.fold`, with the agency
  whose report it was); a report period the holder also has (the same due day) keeps both
  parts' reports, sent and accepted on the earlier of the two days; other periods move;
- everything else pointing at a part (work counted for it, difficulties, reminders sent) moves
  to the holder, except a row the holder already has the same of (the same activity counted,
  the same reminder sent), which is dropped as a duplicate;
- the holder's own values become the merged ones (`assignment.merge`, audited): own progress
  the mean of the parts with something recorded (each part one equal share, rounded down, as
  the roll-up counts shares: chiso.plans.rollup), its own part complete only when every such
  part's was (on the latest day), its last report the latest;
- each folded part is removed, audited `assignment.fold` with its agency, deadline and the
  number of reports it handed over."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.db import models

from chiso.audit.services import record
from chiso.plans import rollup
from chiso.plans.models import Assignment, ProgressReport, ReportPeriod
from chiso.plans.services.periods import refresh_period_due

if TYPE_CHECKING:
    from chiso.accounts.models import User

# Relations moved by their own rule, not the generic one.
_OWN_RULE = frozenset({"children", "periods", "reports"})


def has_history(part: Assignment) -> bool:
    """Anything recorded on `part` beyond its sub-assignments and unsent periods."""
    if part.own_progress or part.last_report_at is not None:
        return True
    if ReportPeriod.objects.filter(assignment=part, submitted_on__isnull=False).exists():
        return True
    if part.reports.exists():
        return True
    return any(related.exists() for _, related in _other_rows(part))


def _other_rows(part: Assignment) -> list[tuple[str, models.QuerySet[Any]]]:
    """(foreign key name, rows) of every other model pointing at `part`."""
    found = []
    for rel in part._meta.related_objects:
        if rel.get_accessor_name() in _OWN_RULE or not (rel.one_to_many or rel.one_to_one):
            continue
        related: type[models.Model] = rel.related_model
        found.append((rel.field.name, related._default_manager.filter(**{rel.field.name: part})))
    return found


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


def _earlier(a: Any, b: Any) -> Any:
    return min(d for d in (a, b) if d is not None) if a or b else None


def _move_periods(part: Assignment, holder: Assignment) -> None:
    held = {p.due_on: p for p in ReportPeriod.objects.filter(assignment=holder)}
    for period in ReportPeriod.objects.filter(assignment=part):
        same = held.get(period.due_on)
        if same is None:
            period.assignment = holder
            period.save(update_fields=["assignment"])
            continue
        ProgressReport.objects.filter(period=period).update(period=same)
        same.submitted_on = _earlier(same.submitted_on, period.submitted_on)
        same.accepted_on = _earlier(same.accepted_on, period.accepted_on)
        same.save(update_fields=["submitted_on", "accepted_on"])
        period.delete()


def _move_reports(user: User | None, part: Assignment, holder: Assignment) -> int:
    reports = list(ProgressReport.objects.filter(assignment=part).order_by("pk"))
    for report in reports:
        report.assignment = holder
        report.version += 1
        report.save(update_fields=["assignment", "version"])
        record(user, report, "report.fold", {"agency": [str(part.agency), str(holder.agency)]})
    return len(reports)


def _duplicate(row: models.Model, field: str, holder: Assignment) -> bool:
    """Whether `holder` already has a row equal to `row` on one of its model's unique sets."""
    manager = type(row)._default_manager
    for c in row._meta.constraints:
        fields = getattr(c, "fields", ())
        if isinstance(c, models.UniqueConstraint) and field in fields and c.condition is None:
            rest = {f: getattr(row, f) for f in fields if f != field}
            if manager.filter(**{field: holder}, **rest).exists():
                return True
    return False


def _move_other_rows(part: Assignment, holder: Assignment) -> None:
    for field, rows in _other_rows(part):
        for row in rows:
            if _duplicate(row, field, holder):
                row.delete()
            else:
                setattr(row, field, holder)
                row.save(update_fields=[field])


def _merged_values(holder: Assignment, parts: Sequence[Assignment]) -> dict[str, Any]:
    recorded = [a for a in (holder, *parts) if has_history(a)]
    if not recorded:
        return {}
    done = [a.own_completed_on for a in recorded]
    reported = [a.last_report_at for a in recorded if a.last_report_at is not None]
    return {
        "own_progress": sum(a.own_progress for a in recorded) // len(recorded),
        "own_completed_on": max(done) if all(done) else None,  # type: ignore[type-var]
        "last_report_at": max(reported) if reported else None,
    }


def _set_values(user: User | None, holder: Assignment, values: dict[str, Any], note: str) -> None:
    changes = {
        name: [getattr(holder, name), value]
        for name, value in values.items()
        if getattr(holder, name) != value
    }
    for name, value in values.items():
        setattr(holder, name, value)
    holder.version += 1
    holder.save(update_fields=[*values, "version"])
    changes["reports"] = [None, holder.reports.count()]
    record(user, holder, "assignment.merge", changes, note=note)


def fold(user: User | None, parts: Sequence[Assignment], holder: Assignment, note: str) -> None:
    """Fold every part of `parts` into `holder` (the rule above); audited."""
    values = _merged_values(holder, parts)
    above = {part.parent_id for part in parts if part.parent_id is not None}
    for part in parts:
        for child in Assignment.objects.filter(parent=part).select_related("agency").order_by("pk"):
            reparent(user, child, holder)
        _move_periods(part, holder)
        handed = _move_reports(user, part, holder)
        _move_other_rows(part, holder)
        record(
            user,
            part,
            "assignment.fold",
            {
                "agency": [str(part.agency), str(holder.agency)],
                "deadline": [part.deadline, holder.deadline],
                "reports": [handed, 0],
            },
            note=note,
        )
        part.delete()
    if values:
        _set_values(user, holder, values, note)
    refresh_period_due(holder)
    rollup.refresh_upwards(user, holder.pk)
    for parent_id in above:
        rollup.refresh_upwards(user, parent_id)
