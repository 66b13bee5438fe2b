"""Index results (published, public data) and the live status of a plan's objectives."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.api.auth import api_view
from chiso.api.errors import ApiError, bad_request, json_response
from chiso.api.query import YEAR, int_param
from chiso.index import Results, UnknownProvince, UnknownUnit, UnknownYear
from chiso.index.cli import profile_json, ranking_json
from chiso.index.framework import shipped_frameworks
from chiso.index.report import UnitResult
from chiso.plans.access import get_or_404, plans_for
from chiso.plans.models import Objective
from chiso.plans.objectives import evaluate_by_index


def stored_results(index: str = "PAPI") -> Results:
    """The results of `index` imported into the database (`chiso import-results`); 404 when
    none are."""
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    try:
        return load_results(index)
    except NoResults as exc:
        raise ApiError(404, "no_results", _("Chưa có kết quả chỉ số nào được nhập.")) from exc


def _index(request: HttpRequest) -> str:
    """The `index` parameter (PAPI, PCI, PAR_INDEX or SIPAS, as written), PAPI when absent; 400
    naming the parameter otherwise."""
    wanted = request.GET.get("index")
    if wanted is None:
        return "PAPI"
    codes = [f.code for f in shipped_frameworks()]
    if wanted not in codes:
        raise bad_request(
            _("Tham số “index” phải là một trong: %(codes)s.") % {"codes": ", ".join(codes)},
            "index",
        )
    return wanted


def _lookup_error(exc: LookupError) -> ApiError:
    return ApiError(404, "not_found", str(exc))


def _basis(results: Results, year: int) -> dict[str, object]:
    """How the year's groups and ranks are found, and whether the data cover the field."""
    fw = results.framework
    mean = results.ranking(year).mean
    return {
        "grouping": fw.grouping,
        "field_complete": not (mean is None and fw.field_size is not None),
    }


def _provenance(r: UnitResult | None) -> dict[str, bool]:
    if r is None:
        return {}
    return {
        "computed": r.computed,
        "weights_unconfirmed": r.weights_unconfirmed,
        "rank_published": r.rank_published,
        "group_published": r.group_published,
    }


@api_view(public=True)
def ranking(request: HttpRequest, year: int) -> HttpResponse:
    unit = request.GET.get("unit", "aggregate").strip() or "aggregate"
    results = stored_results(_index(request))
    try:
        body = ranking_json(results.ranking(year, unit))
    except (UnknownYear, UnknownUnit) as exc:
        raise _lookup_error(exc) from None
    return json_response({**body, **_basis(results, year)})


@api_view(public=True)
def profile(request: HttpRequest, year: int, province: str) -> HttpResponse:
    results = stored_results(_index(request))
    try:
        found = results.profile(province, year)
    except (UnknownYear, UnknownProvince) as exc:
        raise _lookup_error(exc) from None
    body = profile_json(found)
    if body["aggregate"] is not None:
        body["aggregate"].update(_provenance(found.aggregate))
    return json_response({**body, **_basis(results, year)})


def _pending(objective: Objective) -> dict[str, object]:
    target = objective.tier or (None if objective.value is None else float(objective.value))
    return {
        "id": objective.code,
        "kind": objective.kind,
        "text": objective.text,
        "status": "pending",
        "actual": None,
        "target": target,
        "gap": None,
        "detail": {"summary": _("chưa có kết quả chỉ số"), "failing_units": [], "caveats": []},
    }


@api_view()
def objective_status(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Each objective judged on its own index's results (a PAPI plan's PCI objective on PCI's),
    pending where that index has none or none for the province that year."""
    plan = get_or_404(plans_for(request.user).select_related("province"), pk=pk)
    year = int_param(request, "year", YEAR) or plan.year
    objectives = list(plan.objectives.all())
    evaluation = evaluate_by_index(plan, objectives, year=year, with_standings=False)
    if evaluation.plan_error is not None:
        error = evaluation.plan_error
        raise ApiError(400, "invalid_plan", str(error), error.field)
    judged = {code: result.as_json() for code, (result, _now) in evaluation.judged.items()}
    return json_response(
        {
            "plan": plan.pk,
            "year": year,
            "results_available": evaluation.results_available,
            "objectives": [judged.get(o.code) or _pending(o) for o in objectives],
        }
    )
