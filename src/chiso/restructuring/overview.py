"""What `/sap-xep/` lists of each restructuring done, short enough for a phone: an abolition's
agencies grouped by the successor they went to (the page folds each group in a <details>), with
the totals of the operation and of each group, read from the record's summary (older records
without villages or accounts count them as 0)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chiso.restructuring.models import Kind, Restructuring


@dataclass(frozen=True)
class Dissolved:
    name: str
    moved: int  # open assignments moved as they were
    folded: int  # parts folded into the successor's
    villages: int
    users: int


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


def _dissolved(entry: dict[str, Any]) -> Dissolved:
    return Dissolved(
        name=str(entry.get("agency", "")),
        moved=len(entry.get("moved", [])),
        folded=len(entry.get("folded", [])),
        villages=len(entry.get("villages", [])),
        users=int(entry.get("users", 0)),
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
