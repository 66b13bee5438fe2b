"""Requesting a document and generating it in the background.

Design: the request is a `DocumentJob` row and a queued background job
(`chiso.documents.tasks.generate_document`), written in one transaction with the audit entry.
A `chiso worker` process generates the file and writes its progress to the row; the page polls
the row with htmx. LibreOffice crashes and time-outs are retried (`tasks.py`); a request whose
generation fails for good shows the reason.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import DatabaseError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from chiso.accounts.roles import DOCUMENT_REQUESTERS, has_role, own_province_id
from chiso.audit.services import record
from chiso.documents.generate import (
    DocumentError,
    DocumentFile,
    agency_letterhead,
    analysis_document,
    annex_document,
    plan_document,
    province_plans,
    results_document,
)
from chiso.documents.models import (
    ConsolidatedDraft,
    DocumentFormat,
    DocumentJob,
    DocumentKind,
    JobState,
)
from chiso.documents.pdf import PdfUnavailable, require_pdf
from chiso.index.framework import shipped_frameworks
from chiso.index.provinces import UnknownProvince
from chiso.index.results import Results, UnknownYear
from chiso.plans.models import Plan
from chiso.site import clock

if TYPE_CHECKING:
    from chiso.accounts.models import User

log = logging.getLogger(__name__)

FORMATS = {
    DocumentKind.RESULTS: (DocumentFormat.DOCX, DocumentFormat.PDF),
    DocumentKind.ANALYSIS: (DocumentFormat.DOCX, DocumentFormat.PDF),
    DocumentKind.PLAN: (DocumentFormat.DOCX, DocumentFormat.PDF),
    DocumentKind.ANNEX: (DocumentFormat.XLSX,),
    DocumentKind.CONSOLIDATED: (DocumentFormat.DOCX, DocumentFormat.PDF, DocumentFormat.XLSX),
}


def can_request_documents(user: User) -> bool:
    """Coordinators (Sở Nội vụ), administrators and provincial leadership of a province."""
    return has_role(user, DOCUMENT_REQUESTERS) and user.province_id is not None


def jobs_for(user: User) -> QuerySet[DocumentJob]:
    if not can_request_documents(user) or user.province_id is None:
        return DocumentJob.objects.none()
    return DocumentJob.objects.filter(province_id=user.province_id)


def _check_request(
    user: User,
    kind: str,
    fmt: str,
    plan: Plan | None,
    year: int | None,
    draft: ConsolidatedDraft | None = None,
) -> None:
    if not can_request_documents(user):
        raise PermissionDenied(_("Bạn không có quyền tạo văn bản, báo cáo."))
    if kind not in FORMATS:
        raise DocumentError(_("Loại văn bản không hợp lệ."))
    if fmt not in FORMATS[DocumentKind(kind)]:
        raise DocumentError(_("Định dạng %(fmt)s không dùng cho loại văn bản này.") % {"fmt": fmt})
    if kind == DocumentKind.ANALYSIS:
        if year is None:
            raise DocumentError(_("Chọn năm kết quả cần phân tích."))
    elif kind == DocumentKind.CONSOLIDATED:
        if draft is None or draft.province_id != user.province_id:
            raise DocumentError(_("Chọn báo cáo tổng hợp đã soạn."))
    elif plan is None:
        raise DocumentError(_("Chọn kế hoạch."))
    if plan is not None and plan.province_id != user.province_id:
        raise PermissionDenied(_("Kế hoạch không thuộc tỉnh của bạn."))
    if fmt == DocumentFormat.PDF:
        require_pdf()  # fail now, with the reason, rather than in the background


def request_document(
    user: User,
    kind: str,
    fmt: str,
    plan: Plan | None = None,
    year: int | None = None,
    draft: ConsolidatedDraft | None = None,
    index: str = "PAPI",
) -> DocumentJob:
    """Queue a document: the job row is written in this transaction, a worker generates it.
    `index` is the one an analysis report is about."""
    with transaction.atomic():
        job = create_job(user, kind, fmt, plan, year, draft, index)
        enqueue(job)
    return job


def create_job(
    user: User,
    kind: str,
    fmt: str,
    plan: Plan | None = None,
    year: int | None = None,
    draft: ConsolidatedDraft | None = None,
    index: str = "PAPI",
) -> DocumentJob:
    """The job's row and its audit entry, checked; `enqueue` it once everything it needs exists."""
    if draft is not None:
        plan = draft.plan
    try:
        _check_request(user, kind, fmt, plan, year, draft)
    except PdfUnavailable as exc:
        raise DocumentError(str(exc)) from None
    if kind != DocumentKind.ANALYSIS:
        index = "PAPI"  # only the analysis report is about one index; the others read the plan
    elif index not in framework_codes():
        raise DocumentError(_("Chỉ số không hợp lệ: %(index)s.") % {"index": index})
    with transaction.atomic():
        job = DocumentJob.objects.create(
            province_id=own_province_id(user),
            requested_by=user,
            kind=kind,
            fmt=fmt,
            plan=plan if kind != DocumentKind.ANALYSIS else None,
            year=year if kind == DocumentKind.ANALYSIS else None,
            index=index,
            draft=draft if kind == DocumentKind.CONSOLIDATED else None,
        )
        record(
            user,
            job,
            "create",
            {
                "kind": [None, kind],
                "fmt": [None, fmt],
                "plan": [None, plan and plan.pk],
                "year": [None, year],
                "index": [None, index],
                "draft": [None, draft and draft.pk],
            },
            province=job.province,
        )
    return job


def enqueue(job: DocumentJob) -> None:
    from chiso.documents.tasks import generate_document

    generate_document.enqueue(job.pk)


def _load_results(index: str = "PAPI") -> Results | None:
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    try:
        return load_results(index)
    except NoResults:
        return None


def _generate(job: DocumentJob, progress: Any) -> DocumentFile:
    from chiso.documents.plan_words import default_recipients
    from chiso.documents.register import entry_of, stamped

    today = clock.today()
    user = job.requested_by
    province = job.province.name
    results = _load_results()
    entry = entry_of(job)
    if job.kind == DocumentKind.ANNEX:
        assert job.plan is not None
        return annex_document(job.plan, today, progress)
    if job.kind == DocumentKind.PLAN:
        assert job.plan is not None
        return plan_document(
            job.plan, results, today, job.fmt, progress, lambda head: stamped(head, entry)
        )
    letterhead = stamped(agency_letterhead(user.agency, province, today), entry)
    recipients = default_recipients(job.province_id, job.kind)
    if recipients:  # the province's default "Nơi nhận" for this kind of report
        letterhead = replace(letterhead, recipients=recipients)
    if job.kind == DocumentKind.CONSOLIDATED:
        from chiso.documents.consolidated_service import Sources, consolidated_document

        assert job.draft is not None
        sources = Sources(results, today, letterhead.body.label or "Sở Nội vụ")
        return consolidated_document(job.draft, sources, letterhead, job.fmt, progress)
    if job.kind == DocumentKind.RESULTS:
        assert job.plan is not None
        return results_document(job.plan, results, today, letterhead, job.fmt, None, progress)
    if job.index != "PAPI":  # the results loaded above are PAPI's, which the plans are on
        results = _load_results(job.index)
    if results is None:
        raise DocumentError(_("Chưa có kết quả chỉ số trong hệ thống (chiso import-results)."))
    assert job.year is not None
    plans = province_plans(province, job.index)
    return analysis_document(results, province, job.year, letterhead, job.fmt, progress, plans)


def framework_codes() -> tuple[str, ...]:
    """The shipped indices, in the order the pages name them (PAPI, PCI, PAR_INDEX, SIPAS)."""
    return tuple(f.code for f in shipped_frameworks())


def run_job(job_id: int) -> None:
    """Generate the job's file, recording progress. A failure is stored on the job, except
    LibreOffice and database errors, which may pass: they are raised for the queue to retry."""
    job = DocumentJob.objects.select_related(
        "province", "plan", "requested_by__agency", "draft__plan__province"
    ).get(pk=job_id)
    DocumentJob.objects.filter(pk=job_id).update(state=JobState.RUNNING, progress=1)

    def progress(percent: int, step: str) -> None:
        DocumentJob.objects.filter(pk=job_id).update(progress=percent, step=step[:200])

    try:
        made = _generate(job, progress)
    except (PdfUnavailable, DatabaseError) as exc:
        DocumentJob.objects.filter(pk=job_id).update(
            state=JobState.QUEUED, step=_("Sẽ thử lại: %(error)s") % {"error": exc}
        )
        raise
    except (DocumentError, UnknownYear, UnknownProvince) as exc:
        fail_job(job_id, str(exc))
        return
    except Exception as exc:  # the worker must always leave the job finished
        log.exception("document job %s failed", job_id)
        fail_job(job_id, _("Lỗi khi tạo văn bản: %(error)s") % {"error": exc})
        return
    job.file.save(made.filename, ContentFile(made.content), save=False)
    from chiso.documents.register import freeze

    freeze(job_id, job.file.name or made.filename, made.filename, made.content)
    DocumentJob.objects.filter(pk=job_id).update(
        state=JobState.DONE,
        progress=100,
        step="",
        file=job.file.name,
        filename=made.filename,
        finished_at=timezone.now(),
    )


def fail_job(job_id: int, message: str) -> None:
    DocumentJob.objects.filter(pk=job_id).update(
        state=JobState.FAILED, error=message, finished_at=timezone.now()
    )
