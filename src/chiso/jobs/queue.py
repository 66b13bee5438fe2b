"""Defining and enqueueing background jobs (django-tasks, database backend).

`background_job` is django-tasks' `@task` plus retries: when the job raises one of `retry_on`
and attempts remain, the same job is enqueued again with an exponential delay, and the failed try
stays recorded (with its traceback) in the queue table. After the last attempt `on_give_up` runs
(e.g. to mark a document request failed) and the job fails for good.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from typing import Any

from django.utils import timezone
from django_tasks import task
from django_tasks.base import Task

log = logging.getLogger(__name__)

# Carried in the job's kwargs between attempts; stripped before the job function is called.
ATTEMPT = "_chiso_attempt"


class Queue:
    """The queues `chiso worker` serves (`settings.TASKS["default"]["QUEUES"]`)."""

    DEFAULT = "default"
    DOCUMENTS = "documents"  # DOCX/PDF generation: heavy, LibreOffice-bound
    MAIL = "mail"  # reminders, notifications, digests

    ALL = (DEFAULT, DOCUMENTS, MAIL)


def retry_delay(attempt: int, base_seconds: int) -> dt.timedelta:
    """Wait before attempt `attempt + 1`: base, 2×base, 4×base, … capped at one hour."""
    return dt.timedelta(seconds=min(base_seconds * 2 ** (attempt - 1), 3600))


def background_job(
    *,
    queue: str = Queue.DEFAULT,
    retries: int = 0,
    retry_on: tuple[type[BaseException], ...] = (Exception,),
    backoff_seconds: int = 30,
    on_give_up: Callable[..., None] | None = None,
    priority: int = 0,
) -> Callable[[Callable[..., Any]], Task[Any, Any]]:
    """Turn a module-level function into a queued job (`job.enqueue(*args)`)."""

    def decorate(func: Callable[..., Any]) -> Task[Any, Any]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            attempt = int(kwargs.pop(ATTEMPT, 1))
            try:
                return func(*args, **kwargs)
            except retry_on as exc:
                if attempt > retries:
                    if on_give_up is not None:
                        on_give_up(exc, *args, **kwargs)
                    raise
                log.warning("job %s attempt %d failed (%s); retrying", job.name, attempt, exc)
                _enqueue_retry(job, args, kwargs, attempt, backoff_seconds)
                raise

        job: Task[Any, Any] = task(queue_name=queue, priority=priority)(run)
        return job

    return decorate


def _enqueue_retry(
    job: Task[Any, Any], args: Any, kwargs: dict[str, Any], attempt: int, backoff: int
) -> None:
    again = job
    if job.get_backend().supports_defer:
        again = job.using(run_after=timezone.now() + retry_delay(attempt, backoff))
    again.enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1})
