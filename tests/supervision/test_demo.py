"""The demo's supervision loop as of 15/08/2023 (all illustrative, marked so)."""

from __future__ import annotations

import datetime as dt

import pytest

from chiso.demo import activities2023, loop2023, organisations, plan2023, supervision2023
from chiso.plans.models import ReportSchedule, Task
from chiso.supervision.listing import counts, direction_counts
from chiso.supervision.models import Difficulty, Direction, Feedback, FeedbackState, Kind

pytestmark = pytest.mark.django_db
TODAY = dt.date(2023, 8, 15)


def test_demo_supervision_loop_is_complete_marked_and_idempotent() -> None:
    said: list[str] = []
    for _ in range(2):
        for step in (organisations, plan2023, activities2023, loop2023, supervision2023):
            step.load(said.append)
    assert "bỏ qua" in said[-1]
    figures = counts(Difficulty.objects.all(), TODAY)
    assert (figures.open, figures.overdue, figures.escalated, figures.resolved) == (4, 1, 0, 2)
    assert Difficulty.objects.filter(kind=Kind.RECOMMENDATION).count() == 2
    done = direction_counts(Direction.objects.all(), TODAY)
    assert (done.given, done.done, done.done_late, done.in_progress) == (2, 0, 1, 1)
    assert set(Feedback.objects.values_list("state", flat=True)) == set(FeedbackState.values)
    texts = [*Difficulty.objects.values_list("title", flat=True)]
    texts += [*Feedback.objects.values_list("text", flat=True)]
    texts += [*Direction.objects.values_list("content", flat=True)]
    assert all(text.endswith("(minh họa)") for text in texts)
    segment = Task.objects.get(section__code="II.2", code="c.2", plan__year=2023)
    assert segment.report_schedule == ReportSchedule.MONTHLY
    assert segment.assignments.get().periods.exists()
