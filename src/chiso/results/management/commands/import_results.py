"""`chiso import-results PATH [--dry-run] [--replace] [--index PAPI]`: store published results;
`chiso import-results --restore-previous YEAR [--index PAPI]`: bring back a replaced year."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.index import DataError
from chiso.index.framework import FrameworkError
from chiso.results.changes import describe
from chiso.results.errors import ResultsError
from chiso.results.store import ImportSummary, import_results, restore_previous


class Command(BaseCommand):
    help = "Nhập kết quả chỉ số (thư mục YYYY.csv hoặc tệp CSV/XLSX dạng dài) vào cơ sở dữ liệu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", nargs="?", help="folder of YYYY.csv (wide) or a long CSV/XLSX file"
        )
        parser.add_argument("--index", default="PAPI", help="framework code or YAML path")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="validate and show what would change; save nothing",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="allow replacing a stored year with one that has fewer provinces or units",
        )
        parser.add_argument(
            "--restore-previous",
            type=int,
            metavar="YEAR",
            help="bring back the results of YEAR that the last import replaced",
        )

    def _progress(self, stage: str, done: int, total: int) -> None:
        label = _("Đọc") if stage == "read" else _("Lưu")
        self.stdout.write(f"\r{label}: {done}/{total}", ending="")
        if done >= total:
            self.stdout.write("")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["restore_previous"] is not None:
                self._restore(options)
            else:
                self._import(options)
        except DataError as exc:
            raise CommandError(
                _("Tệp bị từ chối, không lưu gì:") + "\n" + exc.message(get_language() or "vi")
            ) from exc
        except (ResultsError, FrameworkError) as exc:
            raise CommandError(str(exc)) from exc

    def _restore(self, options: dict[str, Any]) -> None:
        if options["path"]:
            raise CommandError(_("--restore-previous không đi kèm tệp hay thư mục."))
        release = restore_previous(options["restore_previous"], index=options["index"])
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã khôi phục kết quả %(index)s năm %(year)s nhập lúc %(when)s (%(n)s điểm).")
                % {
                    "index": release.index,
                    "year": release.year,
                    "when": release.imported_at.strftime("%H:%M %d/%m/%Y"),
                    "n": release.scores.count(),
                }
            )
        )

    def _import(self, options: dict[str, Any]) -> None:
        if not options["path"]:
            raise CommandError(
                _("Cần đường dẫn tệp hoặc thư mục kết quả (hoặc --restore-previous NĂM).")
            )
        summary = import_results(
            options["path"],
            index=options["index"],
            dry_run=options["dry_run"],
            replace=options["replace"],
            progress=self._progress,
        )
        self._report(summary)

    def _report(self, summary: ImportSummary) -> None:
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
        if summary.dry_run:
            for change in summary.changes:
                self.stdout.write("\n".join(describe(change)))
            if summary.drops:
                self.stdout.write(
                    self.style.WARNING(
                        _(
                            "Tệp bỏ đi tỉnh/thành phố hoặc chỉ số đang có: khi nhập thật cần "
                            "thêm --replace."
                        )
                    )
                )
