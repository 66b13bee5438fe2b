"""What `/sap-xep/` lists of each restructuring done, short enough for a phone: an abolition's
agencies grouped by the successor they went to (the page folds each group in a <details>), with
the totals of the operation and of each group, read from the record's summary (older records
without villages or accounts count them as 0) — the heads whose role was lowered to officer on
the way named too —, then the heads `chiso restructure follow-up` lowered later, from the audit
log (the follow-up saves no record of its own)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType

from chiso.accounts.models import Province, User
from chiso.audit.models import AuditEntry
from chiso.restructuring.models import Kind, Restructuring


@dataclass(frozen=True)
class Dissolved:
    name: str
    moved: int  # open assignments moved as they were
    folded: int  # parts folded into the successor's
    villages: int
    users: int
    heads: tuple[str, ...] = ()  # accounts whose head's role was lowered, "Name (username)"


@dataclass(frozen=True)
class SuccessorGroup:
    successor: str
    dissolved: tuple[Dissolved, ...]

    @property
    def moved(self) -> int:
        return sum(d.moved for d in self.dissolved)

    @property
    def folded(self) -> int:
        return sum(d.folded for d in self.dissolved)

    @property
    def villages(self) -> int:
        return sum(d.villages for d in self.dissolved)


@dataclass(frozen=True)
class DoneRecord:
    record: Restructuring
    groups: tuple[SuccessorGroup, ...]  # an abolition's; empty for a merger

    @property
    def agencies(self) -> int:
        return sum(len(g.dissolved) for g in self.groups)

    @property
    def moved(self) -> int:
        return sum(g.moved for g in self.groups)

    @property
    def folded(self) -> int:
        return sum(g.folded for g in self.groups)

    @property
    def villages(self) -> int:
        return sum(g.villages for g in self.groups)

    @property
    def users(self) -> int:
        return sum(d.users for g in self.groups for d in g.dissolved)

    @property
    def heads(self) -> int:
        return sum(len(d.heads) for g in self.groups for d in g.dissolved)


def _dissolved(entry: dict[str, Any]) -> Dissolved:
    return Dissolved(
        name=str(entry.get("agency", "")),
        moved=len(entry.get("moved", [])),
        folded=len(entry.get("folded", [])),
        villages=len(entry.get("villages", [])),
        users=int(entry.get("users", 0)),
        heads=tuple(str(name) for name in entry.get("heads", [])),
    )


def groups_of(record: Restructuring) -> tuple[SuccessorGroup, ...]:
    """An abolition's agencies by successor, successors and agencies by name."""
    if record.kind != Kind.ABOLISH:
        return ()
    by_successor: dict[str, list[Dissolved]] = {}
    for entry in record.summary.get("agencies", []):
        by_successor.setdefault(str(entry.get("successor", "")), []).append(_dissolved(entry))
    return tuple(
        SuccessorGroup(name, tuple(sorted(found, key=lambda d: d.name)))
        for name, found in sorted(by_successor.items())
    )


def done_records(records: Iterable[Restructuring]) -> list[DoneRecord]:
    return [DoneRecord(record, groups_of(record)) for record in records]


@dataclass(frozen=True)
class LoweredLater:
    """A head lowered to officer by `chiso restructure follow-up` (`user.head_lowered`)."""

    at: dt.datetime
    name: str  # "Full Name (username)", or what the entry recorded of an account since deleted
    note: str


def lowered_later(province: Province) -> list[LoweredLater]:
    """The heads the follow-up lowered in the province, newest first."""
    entries = list(
        AuditEntry.objects.filter(
            province=province,
            action="user.head_lowered",
            content_type=ContentType.objects.get_for_model(User),
        ).order_by("-at", "-id")
    )
    users = User.objects.in_bulk([int(e.object_id) for e in entries if e.object_id.isdigit()])
    found = []
    for entry in entries:
        user = users.get(int(entry.object_id)) if entry.object_id.isdigit() else None
        name = f"{user.get_full_name() or user.username} ({user.username})" if user else ""
        found.append(LoweredLater(entry.at, name or entry.object_repr, entry.note))
    return found
