"""`chiso report results|analysis|plan …` — the documents of the documents page, from the shell.

    chiso report results --plan PLAN --out FILE.docx|.pdf [--annex FILE.xlsx] [--results-year Y]
    chiso report analysis --province NAME --year YYYY [--index PCI] [--data PATH]
                          --out FILE.docx|.pdf
    chiso report plan --plan PLAN --out FILE.docx|.pdf
    chiso report consolidated --plan PLAN --period half|nine|year|custom [--from D --to D]
                              --out FILE.docx|.pdf|.xlsx [--date YYYY-MM-DD]

PLAN is a plan in the database, by id or by number ("7305/KH-UBND"). `analysis --data PATH`
reads a results folder/file and never touches the database.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from chiso.documents.generate import (
    DocumentError,
    DocumentFile,
    agency_letterhead,
    analysis_document,
    annex_document,
    plan_document,
    results_document,
)
from chiso.documents.letterhead import home_affairs_letterhead
from chiso.documents.pdf import PdfUnavailable
from chiso.index import DataError, Dataset, FrameworkError, compute, read_long, read_wide
from chiso.index.provinces import UnknownProvince, match_province
from chiso.index.results import Results, UnknownYear

FORMATS = {".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx"}


class Command(BaseCommand):
    help = "Tạo văn bản, báo cáo (DOCX/PDF) theo thể thức Nghị định 30/2020/NĐ-CP."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="document", required=True)
        results = sub.add_parser("results", help="Báo cáo kết quả thực hiện kế hoạch")
        results.add_argument("--plan", required=True, help="id hoặc số, ký hiệu kế hoạch")
        results.add_argument("--out", required=True, type=Path)
        results.add_argument("--annex", type=Path, help="phụ lục XLSX (mặc định: cạnh --out)")
        results.add_argument("--results-year", type=int)
        results.add_argument("--data", type=Path, help="thư mục/tệp kết quả thay cho CSDL")
        results.add_argument("--date", help="ngày văn bản YYYY-MM-DD (mặc định: hôm nay)")
        analysis = sub.add_parser("analysis", help="Báo cáo phân tích kết quả chỉ số")
        analysis.add_argument("--province", required=True)
        analysis.add_argument("--year", required=True, type=int)
        analysis.add_argument(
            "--index", default="PAPI", help="PAPI (mặc định), PCI, PAR_INDEX hoặc SIPAS"
        )
        analysis.add_argument("--data", type=Path, help="thư mục/tệp kết quả (không cần CSDL)")
        analysis.add_argument("--out", required=True, type=Path)
        analysis.add_argument("--date", help="ngày văn bản YYYY-MM-DD (mặc định: hôm nay)")
        plan = sub.add_parser("plan", help="Văn bản kế hoạch")
        plan.add_argument("--plan", required=True, help="id hoặc số, ký hiệu kế hoạch")
        plan.add_argument("--out", required=True, type=Path)
        plan.add_argument("--data", type=Path, help="thư mục/tệp kết quả thay cho CSDL")
        period = sub.add_parser(
            "consolidated", help="Báo cáo tổng hợp theo kỳ (lời văn từ số liệu)"
        )
        period.add_argument("--plan", required=True, help="id hoặc số, ký hiệu kế hoạch")
        period.add_argument("--period", required=True, choices=("half", "nine", "year", "custom"))
        period.add_argument("--from", dest="starts_on", help="kỳ custom: từ ngày YYYY-MM-DD")
        period.add_argument("--to", dest="ends_on", help="kỳ custom: đến ngày YYYY-MM-DD")
        period.add_argument("--out", required=True, type=Path, help=".docx, .pdf hoặc .xlsx")
        period.add_argument("--date", help="ngày văn bản YYYY-MM-DD (mặc định: hôm nay)")

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = int(options["verbosity"])
        out: Path = options["out"]
        fmt = FORMATS.get(out.suffix.lower())
        if fmt is None or (fmt == "xlsx" and options["document"] != "consolidated"):
            raise CommandError(f"--out {out}: cần đuôi .docx hoặc .pdf (need .docx or .pdf)")
        try:
            made = getattr(self, f"_{options['document']}")(fmt, options)
        except (
            DocumentError,
            PdfUnavailable,
            UnknownProvince,
            UnknownYear,
            DataError,
            FrameworkError,
        ) as exc:
            raise CommandError(str(exc)) from None
        self._write(out, made)

    def _write(self, path: Path, made: DocumentFile) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(made.content)
        except OSError as exc:
            raise CommandError(f"Không ghi được {path} (cannot write): {exc}") from None
        self.stdout.write(f"{path} ({len(made.content):,} bytes)")

    # --- the three documents -----------------------------------------------------------------

    def _results(self, fmt: str, options: dict[str, Any]) -> DocumentFile:
        from chiso.site import clock

        plan = _find_plan(options["plan"])
        today = _date(options["date"]) or clock.today()
        results = _results(options["data"], required=False, as_of=today)
        letterhead = agency_letterhead(_home_affairs(plan), plan.province.name, today)
        made = results_document(
            plan, results, today, letterhead, fmt, options["results_year"], self._progress
        )
        annex_path: Path = options["annex"] or options["out"].with_name(
            options["out"].stem + "-phu-luc.xlsx"
        )
        self._write(annex_path, annex_document(plan, today))
        return made

    def _analysis(self, fmt: str, options: dict[str, Any]) -> DocumentFile:
        from chiso.site import clock

        date = _date(options["date"]) or clock.today()  # settings only, no database
        results = _results(options["data"], required=True, as_of=date, index=options["index"])
        assert results is not None
        province = match_province(options["province"], options["year"])
        letterhead = home_affairs_letterhead(province.name, date, province.kind)
        return analysis_document(
            results, province.name, options["year"], letterhead, fmt, self._progress
        )

    def _plan(self, fmt: str, options: dict[str, Any]) -> DocumentFile:
        from chiso.site import clock

        plan = _find_plan(options["plan"])
        today = clock.today()
        results = _results(options["data"], required=False, as_of=today)
        return plan_document(plan, results, today, fmt, self._progress)

    def _consolidated(self, fmt: str, options: dict[str, Any]) -> DocumentFile:
        """The report with parts IV–VI as the facts prefill them (no draft is stored)."""
        from chiso.documents.consolidated_service import (
            Sources,
            consolidated_document,
            texts_from_facts,
        )
        from chiso.documents.models import ConsolidatedDraft
        from chiso.documents.period import PeriodError, make_period
        from chiso.site import clock

        plan = _find_plan(options["plan"])
        today = _date(options["date"]) or clock.today()
        try:
            period = make_period(
                options["period"],
                plan.year,
                _date(options["starts_on"], "--from"),
                _date(options["ends_on"], "--to"),
            )
        except PeriodError as exc:
            raise CommandError(f"--period: {exc}") from None
        sources = Sources(_results(None, required=False, as_of=today), today)
        draft = ConsolidatedDraft(
            plan=plan,
            period_kind=period.kind,
            starts_on=period.starts_on,
            ends_on=period.ends_on,
            **texts_from_facts(plan, period, sources),
        )
        letterhead = agency_letterhead(_home_affairs(plan), plan.province.name, today)
        return consolidated_document(draft, sources, letterhead, fmt, self._progress)

    def _progress(self, percent: int, step: str) -> None:
        if self.verbosity >= 2:
            self.stderr.write(f"{percent:3d}% {step}")


def _date(text: str | None, option: str = "--date") -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{option} {text!r}: cần dạng YYYY-MM-DD (need YYYY-MM-DD)") from None


def _results(
    data: Path | None, required: bool, as_of: dt.date, index: str = "PAPI"
) -> Results | None:
    """The results a document dated `as_of` may cite: only years published by then (a year's
    index comes out the following year), whether read from the database or from --data."""
    from chiso.results.store import last_published_year

    if data is not None:
        if not data.exists():
            raise CommandError(f"--data {data}: không tìm thấy (not found)")
        try:
            dataset = read_wide(data, index) if data.is_dir() else read_long(data, index)
        except FrameworkError as exc:
            raise CommandError(f"--index {index}: {exc}") from None
        last = last_published_year(as_of)
        known = [r for r in dataset.records if r.year <= last]
        if not known:
            raise CommandError(
                f"--data {data}: chưa có kết quả nào công bố trước ngày {as_of:%d/%m/%Y} "
                f"(no results published by {as_of})"
            )
        return compute(Dataset.build(dataset.framework, known, dataset.source))
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    try:
        return load_results(index, as_of=as_of)
    except NoResults as exc:
        if required:
            raise CommandError(f"{exc} — dùng --data PATH (use --data PATH)") from None
        return None


def _find_plan(key: str) -> Any:
    from chiso.plans.models import Plan

    plan = None
    if key.isdigit():
        plan = Plan.objects.select_related("province", "issuer").filter(pk=int(key)).first()
    if plan is None:
        found = list(Plan.objects.select_related("province", "issuer").filter(number=key)[:2])
        if len(found) > 1:
            raise CommandError(
                f"--plan {key!r}: nhiều kế hoạch cùng số, dùng id (ambiguous; use id)"
            )
        plan = found[0] if found else None
    if plan is None:
        raise CommandError(f"--plan {key!r}: không có kế hoạch này (no such plan)")
    return plan


def _home_affairs(plan: Any) -> Any:
    """Reports on a plan come from its coordinating department (Sở Nội vụ) when it is known."""
    from chiso.accounts.models import Agency
    from chiso.accounts.names import agency_key

    return Agency.objects.filter(province=plan.province, name_key=agency_key("Sở Nội vụ")).first()
