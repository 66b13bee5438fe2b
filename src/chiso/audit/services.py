"""Writing and reading the audit log. Every service that changes plan data calls `record`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from chiso.audit.models import AuditEntry


def _plain(value: Any) -> Any:
    """A JSON-safe rendering of a field value for the log."""
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields`, to diff against after a change."""
    return {name: _plain(getattr(obj, name)) for name in fields}


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for the fields whose value changed."""
    return {
        name: [before.get(name), value]
        for name, value in after.items()
        if before.get(name) != value
    }


def record(
    actor: Any,
    obj: models.Model,
    action: str,
    changes: dict[str, list[Any]] | None = None,
    *,
    province: Any = None,
    note: str = "",
) -> AuditEntry:
    """Append one entry. Call inside the service's transaction so both commit or neither."""
    if province is None:
        province = getattr(obj, "province", None)
    return AuditEntry.objects.create(
        province=province,
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes={k: [_plain(v) for v in pair] for k, pair in (changes or {}).items()},
        note=note,
    )


@dataclass(frozen=True)
class HistoryLine:
    entry: AuditEntry
    changes: list[tuple[str, Any, Any]]


def history_for(obj: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")


def history_lines(entries: Iterable[AuditEntry]) -> list[HistoryLine]:
    return [
        HistoryLine(entry, [(name, pair[0], pair[1]) for name, pair in entry.changes.items()])
        for entry in entries
    ]
