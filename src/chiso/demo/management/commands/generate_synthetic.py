"""`chiso generate_synthetic --provinces 34 --communes 3300 --tasks 20000 --reports 100000
[--seed N]`: a national-scale synthetic workspace in an EMPTY database, for benchmarks."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.demo.synthetic import SyntheticSpec, WorkspaceNotEmpty, generate


class Command(BaseCommand):
    help = "Sinh dữ liệu tổng hợp quy mô toàn quốc để đo hiệu năng (vào cơ sở dữ liệu trống)."

    def add_arguments(self, parser: CommandParser) -> None:
        defaults = SyntheticSpec()
        for name in ("provinces", "communes", "tasks", "reports", "seed"):
            parser.add_argument(f"--{name}", type=int, default=getattr(defaults, name))

    def handle(self, *args: Any, **options: Any) -> None:
        spec = SyntheticSpec(
            **{k: options[k] for k in ("provinces", "communes", "tasks", "reports", "seed")}
        )
        if not 1 <= spec.provinces <= 34:
            raise CommandError("--provinces: 1–34")
        if min(spec.communes, spec.tasks, spec.reports) < 0:
            raise CommandError("--communes/--tasks/--reports: ≥ 0")
        try:
            summary = generate(spec, say=self.stdout.write)
        except WorkspaceNotEmpty as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Xong trong {summary.seconds} giây: {summary.provinces} tỉnh, {summary.agencies} cơ "
            f"quan, {summary.users} người dùng, {summary.tasks} nhiệm vụ, {summary.assignments} "
            f"phân công, {summary.reports} báo cáo, {summary.periods} kỳ báo cáo, "
            f"{summary.notifications} thông báo."
        )
