"""`chiso import-tasks PLAN FILE [--dry-run] [--user USERNAME]`: the same all-or-nothing import
as the web page, for a coordinator at the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.accounts.models import Role, User
from chiso.plans.models import Plan
from chiso.spreadsheets.framework_import import ImportFailed, import_framework


def find_plan(ref: str) -> Plan:
    plans = list(Plan.objects.filter(number=ref.strip()))
    if not plans and ref.strip().isdigit():
        plans = list(Plan.objects.filter(pk=int(ref)))
    if len(plans) != 1:
        found = "không có" if not plans else f"{len(plans)} kế hoạch trùng số"
        raise CommandError(f"Kế hoạch “{ref}”: {found} (ghi số, ký hiệu hoặc mã số kế hoạch).")
    return plans[0]


def find_user(username: str | None, plan: Plan) -> User:
    if username:
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Không có người dùng “{username}”.")
        return user
    coordinators = list(
        User.objects.filter(province_id=plan.province_id, role=Role.COORDINATOR, is_active=True)
    )
    if len(coordinators) != 1:
        raise CommandError("Hãy chỉ rõ người nhập bằng --user USERNAME (tài khoản Sở Nội vụ).")
    return coordinators[0]


class Command(BaseCommand):
    help = "Nhập bộ khung nhiệm vụ từ tệp XLSX vào một kế hoạch (tất cả hoặc không gì cả)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("plan", help="số, ký hiệu kế hoạch (vd. 45/KH-UBND) hoặc mã số")
        parser.add_argument("file", type=Path, help="tệp .xlsx theo docs/task-framework-xlsx.md")
        parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không lưu")
        parser.add_argument("--user", help="tài khoản điều phối thực hiện việc nhập")

    def handle(self, *args: Any, **options: Any) -> None:
        plan = find_plan(options["plan"])
        user = find_user(options["user"], plan)
        path: Path = options["file"]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: không đọc được tệp ({exc.strerror}).") from None
        try:
            result = import_framework(user, plan, path.name, data, dry_run=options["dry_run"])
        except ImportFailed as exc:
            for error in exc.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(exc.errors)} lỗi; không nhập nhiệm vụ nào.") from None
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from None
        verb = "Kiểm tra xong (chưa lưu)" if result.dry_run else "Đã nhập"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {result.tasks} nhiệm vụ, {result.sections} mục mới, "
                f"{result.assignments} phân công vào kế hoạch {plan.number}."
            )
        )
