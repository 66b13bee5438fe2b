"""The "what it takes" page and its XLSX: thin views over chiso.targets.forms/.service."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.index.framework import framework_for_slug, framework_slug, shipped_frameworks
from chiso.results.errors import NoResults
from chiso.results.store import load_results
from chiso.spreadsheets.xlsx import xlsx_response
from chiso.targets.export import allocation_workbook, workbook_filename
from chiso.targets.forms import TargetForm, defaults
from chiso.targets.service import TargetPage, TargetUnavailable, build_page, scope_for
from chiso.targets.verdict import priorities, reading_notes, verdict

INDEX_PARAM = "bo-chi-so"  # as on the results pages: PAPI unless another index is chosen


def _index(request: HttpRequest) -> str:
    raw = request.GET.get(INDEX_PARAM, "").strip().lower()
    if not raw:
        return "PAPI"
    found = framework_for_slug(raw)
    if found is None:
        raise Http404
    return found.code


def _index_context(code: str) -> dict[str, Any]:
    links = [(f.code.replace("_", " "), framework_slug(f.code), f.code == code)
             for f in shipped_frameworks()]  # fmt: skip
    return {
        "index_code": code,
        "index_label": code.replace("_", " "),
        "index_slug": framework_slug(code),
        "index_links": links,
    }


def _answer(request: AuthenticatedHttpRequest) -> tuple[dict[str, Any], TargetPage | None]:
    """The page's context and, when the query is valid and answerable, the computed page."""
    code = _index(request)
    try:
        results = load_results(code)
    except NoResults:
        return {"no_results": True, "page": None, **_index_context(code)}, None
    scope = scope_for(request.user, results)
    context: dict[str, Any] = {
        "scope": scope,
        "results": results,
        "page": None,
        **_index_context(code),
    }
    if scope.problem:
        return context, None
    if scope.can_pick and not request.GET.get("tinh"):
        # A national viewer's first visit: the form, no complaint about the missing province.
        context["form"] = TargetForm(initial=defaults(results), results=results, scope=scope)
        return context, None
    form = TargetForm({**defaults(results), **request.GET.dict()}, results=results, scope=scope)
    context["form"] = form
    page = None
    if form.is_valid():
        try:
            page = build_page(results, form.cleaned_data["query"], get_language() or "vi")
        except TargetUnavailable as exc:
            form.add_error(None, str(exc))
    context["page"] = page
    if page is not None:
        context["verdict"] = verdict(page)
        context["reading_notes"] = reading_notes(page)
        context["priorities"] = priorities(page.split)
    return context, page


@login_required
def target_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    context, _page = _answer(request)
    context["query_string"] = request.GET.urlencode()
    return render(request, "targets/page.html", context)


@login_required
def target_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    context, page = _answer(request)
    if page is None:
        context["query_string"] = request.GET.urlencode()
        return render(request, "targets/page.html", context, status=400)
    return xlsx_response(workbook_filename(page), allocation_workbook(page))
