"""The documents page: request a report, watch its progress (htmx polling), download it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.documents.editing import can_edit_documents
from chiso.documents.forms import DocumentRequestForm
from chiso.documents.generate import DocumentError
from chiso.documents.models import DocumentJob
from chiso.documents.pdf import pdf_available
from chiso.documents.services import can_request_documents, jobs_for, request_document
from chiso.index.framework import shipped_frameworks
from chiso.plans.access import get_or_404, plans_for

RECENT_JOBS = 20


def own_province(request: AuthenticatedHttpRequest) -> str:
    province = request.user.province
    return province.name if province is not None else ""


def province_indices(province: str) -> dict[str, tuple[int, ...]]:
    """Each shipped index (PAPI first) with the years `province` has a composite score in its
    stored results — what an analysis report needs (a PCI year published for the top 30 only
    leaves most provinces out); an index without any such year is left out."""
    import math

    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    found: dict[str, tuple[int, ...]] = {}
    for framework in shipped_frameworks():
        try:
            results = load_results(framework.code)
            column = results.provinces.index(results.province(province))
        except (NoResults, LookupError):
            continue
        scores = results.values("aggregate")[:, column]
        years = tuple(y for y, v in zip(results.years, scores, strict=True) if not math.isnan(v))
        if years:
            found[framework.code] = years
    return found


@login_required
@require_http_methods(["GET", "POST"])
def documents_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_request_documents(request.user):
        raise PermissionDenied
    form = DocumentRequestForm(
        request.POST or None, user=request.user, indices=province_indices(own_province(request))
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            request_document(
                request.user,
                data["kind"],
                data["fmt"],
                data["plan"],
                data["year"],
                index=data["index"],
            )
        except DocumentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã nhận yêu cầu; văn bản đang được tạo."))
            return redirect("documents:page")
    jobs = jobs_for(request.user).select_related("plan", "requested_by")[:RECENT_JOBS]
    return render(
        request,
        "documents/page.html",
        {
            "form": form,
            "jobs": jobs,
            "pdf_available": pdf_available(),
            "can_edit": can_edit_documents(request.user),
            "plans": plans_for(request.user).order_by("-year")[:3],
        },
    )


@login_required
@require_GET
def job_status(request: AuthenticatedHttpRequest, job_id: int) -> HttpResponse:
    job = get_or_404(jobs_for(request.user).select_related("plan", "requested_by"), pk=job_id)
    return render(request, "documents/_job.html", {"job": job})


@login_required
@require_GET
def download(request: AuthenticatedHttpRequest, job_id: int) -> FileResponse:
    job: DocumentJob = get_or_404(jobs_for(request.user), pk=job_id)
    if not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.filename)
