from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from chiso.demo.steps import AFTER_2025_STEPS, DEMO_PASSWORD, DEMO_STEPS


class Command(BaseCommand):
    help = (
        "Nạp dữ liệu mẫu (Khánh Hòa, Kế hoạch PAPI 2023) và tài khoản demo. "
        "Chạy lại nhiều lần vẫn an toàn."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--after-2025",
            action="store_true",
            help=(
                "Sau đó thực hiện sắp xếp năm 2025: hợp nhất Ninh Thuận vào Khánh Hòa, "
                "giải thể cấp huyện, sáp nhập xã (docs/restructuring.md)."
            ),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        steps = [*DEMO_STEPS, *(AFTER_2025_STEPS if options["after_2025"] else [])]
        for dotted in steps:
            module_name, _, func_name = dotted.rpartition(".")
            step = getattr(import_module(module_name), func_name)
            self.stdout.write(f"- {module_name.rsplit('.', 1)[-1]}")
            with transaction.atomic():
                step(self.stdout.write)
        from chiso.accounts.models import User

        self.stdout.write(self.style.SUCCESS(f"Tài khoản demo (mật khẩu: {DEMO_PASSWORD}):"))
        for user in User.objects.filter(email__endswith="@demo.chiso.invalid").order_by("id"):
            agency = f" — {user.agency}" if user.agency_id else ""
            self.stdout.write(f"  {user.username:<10} {user.get_role_display()}{agency}")
