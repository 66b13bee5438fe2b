"""`chiso import-results PATH [--dry-run] [--index PAPI]`: store published results."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.index import DataError
from chiso.index.framework import FrameworkError
from chiso.results.errors import ResultsError
from chiso.results.store import import_results


class Command(BaseCommand):
    help = "Nhập kết quả chỉ số (thư mục YYYY.csv hoặc tệp CSV/XLSX dạng dài) vào cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="folder of YYYY.csv (wide) or a long CSV/XLSX file")
        parser.add_argument("--index", default="PAPI", help="framework code or YAML path")
        parser.add_argument("--dry-run", action="store_true", help="validate only, save nothing")

    def _progress(self, stage: str, done: int, total: int) -> None:
        label = _("Đọc") if stage == "read" else _("Lưu")
        self.stdout.write(f"\r{label}: {done}/{total}", ending="")
        if done >= total:
            self.stdout.write("")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = import_results(
                options["path"],
                index=options["index"],
                dry_run=options["dry_run"],
                progress=self._progress,
            )
        except DataError as exc:
            raise CommandError(
                _("Tệp bị từ chối, không lưu gì:") + "\n" + exc.message(get_language() or "vi")
            ) from exc
        except (ResultsError, FrameworkError) as exc:
            raise CommandError(str(exc)) from exc
        years = ", ".join(str(y) for y in summary.years)
        if summary.dry_run:
            message = _("Kiểm tra xong (không lưu): %(n)s điểm, các năm %(years)s.")
        else:
            message = _("Đã nhập %(n)s điểm %(index)s, các năm %(years)s.")
        self.stdout.write(
            self.style.SUCCESS(
                message % {"n": summary.scores, "index": summary.index, "years": years}
            )
        )
        if summary.replaced_years:
            replaced = ", ".join(str(y) for y in summary.replaced_years)
            self.stdout.write(
                _("Thay thế dữ liệu đã có của các năm: %(years)s") % {"years": replaced}
            )
