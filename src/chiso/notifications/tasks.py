"""Notification jobs on the queue (chiso.jobs): mail after each change, and the daily run."""

from __future__ import annotations

from chiso.jobs.queue import Queue, background_job
from chiso.notifications import deadlines, mail
from chiso.site import clock


@background_job(queue=Queue.MAIL, retries=3, backoff_seconds=120)
def send_notification_mail() -> int:
    """Mail what is pending for people who want it at once (queued after each change)."""
    return mail.send_immediate().sent


@background_job(queue=Queue.MAIL, retries=3, backoff_seconds=300)
def send_daily_notifications() -> int:
    """Daily: due-soon and overdue notices (per deadline and per reporting period), then the
    digests. Safe to run twice a day: nothing is announced or mailed twice."""
    deadlines.announce_deadlines(clock.today())
    return mail.send_digests().sent + mail.send_immediate().sent
