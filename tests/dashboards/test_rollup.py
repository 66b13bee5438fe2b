"""The units table's roll-up (chiso.dashboards.rollup): known answers, and a kept roll-up moved
by the changed tasks gives what a fresh one gives."""

from __future__ import annotations

from chiso.dashboards.metrics import StatusCounts
from chiso.dashboards.rollup import by_unit, kept_rollup

CODES = ["1", "1.1", "1.2", "2", "2.4"]
# Task 10 names 1.1 and 1.2 (counted once for dimension 1), task 11 names an indicator under
# 2.4, task 12 names dimension 1 itself, task 13 names nothing the framework knows.
LINKS = [(10, "1.1"), (10, "1.2"), (11, "2.4.1"), (12, "1"), (13, "9.9")]


def test_it_rolls_up_each_task_once_per_unit() -> None:
    per_task = {10: StatusCounts(done=2), 11: StatusCounts(overdue=1), 12: StatusCounts(done=1)}
    got = by_unit(LINKS, per_task, CODES)
    assert got["1"].tasks == {10, 12} and got["1"].counts == StatusCounts(done=3)
    assert got["1.1"].counts == got["1.2"].counts == StatusCounts(done=2)
    assert got["2"].counts == got["2.4"].counts == StatusCounts(overdue=1)
    assert got["2.4"].tasks == {11}


def test_a_kept_rollup_moves_only_by_changed_tasks() -> None:
    key = ("test-plan", "PAPI")
    per_task = {10: StatusCounts(done=2), 11: StatusCounts(overdue=1), 12: StatusCounts(done=1)}
    assert kept_rollup(key, LINKS, per_task, CODES) == by_unit(LINKS, per_task, CODES)
    # Task 11 reported (a new object), task 12 lost its assignments, task 10 unchanged.
    moved = {10: per_task[10], 11: StatusCounts(done_late=1)}
    assert kept_rollup(key, LINKS, moved, CODES) == by_unit(LINKS, moved, CODES)
    # Other links: counted afresh.
    links = [*LINKS, (13, "2")]
    more = {**moved, 13: StatusCounts(in_progress=4)}
    got = kept_rollup(key, links, more, CODES)
    assert got == by_unit(links, more, CODES)
    assert got["2"].counts == StatusCounts(done_late=1, in_progress=4)
