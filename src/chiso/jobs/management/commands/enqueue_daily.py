"""`chiso enqueue_daily` — put the daily jobs (reminders, digests) on the queue; run once a day."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from chiso.jobs.schedule import enqueue_daily


class Command(BaseCommand):
    help = "Đưa các việc chạy hằng ngày (thư nhắc việc, thư tổng hợp) vào hàng đợi."

    def handle(self, *args: Any, **options: Any) -> None:
        for name in enqueue_daily():
            self.stdout.write(f"queued {name}")
