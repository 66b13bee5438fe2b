"""Daily jobs: `chiso enqueue_daily` (from a systemd timer or cron) puts each on the queue.

Add a daily job by listing its dotted path here; it must take no arguments and be safe to run
twice on one day (the timer may fire again after a restart).
"""

from __future__ import annotations

from django.utils.module_loading import import_string
from django_tasks.base import Task

from chiso.jobs.recovery import requeue_abandoned

DAILY: tuple[str, ...] = (
    "chiso.dashboards.tasks.send_daily_reminders",
    "chiso.notifications.tasks.send_daily_notifications",
)


def enqueue_daily() -> list[str]:
    """Enqueue every daily job (and recover abandoned ones); returns the names enqueued."""
    requeue_abandoned()
    names = []
    for path in DAILY:
        job = import_string(path)
        if not isinstance(job, Task):
            raise TypeError(f"{path} is not a background job")
        job.enqueue()
        names.append(job.name)
    return names
