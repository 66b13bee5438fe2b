"""`chiso worker` — run background jobs from the database queue until stopped.

One worker runs one job at a time; run several (systemd `chiso-worker@N`) for more throughput.
SIGTERM/Ctrl+C lets the current job finish. Jobs left running by a worker that died are put back
in the queue first (`chiso.jobs.recovery`).
"""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from chiso.jobs.recovery import requeue_abandoned


class Command(BaseCommand):
    help = "Chạy các việc nền (tạo văn bản, PDF, gửi thư) từ hàng đợi trong cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--queues", default="*", help="queues to serve, comma-separated (default: all)"
        )
        parser.add_argument(
            "--batch", action="store_true", help="run what is ready, then exit (tests, cron)"
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds between polls when idle"
        )
        parser.add_argument("--worker-id", help="unique name in the logs (default: random)")

    def handle(self, *args: Any, **options: Any) -> None:
        requeue_abandoned()
        call_command(
            "db_worker",
            queue_name=options["queues"],
            batch=options["batch"],
            interval=options["interval"],
            reload=False,
            startup_delay=not options["batch"],
            verbosity=options["verbosity"],
            **({"worker_id": options["worker_id"]} if options["worker_id"] else {}),
        )
