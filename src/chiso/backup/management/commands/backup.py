"""`chiso backup [--output-dir DIR] [--keep N]`: the database and every stored file, one archive."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.backup.archive import create_backup
from chiso.backup.manifest import BackupError


class Command(BaseCommand):
    help = (
        "Sao lưu cơ sở dữ liệu và mọi tệp đã lưu (minh chứng, văn bản) vào một tệp .tar.gz có "
        "bản kê (manifest.json) và mã kiểm tra SHA-256."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(settings.CHISO_VAR_DIR) / "backups",
            help="folder for the archive (default: var/backups)",
        )
        parser.add_argument(
            "--keep", type=int, default=0, help="then delete all but the newest N archives"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        folder: Path = options["output_dir"]
        try:
            archive = create_backup(folder)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(str(archive))
        if options["keep"] > 0:
            old = sorted(folder.glob("chiso-backup-*.tar.gz"))[: -options["keep"]]
            for path in old:
                path.unlink()
                self.stdout.write(f"removed {path}")
