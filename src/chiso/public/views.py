"""Thin views: pick the data, hand it to the page builders, render."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.index import Province, Results
from chiso.public import deployment
from chiso.public.access import can_see_indices
from chiso.public.across import build_across
from chiso.public.caching import cached_page
from chiso.public.data import current_results
from chiso.public.etags import index_token, plan_page_token, profile_token, results_token
from chiso.public.indices import (
    DEFAULT,
    IndexChoice,
    framework_codes,
    index_choices,
    index_from,
    index_label,
    index_query,
    index_slug,
)
from chiso.public.peers import PeersPage, build_peers, kind_choices, parse_query
from chiso.public.peers_export import peers_workbook
from chiso.public.profile import build_profile
from chiso.public.published import get_public_plan, public_plans, published_plan
from chiso.public.ranking import build_ranking
from chiso.public.slugs import province_for_slug, province_slug
from chiso.results.access import can_enter_results
from chiso.site import clock
from chiso.spreadsheets.xlsx import xlsx_response
from chiso.web.params import parse_id


def _results(index: str = DEFAULT) -> Results:
    results = current_results(index)
    if results is None:
        raise Http404
    return results


def _available() -> dict[str, Results]:
    """Every shipped index that has stored results (as of the site's date)."""
    found = {code: current_results(code) for code in framework_codes()}
    return {code: results for code, results in found.items() if results is not None}


def _index_links(
    current: str, href: Callable[[str, Results], str]
) -> list[tuple[IndexChoice, str]]:
    """The index switcher: each index with results, linked to the same page of that index
    (`href` is given the index and its results, to keep a year that index has)."""
    available = _available()
    return [
        (choice, href(choice.code, available[choice.code]) if choice.code in available else "")
        for choice in index_choices(current, frozenset(available))
    ]


def _with_index(url: str, code: str, sep: str = "?") -> str:
    query = index_query(code)
    return f"{url}{sep}{query}" if query else url


def _index_context(code: str) -> dict[str, object]:
    return {"index_slug": index_slug(code), "index_label": index_label(code)}


def _lang() -> str:
    return get_language() or "vi"


def _year(results: Results, raw: str | int | None) -> int:
    if raw in (None, ""):
        return results.years[-1]
    try:
        year = int(str(raw))
    except ValueError:
        raise Http404 from None
    if year not in results.years:
        raise Http404
    return year


@cached_page(index_token)
def index(request: HttpRequest) -> HttpResponse:
    results = current_results()
    context = {
        "results": results,
        "latest": results.years[-1] if results else None,
        "provinces": deployment.profile_links(results, _lang()) if results else [],
        "plans": list(public_plans()),
        "other_indices": [
            (
                index_label(code),
                _with_index(reverse("public:ranking", args=[other.years[-1]]), code),
                other.years[-1],
            )
            for code, other in _available().items()
            if code != DEFAULT
        ],
    }
    return render(request, "public/index.html", context)


def _profile_url(slug: str, year: int, code: str) -> str:
    return _with_index(reverse("public:profile", args=[slug, year]), code)


def choose_profile(request: HttpRequest) -> HttpResponse:
    """Target of the province/year picker form (works without JavaScript)."""
    code = index_from(request)
    results = _results(code)
    province = province_for_slug(results, request.GET.get("tinh", ""))
    year = _year(results, request.GET.get("nam"))
    return redirect(_profile_url(province_slug(province), year, code))


def latest_profile(request: HttpRequest, slug: str) -> HttpResponse:
    code = index_from(request)
    results = _results(code)
    slug = province_slug(province_for_slug(results, slug))
    return redirect(_profile_url(slug, results.years[-1], code))


def _same_year(year: int) -> Callable[[Results], int]:
    return lambda other: year if year in other.years else other.years[-1]


def _profile_context(results: Results, province: Province, year: int) -> dict[str, object]:
    slug = province_slug(province)
    keep = _same_year(year)
    return {
        "page": build_profile(results, province, year, _lang()),
        "merged_into": deployment.merged_into(results, province, year),
        "province_choices": deployment.province_choices(results, year, _lang()),
        "index_links": _index_links(
            results.index, lambda code, other: _profile_url(slug, keep(other), code)
        ),
        **_index_context(results.index),
    }


@cached_page(profile_token)
def profile(request: HttpRequest, slug: str, year: int) -> HttpResponse:
    results = _results(index_from(request))
    province = province_for_slug(results, slug)
    context = _profile_context(results, province, _year(results, year))
    return render(request, "public/profile.html", context)


def latest_ranking(request: HttpRequest) -> HttpResponse:
    code = index_from(request)
    url = reverse("public:ranking", args=[_results(code).years[-1]])
    return redirect(_with_index(url, code))


@cached_page(results_token)
def ranking(request: HttpRequest, year: int) -> HttpResponse:
    code = index_from(request)
    results = _results(code)
    keep = _same_year(year)
    context: dict[str, object] = {
        "index_links": _index_links(
            code,
            lambda other_code, other: _with_index(
                reverse("public:ranking", args=[keep(other)]), other_code
            ),
        ),
        **_index_context(code),
    }
    context["page"] = build_ranking(
        results,
        _year(results, year),
        request.GET.get("chi-so", "aggregate"),
        request.GET.get("sort", "rank"),
        _lang(),
        deployment.codes(),
    )
    return render(request, "public/ranking.html", context)


@cached_page(index_token)
def plans(request: HttpRequest) -> HttpResponse:
    return render(request, "public/plans.html", {"plans": list(public_plans())})


def _agency_id(request: HttpRequest) -> int | None:
    raw = request.GET.get("don-vi", "")
    if not raw:
        return None
    agency_id = parse_id(raw)
    if agency_id is None:
        raise Http404
    return agency_id


def _plan_view(request: HttpRequest, plan_id: int, template: str) -> HttpResponse:
    plan = get_public_plan(plan_id)
    page = published_plan(plan, current_results(), _agency_id(request), clock.today(), _lang())
    return render(request, template, {"plan": page, "today": clock.today()})


@cached_page(plan_page_token)
def plan(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _plan_view(request, plan_id, "public/plan.html")


@cached_page(plan_page_token)
def plan_print(request: HttpRequest, plan_id: int) -> HttpResponse:
    return _plan_view(request, plan_id, "public/plan_print.html")


@login_required
@cached_page(profile_token)
def results_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """What officials open first: their own province's profile, latest year by default; PAPI
    unless another index is chosen (`?bo-chi-so=pci`)."""
    code = index_from(request)
    results = current_results(code)
    if results is None:
        links = _index_links(code, lambda other, _r: _with_index(reverse("public:results"), other))
        context = {"page": None, "index_links": links, **_index_context(code)}
        return render(request, "public/results.html", context)
    year = _year(results, request.GET.get("nam"))
    slug = request.GET.get("tinh", "")
    province = (
        province_for_slug(results, slug)
        if slug
        else deployment.home_province(request.user, results, year)
    )
    context = _profile_context(results, province, year)
    slug, keep = province_slug(province), _same_year(year)
    context["index_links"] = _index_links(
        code,
        lambda other, other_results: (
            reverse("public:results")
            + f"?tinh={slug}&nam={keep(other_results)}"
            + (f"&{index_query(other)}" if index_query(other) else "")
        ),
    )
    context["can_enter_results"] = can_enter_results(request.user)
    context["can_see_indices"] = can_see_indices(request.user)
    return render(request, "public/results.html", context)


def _peers_page(request: HttpRequest) -> tuple[Results, PeersPage]:
    results = current_results()
    if results is None:
        raise Http404
    year = results.years[-1]
    home = deployment.home_province(request.user, results, year)
    query = parse_query(results, request.GET, request.GET.getlist("so-sanh"), home)
    return results, build_peers(results, query, _lang())


@login_required
def results_peers(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The province beside its peers, and whom to learn from on each weak unit."""
    results, page = _peers_page(request)
    context = {
        "page": page,
        "province_choices": deployment.province_choices(results, page.query.year, _lang()),
        "kind_choices": kind_choices(),
        "custom_slugs": [province_slug(p) for p in page.query.custom],
        "query_string": request.GET.urlencode(),
    }
    return render(request, "public/peers.html", context)


@login_required
def results_peers_xlsx(request: AuthenticatedHttpRequest) -> HttpResponse:
    results, page = _peers_page(request)
    data = peers_workbook(results, page, _lang())
    return xlsx_response(
        f"so-sanh-{province_slug(page.query.province)}-{page.query.year}.xlsx", data
    )


@login_required
def indices_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Leadership's view of the province on the four indices, year by year (own province)."""
    if not can_see_indices(request.user):
        raise PermissionDenied
    available = _available()
    if not available:
        return render(request, "public/indices.html", {"page": None})
    first = available.get(DEFAULT) or next(iter(available.values()))
    province = deployment.home_province(request.user, first, first.years[-1])
    page = build_across(available, framework_codes(), province, _lang())
    return render(request, "public/indices.html", {"page": page})
