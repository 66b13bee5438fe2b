"""Documents on the real queue: the request writes the job, `chiso worker` generates the file;
LibreOffice failures are retried, then reported; LibreOffice runs are bounded per machine."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from chiso.accounts.models import Role
from chiso.documents import services
from chiso.documents.models import DocumentJob, JobState
from chiso.documents.pdf import PdfUnavailable, conversion_slot
from chiso.documents.services import request_document
from chiso.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(make_user: Any, province: Any, agencies: dict[str, Any]) -> Any:
    return make_user("snv", Role.COORDINATOR, province, agencies["home"])


def test_the_worker_generates_a_requested_document(
    coordinator: Any, plan: Plan, run_jobs: Any
) -> None:
    job = request_document(coordinator, "annex", "xlsx", plan=plan)
    queued = DBTaskResult.objects.get()
    assert queued.queue_name == "documents" and queued.args_kwargs["args"] == [job.pk]
    job.refresh_from_db()
    assert job.state == JobState.QUEUED
    run_jobs("documents")
    job.refresh_from_db()
    assert (job.state, job.filename) == (JobState.DONE, "phu-luc-phan-cong-2023.xlsx")
    assert job.file.read()[:2] == b"PK"


def test_libreoffice_failures_are_retried_then_reported(
    coordinator: Any, plan: Plan, monkeypatch: pytest.MonkeyPatch, run_jobs: Any
) -> None:
    def crash(*args: Any) -> None:
        raise PdfUnavailable("LibreOffice không chuyển được sang PDF: crashed")

    monkeypatch.setattr(services, "_generate", crash)
    job = request_document(coordinator, "annex", "xlsx", plan=plan)
    for attempt in range(3):
        run_jobs("documents")
        job.refresh_from_db()
        if attempt < 2:
            assert job.state == JobState.QUEUED and job.step.startswith("Sẽ thử lại")
        DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
    assert job.state == JobState.FAILED and "crashed" in job.error
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 3
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.FAILED).exists()
    assert DocumentJob.objects.count() == 1


def test_libreoffice_runs_are_bounded_per_machine(settings: Any, tmp_path: Any) -> None:
    settings.CHISO_LOCK_DIR = tmp_path
    with conversion_slot(slots=2) as first, conversion_slot(slots=2) as second:
        assert (first, second) == (0, 1)
        with pytest.raises(PdfUnavailable, match="bận"), conversion_slot(slots=2, wait_seconds=0):
            pass
    with conversion_slot(slots=2) as again:  # released
        assert again == 0
