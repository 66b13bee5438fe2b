"""Known counts on the hand-built plan (tests/dashboards/conftest.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chiso.dashboards import dashboard as dashboard_module
from chiso.dashboards.charts import stacked_segments
from chiso.dashboards.dashboard import build_dashboard
from chiso.dashboards.metrics import (
    StatusCounts,
    ancestors,
    by_section,
    plan_assignments,
    plan_sections,
    status_counts,
)
from chiso.dashboards.tallies import plan_tallies
from chiso.dashboards.weakness import results_year, weak_units_from
from chiso.index import load_papi
from chiso.results.errors import NoResults
from tests.dashboards.conftest import TODAY, PlanData


def counts(**kw: int) -> StatusCounts:
    return StatusCounts(**kw)


@pytest.fixture
def no_results(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing(index: str = "PAPI") -> Any:
        raise NoResults("Chưa nhập kết quả PAPI nào.")

    monkeypatch.setattr(dashboard_module, "load_results", missing)


@pytest.fixture(scope="module")
def papi_results() -> Any:
    from tests.conftest import PAPI_DATA_DIR

    if not Path(PAPI_DATA_DIR).is_dir():
        pytest.fail(f"PAPI data not found at {PAPI_DATA_DIR}")
    return load_papi(PAPI_DATA_DIR)


def test_plan_counts(plan_data: PlanData) -> None:
    got = status_counts(plan_assignments(plan_data.plan), TODAY)
    assert got == counts(done=1, done_late=1, overdue=1, in_progress=1, not_started=3)
    assert got.total == 7 and got.finished == 2
    assert got.on_time_pct == pytest.approx(100 / 7)
    assert got.finished_pct == pytest.approx(200 / 7)


def test_counts_by_agency(plan_data: PlanData) -> None:
    agencies = plan_tallies(plan_data.plan, TODAY).agencies
    rows = {r.name: r for r in agencies}
    assert rows["Sở Nội vụ"].counts == counts(done=1, not_started=1)
    assert rows["UBND thành phố Nha Trang"].counts == counts(overdue=1, in_progress=1)
    assert rows["UBND thành phố Cam Ranh"].counts == counts(done_late=1, not_started=1)
    assert rows["Ủy ban MTTQ Việt Nam tỉnh"].counts == counts(not_started=1)
    assert rows["UBND thành phố Nha Trang"].last_report_at.date().isoformat() == "2023-08-01"
    assert rows["Sở Nội vụ"].last_report_at is None
    # Most overdue first.
    assert agencies[0].name == "UBND thành phố Nha Trang"


def test_counts_by_section(plan_data: PlanData) -> None:
    rows = by_section(plan_sections(plan_data.plan), plan_tallies(plan_data.plan, TODAY).tasks)
    assert [(r.code, r.counts.total) for r in rows] == [("II.1", 4), ("II.2", 2), ("—", 1)]
    assert rows[0].counts == counts(done=1, overdue=1, in_progress=1, not_started=1)
    assert rows[1].counts == counts(done_late=1, not_started=1)


def test_units_roll_up_once_per_assignment(
    plan_data: PlanData, users: dict[str, Any], no_results: None
) -> None:
    dash = build_dashboard(plan_data.plan, users["nhatrang"], TODAY)
    assert dash.mine is not None and dash.mine.counts == counts(overdue=1, in_progress=1)
    units = {r.code: r for b in dash.dimensions for r in (b.dimension, *b.subdimensions)}
    assert units["1.1"].counts == counts(done=1, overdue=1)
    assert units["1"].counts == counts(done=1, overdue=1)  # rolled up from 1.1
    # T2 lists both "2" and "2.4": its two assignments count once for dimension 2.
    assert units["2"].counts == counts(in_progress=1, not_started=1)
    assert units["2"].task_count == 1
    assert units["2.4"].counts.total == 2
    assert units["5"].counts == counts(done_late=1, not_started=1)
    assert units["3"].counts.total == 0 and units["3"].task_count == 0
    # The plan total includes T4, linked to no unit.
    assert dash.counts.total == 7
    assert sum(b.dimension.counts.total for b in dash.dimensions) == 6
    assert dash.weak.year is None and dash.unaddressed == []
    assert [o.status for o in dash.objectives] == []


def test_ancestors() -> None:
    assert ancestors("2.4.1", ["2", "2.4", "3"]) == ["2.4", "2"]
    assert ancestors("9", ["2"]) == []


def test_weak_units_known_answer(plan_data: PlanData, papi_results: Any) -> None:
    """Khánh Hòa 2022 (the plan's baseline): lowest tier 1.4, 3.2, 6.1; weakest ranks 1, 1.2."""
    weak = weak_units_from(papi_results, plan_data.plan)
    assert weak.year == 2022
    assert set(weak.units) == {"1", "1.2", "1.4", "3.2", "6.1"}
    assert weak.units["1.4"].lowest_tier and weak.units["1.4"].rank == 59
    assert not weak.units["1"].lowest_tier and weak.units["1"].weakness
    assert weak.tiers["3"] == ("high", "Cao")


def test_unaddressed_weak_units_flagged(
    plan_data: PlanData, users: dict[str, Any], papi_results: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dashboard_module, "load_results", lambda index="PAPI": papi_results)
    dash = build_dashboard(plan_data.plan, users["coordinator"], TODAY)
    # Dimension 1 is addressed through T1's sub-dimension 1.1; the rest of the weak units not.
    assert [u.code for u in dash.unaddressed] == ["1.2", "1.4", "3.2", "6.1"]
    units = {r.code: r for b in dash.dimensions for r in (b.dimension, *b.subdimensions)}
    assert units["1"].weak is not None and not units["1"].unaddressed
    assert units["1.4"].tier == "low"


def test_results_year_prefers_baseline(plan_data: PlanData) -> None:
    plan = plan_data.plan
    assert results_year(plan, (2021, 2022, 2023)) == 2022
    assert results_year(plan, (2019, 2020)) == 2020
    assert results_year(plan, (2024,)) is None


def test_stacked_segments_scale() -> None:
    segs = stacked_segments(counts(done=1, overdue=3), scale_total=8)
    assert [(s.status, s.x, s.width) for s in segs] == [
        ("done", 0.0, 12.5),
        ("overdue", 12.5, 37.5),
    ]
    assert stacked_segments(StatusCounts()) == []


def test_objective_lines(plan_data: PlanData, papi_results: Any) -> None:
    from decimal import Decimal

    from chiso.dashboards.objectives import objective_lines
    from chiso.plans.models import Objective, ObjectiveKind

    Objective.objects.create(
        plan=plan_data.plan,
        code="1",
        order=1,
        text="PAPI từ 45 điểm",
        kind=ObjectiveKind.AGGREGATE_SCORE_MIN,
        value=Decimal("45"),
    )
    pending = objective_lines(plan_data.plan, None)
    assert [(o.code, o.status, o.label) for o in pending] == [("1", "pending", "Chưa có kết quả")]
    (line,) = objective_lines(plan_data.plan, papi_results)
    # Khánh Hòa 2023: 44,94 points, short of the 45 the plan aims for.
    assert (line.status, line.label, line.tone) == ("not_met", "Chưa đạt", "not_met")
    assert line.summary.startswith("44,94 / 45,00")


def test_pending_objectives_say_where_the_province_stands(plan_data: PlanData) -> None:
    """On 15/08/2023 PAPI 2023 is not out: level objectives read on 2022, change ones do not."""
    from decimal import Decimal

    from chiso.dashboards.objectives import objective_lines
    from chiso.index import Dataset, compute, read_wide
    from chiso.plans.models import Objective, ObjectiveKind
    from tests.conftest import PAPI_DATA_DIR

    full = read_wide(PAPI_DATA_DIR)
    known = [r for r in full.records if r.year <= 2022]
    results = compute(Dataset.build(full.framework, known, source="test"))
    for code, kind, value in [
        ("1", ObjectiveKind.AGGREGATE_SCORE_MIN, Decimal("45")),
        ("2", ObjectiveKind.AGGREGATE_INCREASE_MIN, Decimal("1.56")),
    ]:
        Objective.objects.create(
            plan=plan_data.plan, code=code, order=int(code), text=code, kind=kind, value=value
        )
    score, increase = objective_lines(plan_data.plan, results)
    assert (score.status, increase.status) == ("pending", "pending")
    # Khánh Hòa 2022: 43,44 points, 1,56 short of 45 (the seed's baseline).
    assert score.standing == "Theo kết quả năm 2022: 43,44 / 45,00 — thiếu 1,56 điểm"
    assert increase.standing == ""


def test_status_counts_fields_are_the_statuses() -> None:
    """The tallies index StatusCounts by FIELDS: each field must be a status, in field order."""
    from dataclasses import fields

    from chiso.dashboards.metrics import FIELDS
    from chiso.plans.status import Status

    assert tuple(f.name for f in fields(StatusCounts)) == FIELDS
    assert set(FIELDS) == set(Status.values)
    assert counts(done=2, overdue=1) + counts(done=1, not_started=4) == counts(
        done=3, overdue=1, not_started=4
    )
    assert StatusCounts.from_mapping({"overdue": 2, "done_late": 1}).total == 3


def test_sections_and_plan_total_come_from_the_task_counts(plan_data: PlanData) -> None:
    tasks = plan_tallies(plan_data.plan, TODAY).tasks
    t = plan_data.tasks
    assert tasks.per_task[t["1"].pk] == counts(done=1, overdue=1)
    assert tasks.section_of[t["4"].pk] is None
    assert tasks.total == status_counts(plan_assignments(plan_data.plan), TODAY)
    assert (
        sum((r.counts for r in by_section(plan_sections(plan_data.plan), tasks)), StatusCounts())
        == tasks.total
    )


def test_overdue_and_due_soon_follow_the_status_rule(plan_data: PlanData) -> None:
    """overdue() filters on the columns (for the index); it must pick exactly the assignments
    whose derived status is "quá hạn", and due_soon() only open ones."""
    import datetime as dt

    from chiso.dashboards.deadlines import due_soon, overdue
    from chiso.plans.models import Assignment
    from chiso.plans.status import Status

    every = plan_assignments(plan_data.plan)
    for day in (dt.date(2023, 6, 1), TODAY, dt.date(2023, 8, 25), dt.date(2024, 1, 1)):
        expected = {a.pk for a in every if a.status(day) == Status.OVERDUE}
        assert {a.pk for a in overdue(Assignment.objects.all(), day)} == expected
        assert all(a.current_status == Status.OVERDUE for a in overdue(every, day))
        soon = list(due_soon(Assignment.objects.all(), day, 366))
        assert all(a.completed_on is None and a.deadline >= day for a in soon)


def test_status_bar_markup() -> None:
    from chiso.dashboards.templatetags.dashboard_tags import status_bar

    bar = str(status_bar(counts(done=1, overdue=3), scale=8, height=10))
    assert bar.startswith('<svg class="status-bar" viewBox="0 0 100 10"')
    assert 'aria-label="Hoàn thành: 1; Quá hạn: 3"' in bar
    assert (
        '<rect class="seg seg--overdue" fill="#b42318" x="12.500" y="0" width="37.500"'
        ' height="10"><title>Quá hạn: 3</title></rect>'
    ) in bar
    empty = str(status_bar(StatusCounts()))
    assert 'aria-label="Chưa có phân công"' in empty and "seg--" not in empty


def test_province_profile_computed_once_per_results(
    papi_results: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from chiso.dashboards.weakness import province_profile

    first = province_profile(papi_results, "56", 2022)
    calls: list[tuple[str, int]] = []
    monkeypatch.setattr(
        type(papi_results), "profile", lambda self, code, year: calls.append((code, year))
    )
    assert province_profile(papi_results, "56", 2022) is first
    assert calls == []
    province_profile(papi_results, "56", 2021)
    assert calls == [("56", 2021)]


def test_conditional_counts_follow_the_status_rule(plan_data: PlanData) -> None:
    """The counts per status come from filtered counts (no CASE to group on, issue 19): on any
    day they are the statuses `derive_status` gives each assignment, per agency, per task and in
    all. The plan's rows cover every status, a period due and no deadline at all."""
    import datetime as dt
    from collections import Counter

    from chiso.plans.models import Assignment

    Assignment.objects.filter(pk=plan_data.assignments["t2_cr"].pk).update(
        period_due=dt.date(2023, 7, 31)
    )
    every = list(plan_assignments(plan_data.plan))
    for day in (dt.date(2023, 6, 1), TODAY, dt.date(2023, 8, 25), dt.date(2024, 1, 1)):

        def expected(key: str, day: dt.date = day) -> dict[Any, StatusCounts]:
            tally: dict[Any, Counter[str]] = {}
            for a in every:
                tally.setdefault(getattr(a, key), Counter())[a.status(day).value] += 1
            return {k: StatusCounts.from_mapping(c) for k, c in tally.items()}

        tallies = plan_tallies(plan_data.plan, day)
        assert {r.agency_id: r.counts for r in tallies.agencies} == expected("agency_id")
        assert tallies.tasks.per_task == expected("task_id")
        assert status_counts(plan_assignments(plan_data.plan), day) == sum(
            expected("task_id").values(), StatusCounts()
        )
