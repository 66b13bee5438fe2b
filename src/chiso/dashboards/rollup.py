"""The units table's roll-up: each unit's tasks (a task naming the unit or a unit below it,
counted once) and the sum of their status counts.

A report changes one task's counts, so each process keeps, per plan and index, the last
roll-up with the counts it summed; the next one moves only the units of the tasks whose counts
are no longer the same objects (chiso.dashboards.tallies hands on an unchanged task's
`StatusCounts` as is). A roll-up is kept only while its links and codes are the same.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable, Mapping

from chiso.dashboards.metrics import StatusCounts, UnitCounts, ancestors

# Plans and indices whose roll-up a process keeps (the least recently used is dropped).
KEPT = 64


class UnitRollup:
    """The roll-up of one plan's task–unit links over the framework's `codes`."""

    def __init__(self, links: list[tuple[int, str]], codes: list[str]) -> None:
        self.links = links
        self.codes = codes
        known = set(codes)
        above: dict[str, list[str]] = {}
        self.units_of: dict[int, set[str]] = {}
        for task_id, code in links:
            found = above.get(code)
            if found is None:
                found = above[code] = ancestors(code, known)
            self.units_of.setdefault(task_id, set()).update(found)
        tasks_of: dict[str, set[int]] = {c: set() for c in codes}
        for task_id, units in self.units_of.items():
            for unit in units:
                tasks_of[unit].add(task_id)
        self.tasks_of = {code: frozenset(ids) for code, ids in tasks_of.items()}
        self.summed: dict[int, StatusCounts] = {}
        self.sums: dict[str, list[int]] = {c: [0, 0, 0, 0, 0] for c in codes}

    def counted(self, per_task: Mapping[int, StatusCounts]) -> dict[str, UnitCounts]:
        """The roll-up of `per_task`, moved from the last one by the tasks that changed."""
        changed = {t for t in self.units_of if per_task.get(t) is not self.summed.get(t)}
        for task_id in changed:
            before, after = self.summed.get(task_id), per_task.get(task_id)
            for unit in self.units_of[task_id]:
                _move(self.sums[unit], before, -1)
                _move(self.sums[unit], after, 1)
            if after is None:
                self.summed.pop(task_id, None)
            else:
                self.summed[task_id] = after
        return {
            code: UnitCounts(self.tasks_of[code], StatusCounts(*self.sums[code]))
            for code in self.codes
        }


def _move(row: list[int], counts: StatusCounts | None, sign: int) -> None:
    if counts is None:
        return
    row[0] += sign * counts.not_started
    row[1] += sign * counts.in_progress
    row[2] += sign * counts.done
    row[3] += sign * counts.done_late
    row[4] += sign * counts.overdue


def by_unit(
    links: list[tuple[int, str]], per_task: Mapping[int, StatusCounts], unit_codes: Iterable[str]
) -> dict[str, UnitCounts]:
    """Counts per unit code with roll-up, computed afresh."""
    return UnitRollup(links, list(unit_codes)).counted(per_task)


_lock = threading.Lock()
_kept: OrderedDict[tuple[object, ...], UnitRollup] = OrderedDict()


def kept_rollup(
    key: tuple[object, ...],
    links: list[tuple[int, str]],
    per_task: Mapping[int, StatusCounts],
    codes: list[str],
) -> dict[str, UnitCounts]:
    """`by_unit`, moved from this process's last roll-up under `key` (plan and index) when its
    links and codes are the same."""
    with _lock:
        rollup = _kept.pop(key, None)
        if rollup is None or rollup.links != links or rollup.codes != codes:
            rollup = UnitRollup(links, codes)
        _kept[key] = rollup
        while len(_kept) > KEPT:
            _kept.popitem(last=False)
        return rollup.counted(per_task)
