"""Daily reminder e-mails as a background job (listed in chiso.jobs.schedule.DAILY)."""

from __future__ import annotations

from chiso.dashboards.deadlines import due_soon_days
from chiso.dashboards.reminders import send_reminders
from chiso.jobs.queue import Queue, background_job
from chiso.plans.models import Assignment
from chiso.site import clock


@background_job(queue=Queue.MAIL, retries=3, backoff_seconds=300)
def send_daily_reminders() -> int:
    """Send today's due-soon and overdue reminders; never the same reminder twice (so a retry
    after a mail-server failure sends only what was not sent). Returns the e-mails sent."""
    run = send_reminders(Assignment.objects.all(), clock.today(), due_soon_days())
    return run.emails
