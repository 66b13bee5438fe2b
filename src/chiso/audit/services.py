"""Writing and reading the audit log. Every service that changes plan data calls `record`."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import F, OuterRef, QuerySet, Subquery
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from chiso.audit.models import AuditEntry, DataRevision, ScopeRevision


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
    actor: AbstractBaseUser | None,
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
    raise_revision(province, scope=revision_scope(obj) if province is not None else None)
    return AuditEntry.objects.create(
        province=province,
        actor_id=actor.pk if actor is not None else None,
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        changes={k: [_plain(v) for v in pair] for k, pair in (changes or {}).items()},
        note=note,
    )


def revision_scope(obj: models.Model) -> str | None:
    """The part of the province's data a change of `obj` is confined to, when its model says
    (a `revision_scope()` method, e.g. "task:12" for a report on one of task 12's assignments);
    None: the change may show anywhere in the province."""
    scope = getattr(obj, "revision_scope", None)
    return scope() if callable(scope) else None


def _count(qs: QuerySet[Any], create: Any, counters: dict[str, Any], first: dict[str, int]) -> None:
    """Raise `counters` on the row of `qs`, creating it (`first` values) on its first change."""
    if qs.update(**counters):
        return
    _, created = create(defaults=first)
    if not created:  # another transaction created the row meanwhile: still count this change
        qs.update(**counters)


def raise_revision(province: Any, scope: str | None = None) -> None:
    """Count one more change of `province`'s data; None (a national change such as new index
    results) counts for every province. With `scope`, the change is confined to that part of
    the province's data: its counter is raised instead of the province's `shared` one. Part of
    the caller's transaction."""
    everything = {"number": F("number") + 1, "shared": F("shared") + 1}
    if province is None:
        # The province model through the relation: audit sits below accounts (no import of it).
        provinces = DataRevision._meta.get_field("province").related_model._default_manager
        DataRevision.objects.bulk_create(
            [DataRevision(province_id=p.pk) for p in provinces.all()], ignore_conflicts=True
        )
        DataRevision.objects.update(**everything)
        return
    rows = DataRevision.objects.filter(province=province)

    def create(defaults: dict[str, int]) -> Any:
        return DataRevision.objects.get_or_create(province=province, defaults=defaults)

    if scope is None:
        _count(rows, create, everything, {"number": 1, "shared": 1})
        return
    _count(rows, create, {"number": F("number") + 1}, {"number": 1})
    # The province's number just raised (this transaction holds its row): the scope's `at`.
    province_id = getattr(province, "pk", province)
    number_now = Subquery(rows.values("number")[:1])

    def create_scope(defaults: dict[str, int]) -> Any:
        now = rows.values_list("number", flat=True).get()
        first = {**defaults, "province_id": province_id, "at": now}
        return ScopeRevision.objects.get_or_create(scope=scope, defaults=first)

    _count(
        ScopeRevision.objects.filter(scope=scope),
        create_scope,
        {"number": F("number") + 1, "province_id": province_id, "at": number_now},
        {"number": 1},
    )


def with_revision(qs: QuerySet[Any], *, shared: bool = False) -> QuerySet[Any]:
    """`qs` (a model with a `province` field) with its province's data revision as
    `data_revision`, fetched in the same query as the object a page is about; with `shared`,
    also the province's `shared` counter as `shared_revision`."""
    rows = DataRevision.objects.filter(province_id=OuterRef("province_id"))
    qs = qs.annotate(data_revision=Coalesce(Subquery(rows.values("number")[:1]), 0))
    if shared:
        qs = qs.annotate(shared_revision=Coalesce(Subquery(rows.values("shared")[:1]), 0))
    return qs


def with_scope_revision(qs: QuerySet[Any], prefix: str, column: str) -> QuerySet[Any]:
    """`qs` (a model with a `province` field) with its province's `shared` counter as
    `shared_revision` and the counter of each row's scope (`prefix` followed by the row's
    `column`, e.g. "task:" and task_id: "task:12") as `scope_revision`: what a page about one
    scope's data is keyed on, fetched in the same query as its object. Written as SQL: the
    ORM's subqueries cost a page about one object more to compile than the rest of its query."""
    quote = connection.ops.quote_name
    table = quote(qs.model._meta.db_table)
    own = f"{table}.{quote(qs.model._meta.get_field(column).column)}"
    shared = (
        f"SELECT r.{quote('shared')} FROM {quote(DataRevision._meta.db_table)} r "
        f"WHERE r.{quote('province_id')} = {table}.{quote('province_id')}"
    )
    scoped = (
        f"SELECT s.{quote('number')} FROM {quote(ScopeRevision._meta.db_table)} s "
        f"WHERE s.{quote('scope')} = %s || CAST({own} AS TEXT)"
    )
    return qs.annotate(
        shared_revision=RawSQL(f"COALESCE(({shared}), 0)", ()),
        scope_revision=RawSQL(f"COALESCE(({scoped}), 0)", (prefix,)),
    )


def scopes_changed_since(province_id: int, number: int, prefix: str) -> list[str]:
    """The scopes (those starting with `prefix`) of `province_id` changed after its data
    revision was `number`, in one indexed query. Every change counted up to `number` had
    committed when `number` was read, so a state made from data read after it and caught up
    by these scopes misses none; a change committed since may be listed again later."""
    # Plain SQL: asked on every dashboard request, where compiling the ORM's query cost more
    # than running it.
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {quote('scope')} FROM {quote(ScopeRevision._meta.db_table)} "
        f"WHERE {quote('province_id')} = %s AND {quote('at')} > %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [province_id, number])
        return [scope for (scope,) in cursor.fetchall() if scope.startswith(prefix)]


def scope_revisions(scopes: Iterable[str]) -> dict[str, int]:
    """The counters of `scopes` in one query (a scope never changed is left out: 0)."""
    return dict(ScopeRevision.objects.filter(scope__in=list(scopes)).values_list("scope", "number"))


def _counter(province_id: int, field: str) -> int:
    number = (
        DataRevision.objects.filter(province_id=province_id).values_list(field, flat=True).first()
    )
    return number or 0


def shared_of(province_id: int) -> int:
    """The province's `shared` counter (changes outside any one scope; 0 before the first)."""
    return _counter(province_id, "shared")


def revision_of(province_id: int) -> int:
    """The province's change counter (0 before its first audited change)."""
    return _counter(province_id, "number")


def history_for(obj: models.Model) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")
