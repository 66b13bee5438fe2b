"""Writing and reading the audit log. Every service that changes plan data calls `record`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from chiso.audit.models import AuditEntry, DataRevision


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
    raise_revision(province)
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


def raise_revision(province: Any) -> None:
    """Count one more change of `province`'s data; None (a national change such as new index
    results) counts for every province. Part of the caller's transaction."""
    if province is None:
        from chiso.accounts.models import Province

        DataRevision.objects.bulk_create(
            [DataRevision(province=p) for p in Province.objects.all()], ignore_conflicts=True
        )
        DataRevision.objects.update(number=F("number") + 1)
        return
    if DataRevision.objects.filter(province=province).update(number=F("number") + 1):
        return
    _, created = DataRevision.objects.get_or_create(province=province, defaults={"number": 1})
    if not created:  # another transaction created the row meanwhile: still count this change
        DataRevision.objects.filter(province=province).update(number=F("number") + 1)


def with_revision(qs: QuerySet[Any]) -> QuerySet[Any]:
    """`qs` (a model with a `province` field) with its province's data revision as
    `data_revision`, fetched in the same query as the object a page is about."""
    number = DataRevision.objects.filter(province_id=OuterRef("province_id")).values("number")
    return qs.annotate(data_revision=Coalesce(Subquery(number[:1]), 0))


def revision_of(province_id: int) -> int:
    """The province's change counter (0 before its first audited change)."""
    number = (
        DataRevision.objects.filter(province_id=province_id)
        .values_list("number", flat=True)
        .first()
    )
    return number or 0


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
