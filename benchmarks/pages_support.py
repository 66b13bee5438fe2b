"""Helpers for bench_pages.py: which synthetic objects to open, and the p50/p95 summary."""

from __future__ import annotations

import json
import statistics
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from chiso.accounts.models import Role, User
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportState
from chiso.plans.services.reports import review_report, submit_report

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "test-output"
PROVINCE_CODE = "56"  # Khánh Hòa in the synthetic set


@dataclass(frozen=True)
class Targets:
    coordinator: User
    officer: User
    plan: Plan
    assignment: Assignment  # the officer's, open for a new report: the report form is shown


def find_targets() -> Targets | None:
    """The synthetic data set's Khánh Hòa coordinator, plan and a commune officer's assignment."""
    coordinator = User.objects.filter(role=Role.COORDINATOR, province__code=PROVINCE_CODE).first()
    plan = Plan.objects.filter(province__code=PROVINCE_CODE).first()
    if coordinator is None or plan is None:
        return None
    open_assignments = (
        Assignment.objects.filter(province__code=PROVINCE_CODE, completed_on__isnull=True)
        .exclude(reports__state__in=[ReportState.SUBMITTED, ReportState.RETURNED])
        .filter(agency__users__role=Role.AGENCY_OFFICER)
        .order_by("id")
    )
    assignment = open_assignments.first()
    if assignment is None:
        return None
    officer = User.objects.filter(agency_id=assignment.agency_id, role=Role.AGENCY_OFFICER).first()
    assert officer is not None
    return Targets(coordinator, officer, plan, assignment)


class ReviewQueue:
    """The coordinator accepts the plan's waiting reports one by one, oldest first, through the
    review service (audited, the assignment updated, the revisions raised): what happens every
    few seconds on a deadline day. Each call is one real change of the province's data; the
    benchmark's transaction rolls them all back."""

    def __init__(self, targets: Targets) -> None:
        self.coordinator = targets.coordinator
        waiting = ProgressReport.objects.filter(
            assignment__task__plan=targets.plan,
            assignment__parent__isnull=True,
            state=ReportState.SUBMITTED,
        ).exclude(author=targets.coordinator)
        self.waiting = iter(list(waiting.select_related("assignment").order_by("id")[:500]))

    def accept_next(self) -> None:
        report = next(self.waiting)
        review_report(self.coordinator, report, accept=True, version=None)


class SendQueue:
    """Agencies' officers send a report each, on open assignments of the plan with nothing
    waiting, through the reporting service: the other half of a deadline day, and a change that
    moves figures (the agency's latest report, its period's compliance), where an accepted
    monthly report moves none."""

    def __init__(self, targets: Targets) -> None:
        officers = {
            u.agency_id: u
            for u in User.objects.filter(
                province=targets.plan.province, role=Role.AGENCY_OFFICER, agency__isnull=False
            )
        }
        # Nothing waiting, sent back or with the head: the service would refuse a new report.
        pending = (ReportState.SUBMITTED, ReportState.RETURNED, ReportState.AWAITING_HEAD)
        waiting = ProgressReport.objects.filter(state__in=pending).values("assignment_id")
        open_ones = (
            Assignment.objects.filter(
                task__plan=targets.plan,
                parent__isnull=True,
                completed_on__isnull=True,
                agency_id__in=list(officers),
            )
            .exclude(pk__in=waiting)
            .order_by("id")[:500]
        )
        self.sends = iter([(officers[a.agency_id], a) for a in open_ones])

    def send_next(self) -> None:
        officer, assignment = next(self.sends)
        submit_report(officer, assignment, narrative="Báo cáo định kỳ (đo hiệu năng).", progress=50)


@dataclass(frozen=True)
class PageTiming:
    name: str
    url: str
    rounds: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    ratio_p95_to_bare: float | None = None


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0–100) of the raw timings."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5))
    return ordered[min(rank, len(ordered)) - 1]


def timing(name: str, url: str, seconds: list[float]) -> PageTiming:
    ms = [s * 1000 for s in seconds]
    return PageTiming(
        name,
        url,
        len(ms),
        round(statistics.median(ms), 2),
        round(percentile(ms, 95), 2),
        round(max(ms), 2),
    )


def write_summary(timings: list[PageTiming], context: dict[str, Any]) -> list[str]:
    bare = next((t for t in timings if t.name == "bare"), None)
    rows = [
        PageTiming(**{**asdict(t), "ratio_p95_to_bare": round(t.p95_ms / bare.p95_ms, 1)})
        if bare
        else t
        for t in timings
    ]
    lines = [
        f"Page latency on {context.get('database')} ({context.get('data')}), in-process WSGI:",
        f"{'page':<30}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}{'p95/bare':>10}  url",
    ]
    lines += [
        f"{t.name:<30}{t.p50_ms:>10.1f}{t.p95_ms:>10.1f}{t.max_ms:>10.1f}"
        f"{(t.ratio_p95_to_bare or 0):>10.1f}  {t.url}"
        for t in rows
    ]
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "bench_pages.json").write_text(
        json.dumps(
            {"context": context, "pages": [asdict(t) for t in rows]}, indent=2, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    (OUTPUT / "bench_pages.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines
