"""The synthetic national data set: counts as asked, every report state, valid revision chains,
repeatable with a seed, and refused on a database that already has a workspace."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.demo.synthetic import SyntheticSpec, generate
from chiso.index.provinces import provinces_34
from chiso.plans.models import Assignment, ProgressReport, ReportState, Task

pytestmark = pytest.mark.django_db
SMALL = SyntheticSpec(provinces=3, communes=30, tasks=90, reports=200, seed=7)


def test_counts_and_shape() -> None:
    summary = generate(SMALL)
    assert summary.provinces == Province.objects.count() == 3
    assert Agency.objects.filter(kind=AgencyKind.COMMUNE_COMMITTEE).count() == 30
    assert summary.tasks == Task.objects.count() == 90
    assert summary.reports == ProgressReport.objects.count() == 200
    assert summary.assignments == Assignment.objects.count() >= 90
    states = set(ProgressReport.objects.values_list("state", flat=True))
    assert states == {ReportState.SUBMITTED, ReportState.ACCEPTED, ReportState.RETURNED}
    names = sorted(Province.objects.values_list("name", flat=True))
    assert names == sorted(p.name for p in provinces_34()[:3])


def test_report_chains_follow_the_review_rules() -> None:
    generate(SMALL)
    for revision in ProgressReport.objects.filter(revises__isnull=False).select_related("revises"):
        assert revision.revises.state == ReportState.RETURNED
        assert revision.revises.assignment_id == revision.assignment_id
        assert revision.submitted_at > revision.revises.submitted_at
    # At most one report waits for review per assignment, and it is the latest one.
    for assignment in Assignment.objects.filter(reports__state=ReportState.SUBMITTED).distinct():
        reports = list(assignment.reports.order_by("submitted_at"))
        assert [r.state for r in reports].count(ReportState.SUBMITTED) == 1
        assert reports[-1].state == ReportState.SUBMITTED
        assert assignment.last_report_at == reports[-1].submitted_at
        assert assignment.started_on == timezone.localdate(reports[0].submitted_at)
    assert {r.submitted_at.year for r in ProgressReport.objects.all()} == {2023}
    done = Assignment.objects.filter(completed_on__isnull=False)
    assert done.exists()
    assert all(a.reports.filter(is_final=True, state=ReportState.ACCEPTED).exists() for a in done)


def test_same_seed_same_data() -> None:
    def run() -> list[tuple[str, int, str]]:
        with transaction.atomic():
            generate(SMALL)
            # Sorted on every column compared: two agencies may send the same words at once.
            rows = ProgressReport.objects.order_by(
                "submitted_at", "narrative", "progress", "state", "assignment__agency__name"
            )
            found = list(rows.values_list("state", "progress", "assignment__agency__name"))
            transaction.set_rollback(True)
        return found

    assert run() == run()


def test_command_and_refusal_on_a_used_database() -> None:
    out = StringIO()
    call_command(
        "generate_synthetic",
        "--provinces",
        "2",
        "--communes",
        "4",
        "--tasks",
        "10",
        "--reports",
        "12",
        "--seed",
        "3",
        stdout=out,
    )
    assert "2 tỉnh" in out.getvalue() and "12 báo cáo" in out.getvalue()
    with pytest.raises(CommandError, match="chiso_bench"):
        call_command("generate_synthetic", "--provinces", "1", stdout=StringIO())
    with pytest.raises(CommandError, match="1–34"):
        call_command("generate_synthetic", "--provinces", "40", stdout=StringIO())


def test_periods_and_notifications_of_the_reporting_loop() -> None:
    """Tasks that report by period have their periods on every assignment, with period_due the
    earliest period with nothing sent; each report left the notification the loop sends."""
    import datetime as dt

    from chiso.notifications.models import Kind, Notification
    from chiso.plans.models import ReportPeriod, ReportSchedule

    summary = generate(SMALL)
    scheduled = Task.objects.exclude(report_schedule="")
    assert set(scheduled.values_list("report_schedule", flat=True)) == {
        ReportSchedule.QUARTERLY,
        ReportSchedule.DATES,
    }
    assert summary.periods == ReportPeriod.objects.count() > 0
    for assignment in Assignment.objects.filter(task__in=scheduled).prefetch_related("periods"):
        periods = list(assignment.periods.all())
        assert periods, assignment
        open_dues = [p.due_on for p in periods if p.submitted_on is None]
        assert assignment.period_due == (min(open_dues) if open_dues else None)
        for p in periods:
            assert p.submitted_on is None or p.submitted_on <= dt.date(2023, 8, 15)
            assert p.accepted_on is None or p.submitted_on is not None
    dated = scheduled.filter(report_schedule=ReportSchedule.DATES).first()
    if dated is not None:
        dues = {p.due_on for p in ReportPeriod.objects.filter(assignment__task=dated)}
        assert dues == {dt.date(2023, 6, 30), dt.date(2023, 9, 29)}

    assert summary.notifications == Notification.objects.count()
    waiting = ProgressReport.objects.filter(state=ReportState.SUBMITTED)
    told = Notification.objects.filter(kind=Kind.REPORT_SUBMITTED)
    assert told.count() == waiting.exclude(author__role="coordinator").count()
    assert all(n.recipient.role == "coordinator" for n in told.select_related("recipient"))
    returned = Notification.objects.filter(kind=Kind.REPORT_RETURNED).select_related("recipient")
    assert returned.count() == ProgressReport.objects.filter(state=ReportState.RETURNED).count()
    for note in Notification.objects.select_related("recipient")[:50]:
        report = ProgressReport.objects.get(pk=int(note.key.split(":")[1]))
        assert note.url.endswith(f"#bao-cao-{report.pk}")
        assert note.read_at is None or note.read_at > note.created_at
