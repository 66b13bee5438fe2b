"""Index results (published, public data) and the live status of a plan's objectives."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chiso.api.auth import api_view
from chiso.api.errors import ApiError, json_response
from chiso.api.query import YEAR, int_param
from chiso.index import Results, UnknownProvince, UnknownUnit, UnknownYear
from chiso.index.cli import profile_json, ranking_json
from chiso.index.objectives import evaluate_objectives
from chiso.index.plan_file import ObjectiveSpec, PlanFileError
from chiso.plans.access import get_or_404, plans_for
from chiso.plans.objectives import plan_spec


def stored_results() -> Results:
    """The results imported into the database (`chiso import-results`); 404 when none are."""
    from chiso.results.errors import NoResults
    from chiso.results.store import load_results

    try:
        return load_results()
    except NoResults as exc:
        raise ApiError(404, "no_results", _("Chưa có kết quả chỉ số nào được nhập.")) from exc


def _lookup_error(exc: LookupError) -> ApiError:
    return ApiError(404, "not_found", str(exc))


@api_view(public=True)
def ranking(request: HttpRequest, year: int) -> HttpResponse:
    unit = request.GET.get("unit", "aggregate").strip() or "aggregate"
    results = stored_results()
    try:
        return json_response(ranking_json(results.ranking(year, unit)))
    except (UnknownYear, UnknownUnit) as exc:
        raise _lookup_error(exc) from None


@api_view(public=True)
def profile(request: HttpRequest, year: int, province: str) -> HttpResponse:
    results = stored_results()
    try:
        return json_response(profile_json(results.profile(province, year)))
    except (UnknownYear, UnknownProvince) as exc:
        raise _lookup_error(exc) from None


def _pending(spec: ObjectiveSpec) -> dict[str, object]:
    target = spec.tier if spec.tier else spec.value
    return {
        "id": spec.id,
        "kind": spec.kind,
        "text": spec.text,
        "status": "pending",
        "actual": None,
        "target": target,
        "gap": None,
        "detail": {"summary": _("chưa có kết quả chỉ số"), "failing_units": [], "caveats": []},
    }


@api_view()
def objective_status(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_or_404(plans_for(request.user).select_related("province"), pk=pk)
    year = int_param(request, "year", YEAR) or plan.year
    spec = plan_spec(plan, list(plan.objectives.all()))
    try:
        results = stored_results()
    except ApiError:
        # No results imported yet: every objective is pending, which is the truth.
        return json_response(
            {
                "plan": plan.pk,
                "year": year,
                "results_available": False,
                "objectives": [_pending(o) for o in spec.objectives],
            }
        )
    try:
        evaluated = evaluate_objectives(spec, results, year)
    except PlanFileError as exc:
        raise ApiError(400, "invalid_plan", str(exc), exc.field) from None
    return json_response(
        {
            "plan": plan.pk,
            "year": year,
            "results_available": True,
            "objectives": [r.as_json() for r in evaluated],
        }
    )
