"""The dashboard's counts kept per task (chiso.dashboards.tallies): the same figures as counting
the plan whole, and after a change only the changed task is counted again."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest
from django.core.cache import cache

from chiso.audit.services import raise_revision, revision_of
from chiso.dashboards.metrics import StatusCounts, TaskCounts, plan_assignments
from chiso.dashboards.tallies import PlanTallies, plan_tallies
from chiso.plans.compliance import current_compliance
from chiso.plans.models import Assignment, Plan, ReportPeriod, task_scope
from tests.dashboards.conftest import TODAY, PlanData

DAYS = (dt.date(2023, 6, 1), TODAY, dt.date(2023, 8, 25), dt.date(2024, 1, 1))


def _kept(plan: Plan, day: dt.date, shared: int) -> PlanTallies:
    """The tallies as the dashboard reads them: kept, with the province's data revision read
    first."""
    return plan_tallies(plan, day, shared, revision_of(plan.province_id))


def _periods(plan_data: PlanData) -> None:
    """Quarterly periods on three assignments: sent on time, sent late, not sent."""
    sent = {"t1_nt": dt.date(2023, 6, 28), "t2_cr": dt.date(2023, 7, 5), "t3_mttq": None}
    for key, submitted in sent.items():
        a = plan_data.assignments[key]
        for starts, due in (
            (dt.date(2023, 4, 1), dt.date(2023, 6, 30)),
            (dt.date(2023, 7, 1), dt.date(2023, 9, 30)),
        ):
            ReportPeriod.objects.create(
                province_id=a.province_id,
                assignment=a,
                starts_on=starts,
                due_on=due,
                submitted_on=submitted if due.month == 6 else None,
            )


def _expected(
    plan_data: PlanData, day: dt.date
) -> tuple[dict[int, StatusCounts], dict[int, StatusCounts]]:
    every = list(plan_assignments(plan_data.plan))
    by: dict[str, dict[int, Counter[str]]] = {"task_id": {}, "agency_id": {}}
    for key, tally in by.items():
        for a in every:
            tally.setdefault(getattr(a, key), Counter())[a.status(day).value] += 1
    task, agency = ({k: StatusCounts.from_mapping(c) for k, c in t.items()} for t in by.values())
    return task, agency


def _check(plan_data: PlanData, got: PlanTallies, day: dt.date) -> None:
    tasks, agencies = _expected(plan_data, day)
    assert got.tasks.per_task == tasks
    assert {r.agency_id: r.counts for r in got.agencies} == agencies
    latest = {}
    for a in plan_assignments(plan_data.plan):
        if a.last_report_at is not None:
            latest[a.agency_id] = max(a.last_report_at, latest.get(a.agency_id, a.last_report_at))
    assert {r.agency_id: r.last_report_at for r in got.agencies if r.last_report_at} == latest
    every = Assignment.objects.filter(task__plan=plan_data.plan)
    assert got.compliance == current_compliance(every, day)
    assert got.tasks.total == sum(tasks.values(), StatusCounts())
    summed = TaskCounts(got.tasks.per_task, got.tasks.section_of)  # summed again, not kept
    assert got.tasks.per_section() == summed.per_section()
    # The figures' digest, however they were reached, is the plan counted whole's.
    assert got.digest == plan_tallies(plan_data.plan, day).digest


@pytest.mark.parametrize("day", DAYS)
def test_it_counts_by_the_status_and_compliance_rules(plan_data: PlanData, day: dt.date) -> None:
    _periods(plan_data)
    Assignment.objects.filter(pk=plan_data.assignments["t2_cr"].pk).update(
        period_due=dt.date(2023, 7, 31)
    )
    _check(plan_data, plan_tallies(plan_data.plan, day), day)
    _check(plan_data, _kept(plan_data.plan, day, 1), day)


def test_a_change_recounts_only_its_task(
    plan_data: PlanData, django_assert_num_queries: Any
) -> None:
    _periods(plan_data)
    plan, a = plan_data.plan, plan_data.assignments
    _kept(plan, TODAY, 1)
    # Nothing changed: which tasks changed, only.
    number = revision_of(plan.province_id)
    with django_assert_num_queries(1):
        plan_tallies(plan, TODAY, 1, number)
    # Task 3's assignment finished and its period sent, counted with its counter raised.
    Assignment.objects.filter(pk=a["t3_mttq"].pk).update(completed_on=dt.date(2023, 8, 10))
    ReportPeriod.objects.filter(assignment=a["t3_mttq"]).update(submitted_on=dt.date(2023, 6, 29))
    raise_revision(plan.province, scope=task_scope(a["t3_mttq"].task_id))
    # A change to task 1 made outside the audited services (no counter raised) is not seen
    # until the state's backstop: only the changed task is counted again.
    Assignment.objects.filter(pk=a["t1_nt"].pk).update(completed_on=dt.date(2023, 8, 1))
    number = revision_of(plan.province_id)
    with django_assert_num_queries(2):  # the changed tasks; task 3's rows with their periods
        got = plan_tallies(plan, TODAY, 1, number)
    front = next(r for r in got.agencies if r.agency_id == plan_data.front.pk)
    assert front.counts == StatusCounts(done=1)
    assert got.tasks.per_task[a["t1_nt"].task_id] == StatusCounts(done=1, overdue=1)
    assert [c.agency_name for c in got.compliance if c.missing] == []
    # A new shared counter (or an emptied cache) counts the plan whole.
    _check(plan_data, _kept(plan, TODAY, 2), TODAY)
    cache.clear()
    _check(plan_data, _kept(plan, TODAY, 2), TODAY)


def test_an_agencys_latest_report_follows_new_reports_and_removed_assignments(
    plan_data: PlanData,
) -> None:
    """A report only moves an assignment's latest report forward; an agency's latest goes back
    only when the assignment holding it leaves (then it is looked up again)."""
    plan, a = plan_data.plan, plan_data.assignments
    nha_trang = plan_data.nha_trang.pk
    at = dt.datetime(2023, 8, 1, 9, tzinfo=dt.UTC)
    Assignment.objects.filter(pk=a["t2_nt"].pk).update(last_report_at=at - dt.timedelta(days=3))

    def latest() -> dt.datetime | None:
        got = _kept(plan, TODAY, 1)
        _check(plan_data, got, TODAY)
        return next(r.last_report_at for r in got.agencies if r.agency_id == nha_trang)

    assert latest() == at - dt.timedelta(days=3)
    Assignment.objects.filter(pk=a["t1_nt"].pk).update(last_report_at=at)
    raise_revision(plan.province, scope=task_scope(a["t1_nt"].task_id))
    assert latest() == at
    Assignment.objects.filter(pk=a["t1_nt"].pk).delete()
    raise_revision(plan.province, scope=task_scope(a["t1_nt"].task_id))
    assert latest() == at - dt.timedelta(days=3)


def test_a_removed_assignment_leaves_no_empty_row(plan_data: PlanData) -> None:
    plan, a = plan_data.plan, plan_data.assignments
    _kept(plan, TODAY, 1)
    task = a["t3_mttq"].task_id
    Assignment.objects.filter(pk=a["t3_mttq"].pk).delete()
    raise_revision(plan.province, scope=task_scope(task))
    got = _kept(plan, TODAY, 1)
    assert plan_data.front.pk not in {r.agency_id for r in got.agencies}
    assert got.tasks.per_task[task].total == 1  # Cam Ranh's, left
    _check(plan_data, got, TODAY)


def test_the_digest_moves_with_the_figures_only(plan_data: PlanData) -> None:
    """The dashboard's counts and tables are cached under the digest: a change that moves no
    figure keeps it, one that does (a status, a latest report) moves it."""
    plan, a = plan_data.plan, plan_data.assignments
    first = _kept(plan, TODAY, 1).digest
    raise_revision(plan.province, scope=task_scope(a["t1_nt"].task_id))  # counted again, same
    assert _kept(plan, TODAY, 1).digest == first
    Assignment.objects.filter(pk=a["t1_nt"].pk).update(completed_on=dt.date(2023, 8, 1))
    raise_revision(plan.province, scope=task_scope(a["t1_nt"].task_id))
    done = _kept(plan, TODAY, 1).digest
    assert done != first
    at = dt.datetime(2023, 8, 2, 9, tzinfo=dt.UTC)
    Assignment.objects.filter(pk=a["t1_nt"].pk).update(last_report_at=at)
    raise_revision(plan.province, scope=task_scope(a["t1_nt"].task_id))
    assert _kept(plan, TODAY, 1).digest not in {first, done}
