"""`chiso restore ARCHIVE`: into an empty database only; checksums verified first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.backup.archive import read_manifest, restore_backup
from chiso.backup.manifest import BackupError


class Command(BaseCommand):
    help = (
        "Khôi phục một bản sao lưu của chiso vào cơ sở dữ liệu trống (từ chối nếu đã có dữ liệu); "
        "kiểm tra mã SHA-256 trước, so số dòng từng bảng sau."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--check", action="store_true", help="only read and print the manifest")

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        try:
            if options["check"]:
                manifest = read_manifest(archive)
            else:
                restored = restore_backup(archive)
                manifest = restored.manifest
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        rows = sum(manifest.tables.values())
        verb = "contains" if options["check"] else "restored"
        self.stdout.write(
            f"{archive.name} ({manifest.created_at}, {manifest.vendor}): {verb} "
            f"{len(manifest.tables)} tables, {rows} rows, {len(manifest.files)} files."
        )
        if not options["check"]:
            self.stdout.write(
                "The cache was emptied; restart the web and worker processes (their cached "
                "pages are keyed by revisions that went back)."
            )
