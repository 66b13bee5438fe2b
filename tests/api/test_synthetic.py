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
            rows = ProgressReport.objects.order_by("submitted_at", "narrative", "progress")
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
