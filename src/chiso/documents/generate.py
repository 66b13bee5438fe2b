"""Each document from its sources (plan rows, stored or given results) to a file — the one path
used by the documents page's jobs and by `chiso report`."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ParamSpec, TypeVar

from django.utils.translation import gettext as _
from django.utils.translation import override

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities.summary import InspectionSummary, inspection_summary
from chiso.documents.analysis import AnalysisRequest, NoAggregate, build_analysis
from chiso.documents.annex import build_annex
from chiso.documents.decree30 import IssuingBody, Signature
from chiso.documents.letterhead import (
    Letterhead,
    Progress,
    committee_line,
    home_affairs_letterhead,
    no_progress,
)
from chiso.documents.pdf import docx_to_pdf
from chiso.documents.phrases import short_kind
from chiso.documents.plan_document import build_plan_document, plan_outline, province_kind
from chiso.documents.plan_progress import plan_progress
from chiso.documents.plan_words import plan_words
from chiso.documents.report_indices import index_sections
from chiso.documents.report_objectives import published_year, report_objectives
from chiso.documents.results_report import PlanFacts, ResultsReportInput, build_results_report
from chiso.index.framework import framework_slug
from chiso.index.results import Results
from chiso.index.review import PlanWork
from chiso.plans.models import Plan
from chiso.reviews.service import plan_work

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"


P = ParamSpec("P")
R = TypeVar("R")


# Administrative documents are Vietnamese whatever language the requester's page is in: status
# and relation labels (translatable choices) are rendered under this override.
def in_vietnamese(function: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(function)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with override("vi"):  # a fresh override per call: safe across job threads
            return function(*args, **kwargs)

    return wrapper


class DocumentError(ValueError):
    """The document cannot be made from these inputs (translated message)."""


@dataclass(frozen=True)
class DocumentFile:
    filename: str
    content: bytes

    @property
    def content_type(self) -> str:
        suffix = self.filename.rsplit(".", 1)[-1]
        return {"pdf": PDF_TYPE, "xlsx": XLSX_TYPE}.get(suffix, DOCX_TYPE)


def finish(docx: bytes, stem: str, fmt: str, progress: Progress) -> DocumentFile:
    if fmt == "pdf":
        progress(92, _("Chuyển sang PDF (LibreOffice)"))
        return DocumentFile(f"{stem}.pdf", docx_to_pdf(docx))
    if fmt != "docx":
        raise DocumentError(_("Định dạng không hỗ trợ: %(fmt)s") % {"fmt": fmt})
    return DocumentFile(f"{stem}.docx", docx)


def agency_letterhead(agency: Agency | None, province_name: str, date: dt.date) -> Letterhead:
    """The letterhead of the requesting person's agency; Sở Nội vụ when there is none."""
    kind = province_kind(province_name)
    default = home_affairs_letterhead(province_name, date, kind)
    if agency is None:
        return default
    if agency.kind == AgencyKind.PEOPLES_COMMITTEE:
        body = committee_body(province_name)
        signature = Signature(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"))
    else:
        symbol = agency.short_name or "".join(w[:1] for w in agency.name.split()).upper()
        body = IssuingBody(
            (agency.name.upper(),), symbol, committee_line(province_name, kind), label=agency.name
        )
        signature = default.signature
    recipients = (*default.recipients[:-1], f"Lưu: VT, {body.symbol}")
    return Letterhead(body, province_name, date, signature, recipients)


def committee_body(province_name: str) -> IssuingBody:
    kind = province_kind(province_name)
    return IssuingBody(
        ("ỦY BAN NHÂN DÂN", f"{kind} {province_name}".upper()),
        "UBND",
        label=f"UBND {short_kind(kind)}",
    )


@in_vietnamese
def results_document(
    plan: Plan,
    results: Results | None,
    today: dt.date,
    letterhead: Letterhead,
    fmt: str = "docx",
    results_year: int | None = None,
    progress: Progress = no_progress,
) -> DocumentFile:
    progress(5, _("Đọc số liệu kế hoạch"))
    year = results_year
    if results is not None and year is None:
        year = published_year(results, plan.year, today)
    sections = index_sections(plan, results, year, today)
    objectives = report_objectives(plan, results, year, today)
    data = ResultsReportInput(
        plan_facts(plan),
        sections,
        objectives,
        plan_progress(plan, today),
        _inspections(plan, today),
    )
    docx = build_results_report(data, letterhead, progress)
    return finish(docx, f"bao-cao-ket-qua-ke-hoach-{plan.file_tag}", fmt, progress)


def plan_facts(plan: Plan) -> PlanFacts:
    return PlanFacts(
        number=plan.number,
        title=plan.title,
        issued_on=plan.issued_on,
        year=plan.year,
        province=plan.province.name,
        province_kind=province_kind(plan.province.name),
        report_due=plan.report_due,
        index=plan.index,
    )


def _inspections(plan: Plan, today: dt.date) -> InspectionSummary | None:
    summary = inspection_summary(plan.province, plan, today)
    return summary if summary.inspection_plans else None


@in_vietnamese
def annex_document(plan: Plan, today: dt.date, progress: Progress = no_progress) -> DocumentFile:
    progress(10, _("Đọc danh sách phân công"))
    content = build_annex(plan_progress(plan, today), plan.title)
    progress(90, _("Lưu tệp"))
    return DocumentFile(f"phu-luc-phan-cong-{plan.file_tag}.xlsx", content)


@in_vietnamese
def analysis_document(
    results: Results,
    province: str,
    year: int,
    letterhead: Letterhead,
    fmt: str = "docx",
    progress: Progress = no_progress,
    plans: tuple[PlanWork, ...] = (),
) -> DocumentFile:
    """The analysis of `results`' index (PAPI, PCI, PAR INDEX, SIPAS). `plans` (the province's
    plans on that index, `province_plans`) add the "did the plan work?" section; without them —
    `chiso report analysis --data`, which needs no database — it is left out."""
    name = results.index.replace("_", " ")
    if year not in results.years:
        raise DocumentError(
            _("Không có kết quả %(index)s năm %(year)s.") % {"index": name, "year": year}
        )
    request = AnalysisRequest(province, year, plans=plans)
    try:
        docx = build_analysis(results, request, letterhead, progress)
    except NoAggregate as missing:
        raise DocumentError(
            _(
                "Số liệu %(index)s năm %(year)s không có điểm tổng hợp của %(province)s "
                "(bảng công bố chỉ gồm một phần các tỉnh, thành phố): nhập kết quả của tỉnh "
                "rồi tạo lại báo cáo."
            )
            % {"index": name, "year": year, "province": missing.province}
        ) from None
    return finish(docx, f"bao-cao-phan-tich-{framework_slug(results.index)}-{year}", fmt, progress)


def province_plans(province: str, index: str = "PAPI") -> tuple[PlanWork, ...]:
    """The province's plans on `index` with their work done, oldest first, for the analysis
    report (a plan is reviewed on its own index's results)."""
    plans = Plan.objects.filter(province__name=province, index=index).order_by("year", "pk")
    return tuple(plan_work(p) for p in plans)


def plan_letterhead(plan: Plan, today: dt.date) -> Letterhead:
    """The plan is issued by its issuer (usually the provincial People's Committee), under its
    own number and date, signed by the signer recorded on the plan."""
    date = plan.issued_on or today
    if plan.issuer is None:
        base = agency_letterhead(None, plan.province.name, date)
        base = Letterhead(
            committee_body(plan.province.name),
            base.place,
            date,
            Signature(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")),
            base.recipients,
        )
    else:
        base = agency_letterhead(plan.issuer, plan.province.name, date)
    title = tuple(line for line in plan.signer_title.upper().split("\n") if line.strip())
    signature = Signature(title or base.signature.title_lines, plan.signer)
    recipients = (
        "Các cơ quan, đơn vị, địa phương được giao nhiệm vụ",
        "Sở Nội vụ",
        f"Lưu: VT, {base.body.symbol}",
    )
    return Letterhead(base.body, base.place, base.date, signature, recipients, plan.number)


@in_vietnamese
def plan_document(
    plan: Plan,
    results: Results | None,
    today: dt.date,
    fmt: str = "docx",
    progress: Progress = no_progress,
    stamp: Callable[[Letterhead], Letterhead] | None = None,
) -> DocumentFile:
    """`stamp` puts the register's number, date and signer on the letterhead."""
    progress(5, _("Đọc kế hoạch"))
    baseline = None
    if results is not None and plan.baseline_year in results.years:
        baseline = results.profile(plan.province.name, plan.baseline_year).aggregate
    letterhead = plan_letterhead(plan, today)
    if stamp is not None:
        letterhead = stamp(letterhead)
    kind = province_kind(plan.province.name)
    words = plan_words(
        plan, letterhead.body.label or "UBND tỉnh", kind, baseline, letterhead.recipients
    )
    letterhead = replace(letterhead, recipients=words.recipients)
    docx = build_plan_document(plan_outline(plan, words), letterhead, progress)
    return finish(docx, f"ke-hoach-{plan.file_tag}", fmt, progress)
