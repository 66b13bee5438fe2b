"""`chiso send-reminders [--dry-run] [--days N] [--province CODE]` — meant for a daily cron job."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.accounts.models import Province
from chiso.dashboards.deadlines import due_soon_days
from chiso.dashboards.reminders import send_reminders
from chiso.plans.models import Assignment
from chiso.site import clock


class Command(BaseCommand):
    help = (
        "Gửi thư nhắc việc: nhiệm vụ sắp đến hạn (cho cán bộ của cơ quan) và quá hạn (cho cán bộ, "
        "báo cáo lãnh đạo cơ quan). Chạy lại không gửi trùng."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="chỉ liệt kê, không gửi")
        parser.add_argument("--days", type=int, help="số ngày coi là sắp đến hạn (mặc định 14)")
        parser.add_argument("--province", help="mã tỉnh (GSO); mặc định mọi tỉnh")

    def handle(self, *args: Any, **options: Any) -> None:
        assignments = Assignment.objects.all()
        if options["province"]:
            province = Province.objects.filter(code=options["province"]).first()
            if province is None:
                raise CommandError(f"Không có tỉnh mã “{options['province']}”.")
            assignments = assignments.filter(province=province)
        days = options["days"] if options["days"] is not None else due_soon_days()
        if days < 0:
            raise CommandError("--days phải ≥ 0.")
        today = clock.today()
        run = send_reminders(assignments, today, days, dry_run=options["dry_run"])
        for r in run.sent:
            prefix = "[thử] " if run.dry_run else ""
            self.stdout.write(
                f"{prefix}{r.agency.name}: {r.kind.label} (cấp {int(r.level)}),"
                f" {len(r.assignments)} nhiệm vụ → {', '.join(r.recipients)}"
            )
        for agency, kind, level in run.no_recipients:
            self.stderr.write(
                f"{agency.name}: {kind.label} (cấp {int(level)}) — không có ai có e-mail để gửi."
            )
        verb = "Sẽ gửi" if run.dry_run else "Đã gửi"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} {run.emails} thư ({run.logged} lời nhắc) ngày {today:%d/%m/%Y}."
            )
        )
