"""Jobs whose worker died mid-run (killed, machine restarted) go back to the queue.

A worker stopped with SIGTERM/Ctrl+C finishes its current job first, so only a hard stop leaves a
job "running" for ever. Such a job is put back to ready after `CHISO_JOB_TIMEOUT` seconds (longer
than any job runs: LibreOffice is stopped after 180 s), when a worker starts and on the daily run.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)


def requeue_abandoned(now: dt.datetime | None = None) -> int:
    """Put jobs running for longer than the timeout back to ready; returns how many."""
    cutoff = (now or timezone.now()) - dt.timedelta(seconds=settings.CHISO_JOB_TIMEOUT)
    count = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY)
    if count:
        log.warning("%d abandoned job(s) put back in the queue", count)
    return count
