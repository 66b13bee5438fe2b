"""The consolidated report pages: make a draft for a plan and period, edit its words, preview
it, generate DOCX/PDF/XLSX (the documents job queue) and issue it through the register."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.documents.consolidated import Heading, Para, TableBlock, summary_line
from chiso.documents.consolidated_service import (
    Sources,
    create_draft,
    draft_period,
    drafts_for,
    preview_blocks,
    update_draft,
)
from chiso.documents.editing import EditError, can_edit_documents
from chiso.documents.forms_consolidated import (
    ConsolidatedIssueForm,
    DraftCreateForm,
    DraftTextForm,
    GenerateForm,
)
from chiso.documents.generate import DocumentError
from chiso.documents.models import ConsolidatedDraft, DocumentKind
from chiso.documents.register import IssueRequest
from chiso.documents.services import can_request_documents, request_document
from chiso.documents.views_register import issue_and_show_register
from chiso.plans.access import get_or_404
from chiso.site import clock


def _sources() -> Sources:
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    try:
        return Sources(load_results(), clock.today())
    except NoResults:
        return Sources(None, clock.today())


def _reader(request: AuthenticatedHttpRequest) -> None:
    if not can_request_documents(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def draft_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    _reader(request)
    can_edit = can_edit_documents(request.user)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = DraftCreateForm(request.POST or None, user=request.user) if can_edit else None
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            draft = create_draft(
                request.user,
                data["plan"],
                data["period_kind"],
                _sources(),
                data["starts_on"],
                data["ends_on"],
            )
        except EditError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã tạo dự thảo báo cáo, các phần IV–VI điền từ số liệu."))
            return redirect("documents:consolidated", draft_id=draft.pk)
    drafts = drafts_for(request.user)[:50]
    rows = [(d, summary_line(d.plan.year, draft_period(d).words, d.plan.index)) for d in drafts]
    context = {"form": form, "rows": rows}
    return render(request, "documents/consolidated_list.html", context)


def _draft_context(
    request: AuthenticatedHttpRequest, draft: ConsolidatedDraft
) -> dict[str, object]:
    jobs = draft.jobs.select_related("plan", "requested_by").order_by("-created_at")[:10]
    return {
        "draft": draft,
        "title": summary_line(draft.plan.year, draft_period(draft).words, draft.plan.index),
        "jobs": jobs,
        "can_edit": can_edit_documents(request.user),
        "generate_form": GenerateForm(),
    }


@login_required
@require_http_methods(["GET", "POST"])
def draft_page(request: AuthenticatedHttpRequest, draft_id: int) -> HttpResponse:
    _reader(request)
    draft = get_or_404(drafts_for(request.user), pk=draft_id)
    can_edit = can_edit_documents(request.user)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    form = DraftTextForm(request.POST or None, instance=draft) if can_edit else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            update_draft(request.user, draft, form.cleaned_data, form.cleaned_data["version"])
        except EditError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu báo cáo."))
            return redirect("documents:consolidated", draft_id=draft.pk)
    issue_form = None
    if can_edit:
        issue_form = ConsolidatedIssueForm(initial={"issued_on": clock.today()})
    context = {**_draft_context(request, draft), "form": form, "issue_form": issue_form}
    return render(request, "documents/consolidated_draft.html", context)


@login_required
@require_GET
def draft_preview(request: AuthenticatedHttpRequest, draft_id: int) -> HttpResponse:
    _reader(request)
    draft = get_or_404(drafts_for(request.user), pk=draft_id)
    blocks = preview_blocks(draft, _sources())
    rows = [
        {
            "heading": b if isinstance(b, Heading) else None,
            "para": b if isinstance(b, Para) else None,
            "table": b if isinstance(b, TableBlock) else None,
        }
        for b in blocks
        if isinstance(b, (Heading, Para, TableBlock))
    ]
    context = {**_draft_context(request, draft), "blocks": rows}
    return render(request, "documents/consolidated_preview.html", context)


@login_required
@require_POST
def draft_generate(request: AuthenticatedHttpRequest, draft_id: int) -> HttpResponse:
    _reader(request)
    draft = get_or_404(drafts_for(request.user), pk=draft_id)
    form = GenerateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Chọn định dạng."))
    else:
        try:
            request_document(
                request.user, DocumentKind.CONSOLIDATED, form.cleaned_data["fmt"], draft=draft
            )
        except DocumentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Đã nhận yêu cầu; văn bản đang được tạo."))
    return redirect("documents:consolidated", draft_id=draft.pk)


@login_required
@require_POST
def draft_issue(request: AuthenticatedHttpRequest, draft_id: int) -> HttpResponse:
    if not can_edit_documents(request.user):
        raise PermissionDenied
    draft = get_or_404(drafts_for(request.user), pk=draft_id)
    form = ConsolidatedIssueForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        issued = issue_and_show_register(
            request,
            form,
            IssueRequest(
                kind=DocumentKind.CONSOLIDATED,
                fmt=data["fmt"],
                issued_on=data["issued_on"],
                signer=data["signer"],
                signer_title=data["signer_title"],
                summary=data["summary"],
                draft=draft,
            ),
        )
        if issued is not None:
            return issued
    context = {**_draft_context(request, draft), "form": DraftTextForm(instance=draft)}
    context["issue_form"] = form
    return render(request, "documents/consolidated_draft.html", context, status=400)
