"""What the supervision loop does when the plan workspace reports a change (chiso.plans.signals):
a difficulty written in a progress report becomes a tracked item, and the accepted report that
finishes a direction's follow-up completes the direction, in the report's transaction."""

from __future__ import annotations

from typing import Any

from chiso.plans import signals
from chiso.plans.models import ProgressReport

TITLE_CHARS = 120


def summary_of(text: str) -> str:
    """The item's title: the text's first line, cut at a word near TITLE_CHARS."""
    first = text.strip().splitlines()[0].strip()
    if len(first) <= TITLE_CHARS:
        return first
    return first[:TITLE_CHARS].rsplit(" ", 1)[0] + "…"


def on_report_submitted(
    sender: Any, report: ProgressReport, difficulty: str = "", **kwargs: Any
) -> None:
    if not difficulty.strip():
        return
    from chiso.supervision.services import raise_difficulty

    assignment = report.assignment
    raise_difficulty(
        report.author,
        assignment.task.plan,
        title=summary_of(difficulty),
        text=difficulty,
        assignment=assignment,
        report=report,
    )


def on_report_reviewed(sender: Any, report: ProgressReport, accepted: bool, **kwargs: Any) -> None:
    """An accepted final report may finish the last part of a direction's follow-up task."""
    if not accepted or not report.is_final or report.reviewer is None:
        return
    from chiso.supervision.services import complete_if_done

    complete_if_done(report.reviewer, report.assignment.task_id)


def connect() -> None:
    signals.report_submitted.connect(on_report_submitted, dispatch_uid="supervision-difficulty")
    signals.report_reviewed.connect(on_report_reviewed, dispatch_uid="supervision-direction")
