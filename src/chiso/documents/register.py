"""The document register ("sổ văn bản đi"): issuing a document gives it the next number of its
register — per province, per year, per symbol ("12/KH-UBND", "45/BC-SNV") — a date and a signer;
the file generated for it is frozen with its SHA-256 and never replaced.

Numbers come from `RegisterCounter`, read and raised with the row locked (`SELECT … FOR UPDATE`
on PostgreSQL; SQLite writes one transaction at a time), inside the transaction that writes the
entry: a number is given once, and a rolled-back issue gives none. A correction keeps the number
of the entry it corrects and must say why.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext as _

from chiso.accounts.roles import own_province_id
from chiso.audit.services import record
from chiso.documents.decree30 import Signature
from chiso.documents.editing import can_edit_documents
from chiso.documents.generate import DocumentError, agency_letterhead, plan_letterhead
from chiso.documents.letterhead import Letterhead
from chiso.documents.models import (
    ConsolidatedDraft,
    DocumentJob,
    DocumentKind,
    RegisterCounter,
    RegisterEntry,
)
from chiso.documents.services import can_request_documents, create_job, enqueue
from chiso.plans.models import Plan
from chiso.site import clock

if TYPE_CHECKING:
    from chiso.accounts.models import User

KIND_CODES = {DocumentKind.PLAN: "KH"}  # every other kind is a report, "BC"
ISSUABLE = (
    DocumentKind.PLAN,
    DocumentKind.RESULTS,
    DocumentKind.ANALYSIS,
    DocumentKind.CONSOLIDATED,
)


@dataclass(frozen=True)
class IssueRequest:
    kind: str
    fmt: str
    issued_on: dt.date
    signer: str
    signer_title: str
    summary: str
    plan: Plan | None = None
    results_year: int | None = None
    corrects: RegisterEntry | None = None
    note: str = ""
    draft: ConsolidatedDraft | None = None
    index: str = "PAPI"  # the index an analysis report is about


def entries_for(user: User) -> QuerySet[RegisterEntry]:
    if not can_request_documents(user) or user.province_id is None:
        return RegisterEntry.objects.none()
    return RegisterEntry.objects.filter(province_id=user.province_id)


def register_symbol(user: User, kind: str, plan: Plan | None) -> str:
    """The register: "KH-UBND" for a plan of the People's Committee, "BC-SNV" for a report."""
    if user.province is None:
        raise PermissionDenied
    province = user.province.name
    if kind == DocumentKind.PLAN and plan is not None:
        body = plan_letterhead(plan, clock.today()).body
    else:
        body = agency_letterhead(user.agency, province, clock.today()).body
    return f"{KIND_CODES.get(DocumentKind(kind), 'BC')}-{body.symbol}"


def next_number(province_id: int, year: int, symbol: str) -> int:
    """The register's next number; call inside the issuing transaction."""
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        province_id=province_id, year=year, symbol=symbol
    )
    RegisterCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return counter.last


def _check(user: User, request: IssueRequest) -> None:
    if not can_edit_documents(user):
        raise PermissionDenied(_("Bạn không có quyền ban hành văn bản."))
    if request.kind not in ISSUABLE:
        raise DocumentError(_("Loại văn bản này không vào sổ văn bản."))
    if not request.signer.strip() or not request.signer_title.strip():
        raise DocumentError(_("Nhập người ký và chức vụ người ký."))
    corrects = request.corrects
    if corrects is not None:
        if corrects.province_id != user.province_id:
            raise PermissionDenied
        if corrects.kind != request.kind:
            raise DocumentError(_("Văn bản đính chính phải cùng loại với văn bản gốc."))
        if not request.note.strip():
            raise DocumentError(_("Ghi lý do đính chính."))


def default_summary(request: IssueRequest) -> str:
    """The trích yếu when the officer leaves it blank."""
    if request.kind == DocumentKind.ANALYSIS:
        return f"Kết quả Chỉ số {request.index.replace('_', ' ')} năm {request.results_year}"
    title = request.plan.title if request.plan is not None else ""
    if request.kind == DocumentKind.PLAN:
        return title
    if request.draft is not None:
        from chiso.documents.consolidated import summary_line
        from chiso.documents.consolidated_service import draft_period

        return summary_line(
            request.draft.plan.year, draft_period(request.draft).words, request.draft.plan.index
        )
    return f"Kết quả thực hiện {title[:1].lower() + title[1:]}"


def issue_document(user: User, request: IssueRequest) -> RegisterEntry:
    """Give the document its number and queue its generation; the worker freezes the file."""
    _check(user, request)
    with transaction.atomic():
        original = request.corrects
        if original is not None:
            year, symbol, seq = original.year, original.symbol, original.seq
        else:
            year = request.issued_on.year
            symbol = register_symbol(user, request.kind, request.plan)
            seq = next_number(own_province_id(user), year, symbol)
        job = create_job(
            user,
            request.kind,
            request.fmt,
            request.plan,
            request.results_year,
            request.draft,
            index=request.index,
        )
        entry = RegisterEntry.objects.create(
            province_id=own_province_id(user),
            year=year,
            symbol=symbol,
            seq=seq,
            number=f"{seq}/{symbol}",
            kind=request.kind,
            fmt=request.fmt,
            plan=request.draft.plan if request.draft is not None else request.plan,
            results_year=request.results_year,
            summary=(request.summary.strip() or default_summary(request))[:300],
            issued_on=request.issued_on,
            signer=request.signer.strip(),
            signer_title=request.signer_title.strip().replace("\r\n", "\n"),
            issued_by=user,
            corrects=original,
            note=request.note.strip(),
            job=job,
        )
        record(
            user,
            entry,
            "correct" if original else "issue",
            {"number": [None, entry.number], "issued_on": [None, entry.issued_on]},
            province=entry.province,
            note=entry.note,
        )
        enqueue(job)  # last: the job finds its entry even when it runs at once
    return entry


def stamped(letterhead: Letterhead, entry: RegisterEntry | None) -> Letterhead:
    """The letterhead with the register's number, date and signer."""
    if entry is None:
        return letterhead
    title = tuple(line.strip() for line in entry.signer_title.upper().splitlines() if line.strip())
    return replace(
        letterhead,
        number=entry.number,
        date=entry.issued_on,
        signature=Signature(title, entry.signer),
    )


def entry_of(job: DocumentJob) -> RegisterEntry | None:
    return RegisterEntry.objects.filter(job_id=job.pk).first()


def freeze(job_id: int, file_name: str, filename: str, content: bytes) -> None:
    """Keep the generated file as the issued version, once: an entry that has its file is never
    given another (a retried job changes nothing)."""
    entry = RegisterEntry.objects.filter(job_id=job_id).first()
    if entry is None:
        return
    with transaction.atomic():
        done = RegisterEntry.objects.filter(pk=entry.pk, frozen_at__isnull=True).update(
            file=file_name,
            filename=f"{entry.seq}-{entry.symbol}-{filename}",
            sha256=hashlib.sha256(content).hexdigest(),
            frozen_at=clock.now(),
        )
        if done:
            entry.refresh_from_db()
            record(
                entry.issued_by,
                entry,
                "freeze",
                {"sha256": [None, entry.sha256]},
                province=entry.province,
            )


def search(entries: QuerySet[RegisterEntry], text: str, year: int | None, kind: str) -> Any:
    if text:
        entries = entries.filter(
            Q(number__icontains=text) | Q(summary__icontains=text) | Q(signer__icontains=text)
        )
    if year:
        entries = entries.filter(year=year)
    if kind:
        entries = entries.filter(kind=kind)
    return entries
