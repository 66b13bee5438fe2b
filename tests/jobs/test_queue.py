"""The database queue: jobs written with the transaction that asked for them, run by
`chiso worker`, retried with a delay, given up after the last attempt, recovered when their
worker died."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from chiso.jobs.queue import ATTEMPT, retry_delay
from chiso.jobs.schedule import enqueue_daily
from tests.jobs import sample_jobs

pytestmark = pytest.mark.django_db


def test_a_job_runs_in_the_worker_and_keeps_its_result(run_jobs: Any) -> None:
    sample_jobs.flaky.enqueue("An")
    row = DBTaskResult.objects.get()
    assert (row.status, row.queue_name) == (TaskResultStatus.READY, "default")
    run_jobs()
    row.refresh_from_db()
    assert (row.status, row.return_value) == (TaskResultStatus.SUCCESSFUL, "hello An")


def test_a_rolled_back_request_leaves_no_job() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        sample_jobs.flaky.enqueue("Bình")
        raise RuntimeError("the request failed")
    assert not DBTaskResult.objects.exists()


def test_a_failure_is_retried_later_then_succeeds(run_jobs: Any) -> None:
    cache.set("fail-Chi", 1)
    sample_jobs.flaky.enqueue("Chi")
    run_jobs()
    failed, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert failed.status == TaskResultStatus.FAILED and "mail server down" in failed.traceback
    assert retry.status == TaskResultStatus.READY
    assert retry.args_kwargs == {"args": ["Chi"], "kwargs": {ATTEMPT: 2}}
    assert retry.run_after > timezone.now() + dt.timedelta(seconds=50)  # not before its delay
    run_jobs()
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.READY
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_jobs()
    retry.refresh_from_db()
    assert (retry.status, retry.return_value) == (TaskResultStatus.SUCCESSFUL, "hello Chi")


def test_after_the_last_attempt_the_job_gives_up(run_jobs: Any) -> None:
    sample_jobs.GIVEN_UP.clear()
    cache.set("fail-Dũng", 5)
    sample_jobs.flaky.enqueue("Dũng")
    run_jobs()
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())
    run_jobs()
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == [
        TaskResultStatus.FAILED,
        TaskResultStatus.FAILED,
    ]
    assert sample_jobs.GIVEN_UP == ["Dũng: mail server down (4)"]


def test_an_error_that_is_not_transient_is_not_retried(run_jobs: Any) -> None:
    sample_jobs.broken.enqueue()
    run_jobs()
    row = DBTaskResult.objects.get()
    assert (
        row.status == TaskResultStatus.FAILED and row.exception_class_path == "builtins.ValueError"
    )


def test_a_job_whose_worker_died_is_run_again(settings: Any, run_jobs: Any) -> None:
    settings.CHISO_JOB_TIMEOUT = 600
    sample_jobs.flaky.enqueue("Giang")
    long_ago = timezone.now() - dt.timedelta(hours=1)
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=["dead"]
    )
    sample_jobs.flaky.enqueue("Hà")
    DBTaskResult.objects.filter(args_kwargs__args=["Hà"]).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["alive"]
    )
    run_jobs()
    ran = DBTaskResult.objects.get(args_kwargs__args=["Giang"])
    assert ran.status == TaskResultStatus.SUCCESSFUL and len(ran.worker_ids) == 2
    still = DBTaskResult.objects.get(args_kwargs__args=["Hà"])
    assert still.status == TaskResultStatus.RUNNING  # its worker may still be on it


def test_retry_delays_grow_and_are_capped() -> None:
    assert [retry_delay(n, 30).total_seconds() for n in (1, 2, 3)] == [30, 60, 120]
    assert retry_delay(20, 30) == dt.timedelta(hours=1)


def test_daily_jobs_are_enqueued_and_run(mailoutbox: Any, run_jobs: Any) -> None:
    assert enqueue_daily() == ["send_daily_reminders", "send_daily_notifications"]
    rows = list(DBTaskResult.objects.all())
    assert {row.queue_name for row in rows} == {"mail"}
    run_jobs()
    for row in rows:
        row.refresh_from_db()
        assert (row.status, row.return_value) == (TaskResultStatus.SUCCESSFUL, 0)


def test_enqueue_daily_command(capsys: Any) -> None:
    call_command("enqueue_daily")
    assert "queued send_daily_reminders" in capsys.readouterr().out
