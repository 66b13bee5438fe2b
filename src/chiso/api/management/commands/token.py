"""`chiso token create USERNAME [--name NAME]` (prints the secret once), `list [USERNAME]`,
`revoke ID|PREFIX`."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import formats
from django.utils.translation import gettext as _

from chiso.api.tokens import create_token, find_token, revoke_token, tokens_of, user_by_name


class Command(BaseCommand):
    help = "Tạo, liệt kê và thu hồi mã truy cập API (create, list, revoke API tokens)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Tạo mã cho một người dùng")
        create.add_argument("username")
        create.add_argument("--name", default="", help="Tên gợi nhớ, ví dụ 'phần mềm một cửa'")
        listing = actions.add_parser("list", help="Liệt kê các mã (không hiện bí mật)")
        listing.add_argument("username", nargs="?")
        revoke = actions.add_parser("revoke", help="Thu hồi một mã theo số thứ tự hoặc tiền tố")
        revoke.add_argument("reference")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, f"_{options['action']}")(options)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None

    def _create(self, options: dict[str, Any]) -> None:
        issued = create_token(user_by_name(options["username"]), options["name"])
        self.stdout.write(issued.secret)
        self.stderr.write(
            _("Đã tạo mã #%(id)s cho %(user)s. Hãy lưu lại ngay: mã chỉ hiện một lần.")
            % {"id": issued.token.pk, "user": issued.token.user.username}
        )

    def _list(self, options: dict[str, Any]) -> None:
        for token in tokens_of(options.get("username")):
            state = _("đã thu hồi") if token.revoked else _("đang dùng")
            used = (
                formats.date_format(token.last_used_at, "SHORT_DATETIME_FORMAT")
                if token.last_used_at
                else "—"
            )
            self.stdout.write(
                f"{token.pk}\t{token.prefix}…\t{token.user.username}\t{token.name or '—'}\t"
                f"{formats.date_format(token.created_at, 'SHORT_DATETIME_FORMAT')}\t{used}\t{state}"
            )

    def _revoke(self, options: dict[str, Any]) -> None:
        token = revoke_token(find_token(options["reference"]))
        self.stdout.write(
            _("Đã thu hồi mã #%(id)s (%(prefix)s…).") % {"id": token.pk, "prefix": token.prefix}
        )
