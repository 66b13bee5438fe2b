"""Consolidated reports: making a draft (its editable parts prefilled from the facts), saving the
officer's words, and writing the report — preview outline, DOCX/PDF, XLSX annex — as of a day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from chiso.audit.services import diff, record, snapshot
from chiso.dashboards.weakness import WeakUnits, weak_units_from
from chiso.documents.annex import build_tables_workbook
from chiso.documents.consolidated import (
    Block,
    ConsolidatedInput,
    ConsolidatedTexts,
    agency_table,
    build_consolidated,
    period_table,
    report_blocks,
    task_table,
)
from chiso.documents.consolidated_facts import gather
from chiso.documents.consolidated_providers import FactContext, prefill
from chiso.documents.editing import EditError, can_edit_documents
from chiso.documents.generate import (
    DocumentFile,
    finish,
    in_vietnamese,
    plan_facts,
)
from chiso.documents.letterhead import Letterhead, Progress, no_progress
from chiso.documents.models import ConsolidatedDraft
from chiso.documents.period import Period, PeriodError, make_period
from chiso.documents.report_indices import index_results, index_sections
from chiso.documents.report_objectives import published_year, report_objectives
from chiso.documents.services import can_request_documents
from chiso.index.results import Results
from chiso.plans.models import Plan

if TYPE_CHECKING:
    from chiso.accounts.models import User

TEXT_FIELDS = ("limitations", "causes", "directions", "proposals")
AUTHOR = "Sở Nội vụ"


def drafts_for(user: User) -> QuerySet[ConsolidatedDraft]:
    if not can_request_documents(user) or user.province_id is None:
        return ConsolidatedDraft.objects.none()
    return ConsolidatedDraft.objects.filter(province_id=user.province_id).select_related(
        "plan", "plan__province"
    )


def draft_period(draft: ConsolidatedDraft) -> Period:
    return Period(draft.period_kind, draft.plan.year, draft.starts_on, draft.ends_on)


@dataclass(frozen=True)
class Sources:
    """What a consolidated report reads besides the plan: results published by its date."""

    results: Results | None
    today: dt.date
    author: str = AUTHOR


def _weak(plan: Plan, results: Results | None) -> WeakUnits | None:
    """The weak units of the plan's own index (a PCI plan's on PCI's results)."""
    own = index_results(plan.index, results)
    return weak_units_from(own, plan) if own is not None else None


def texts_from_facts(plan: Plan, period: Period, sources: Sources) -> dict[str, str]:
    facts = gather(plan, period, sources.today)
    return prefill(FactContext(plan, facts, sources.author, _weak(plan, sources.results)))


def create_draft(
    user: User,
    plan: Plan,
    kind: str,
    sources: Sources,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
) -> ConsolidatedDraft:
    """A new draft for the plan and period, its parts IV–VI prefilled from the facts."""
    if not can_edit_documents(user) or plan.province_id != user.province_id:
        raise PermissionDenied(_("Bạn không có quyền soạn báo cáo."))
    try:
        period = make_period(kind, plan.year, starts_on, ends_on)
    except PeriodError as exc:
        raise EditError(str(exc)) from None
    texts = texts_from_facts(plan, period, sources)
    with transaction.atomic():
        draft = ConsolidatedDraft.objects.create(
            province_id=plan.province_id,
            plan=plan,
            period_kind=period.kind,
            starts_on=period.starts_on,
            ends_on=period.ends_on,
            created_by=user,
            **texts,
        )
        record(
            user,
            draft,
            "create",
            diff({}, snapshot(draft, ("starts_on", "ends_on", *TEXT_FIELDS))),
            province=plan.province,
        )
    return draft


def update_draft(
    user: User, draft: ConsolidatedDraft, values: dict[str, str], version: int | None
) -> ConsolidatedDraft:
    """Save the officer's words; a draft changed meanwhile by someone else is refused."""
    if not can_edit_documents(user) or draft.province_id != user.province_id:
        raise PermissionDenied(_("Bạn không có quyền soạn báo cáo."))
    with transaction.atomic():
        current = ConsolidatedDraft.objects.select_for_update().get(pk=draft.pk)
        if version is not None and current.version != version:
            raise EditError(
                _("Báo cáo vừa được người khác sửa; tải lại trang để xem bản mới nhất.")
            )
        before = snapshot(current, TEXT_FIELDS)
        for field in TEXT_FIELDS:
            setattr(current, field, values.get(field, "").replace("\r\n", "\n").strip())
        changes = diff(before, snapshot(current, TEXT_FIELDS))
        if changes:
            current.version += 1
            current.save()
            record(user, current, "update", changes, province=current.province)
    return current


def report_input(draft: ConsolidatedDraft, sources: Sources) -> ConsolidatedInput:
    plan = draft.plan
    facts = gather(plan, draft_period(draft), sources.today)
    results = sources.results
    year = published_year(results, plan.year, sources.today) if results is not None else None
    sections = index_sections(plan, results, year, sources.today)
    objectives = report_objectives(plan, results, year, sources.today)
    texts = ConsolidatedTexts(**{f: getattr(draft, f) for f in TEXT_FIELDS})
    return ConsolidatedInput(plan_facts(plan), facts, sections, objectives, texts, sources.author)


@in_vietnamese
def preview_blocks(draft: ConsolidatedDraft, sources: Sources) -> list[Block]:
    return report_blocks(report_input(draft, sources))


@in_vietnamese
def consolidated_document(
    draft: ConsolidatedDraft,
    sources: Sources,
    letterhead: Letterhead,
    fmt: str = "docx",
    progress: Progress = no_progress,
) -> DocumentFile:
    progress(5, _("Đọc số liệu kế hoạch"))
    data = report_input(draft, sources)
    stem = f"bao-cao-tong-hop-{draft.plan.file_tag}-{draft.starts_on:%m%d}-{draft.ends_on:%m%d}"
    if fmt == "xlsx":
        sheets = (
            ("Theo cơ quan", agency_table(data.facts)),
            ("Theo nhiệm vụ", task_table(data.facts)),
            ("Theo kỳ báo cáo", period_table(data.facts)),
        )
        title = f"Phụ lục báo cáo {data.facts.period.words}"
        return DocumentFile(f"{stem}-phu-luc.xlsx", build_tables_workbook(title, sheets))
    progress(40, _("Viết báo cáo"))
    return finish(build_consolidated(data, letterhead), stem, fmt, progress)
