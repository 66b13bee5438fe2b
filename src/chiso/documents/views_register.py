"""The document register page: issue a document (number, date, signer), list and search what was
issued, download the frozen files."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.documents.editing import can_edit_documents
from chiso.documents.forms_register import IssueForm, RegisterSearchForm
from chiso.documents.generate import DocumentError
from chiso.documents.register import IssueRequest, entries_for, issue_document, search
from chiso.documents.services import can_request_documents
from chiso.documents.views import own_province, province_indices
from chiso.plans.access import get_or_404
from chiso.site import clock

PAGE_SIZE = 30


def issue_and_show_register(
    request: AuthenticatedHttpRequest, form: forms.Form, issue: IssueRequest
) -> HttpResponse | None:
    """Issue through the register: on success a message and the register page; on a refusal
    its reason above `form` and None (the caller shows the form again)."""
    try:
        entry = issue_document(request.user, issue)
    except DocumentError as exc:
        form.add_error(None, str(exc))
        return None
    messages.success(
        request, _("Đã vào sổ số %(number)s; văn bản đang được tạo.") % {"number": entry.number}
    )
    return redirect("documents:register")


@login_required
@require_http_methods(["GET", "POST"])
def register_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_request_documents(request.user):
        raise PermissionDenied
    entries = entries_for(request.user).select_related("issued_by", "job", "corrects")
    can_issue = can_edit_documents(request.user)
    form = None
    if can_issue:
        form = IssueForm(
            request.POST or None,
            user=request.user,
            indices=province_indices(own_province(request)),
            entries=entries,
            initial={"issued_on": clock.today()},
        )
    elif request.method == "POST":
        raise PermissionDenied
    if request.method == "POST" and form is not None and form.is_valid():
        issued = issue_and_show_register(request, form, form.issue_request())
        if issued is not None:
            return issued
    years = sorted(set(entries.values_list("year", flat=True)), reverse=True)
    search_form = RegisterSearchForm(request.GET or None, years=years)
    found = entries
    if search_form.is_valid():
        data = search_form.cleaned_data
        found = search(entries, data["q"].strip(), data["year"], data["kind"])
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {"form": form, "search_form": search_form, "page": page}
    return render(request, "documents/register.html", context)


@login_required
@require_GET
def register_download(request: AuthenticatedHttpRequest, entry_id: int) -> FileResponse:
    entry = get_or_404(entries_for(request.user), pk=entry_id)
    if not entry.file:
        raise Http404
    return FileResponse(entry.file.open("rb"), as_attachment=True, filename=entry.filename)
