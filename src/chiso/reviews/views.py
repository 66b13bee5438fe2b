"""Did the plan work? Thin views over chiso.reviews.service and the core's review."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.index.review import CAVEATS, task_kinds
from chiso.plans.access import get_or_404, plans_for
from chiso.public.data import current_results
from chiso.reviews.pages import kind_rows, plan_figures, unit_rows
from chiso.reviews.service import reviewable


def _lang() -> str:
    return get_language() or "vi"


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Every plan of the province: reviewed when its year's results are out; and, over the
    reviewed years, which kinds of tasks went with gains."""
    results = current_results()
    plans = plans_for(request.user).select_related("province").order_by("year", "number")
    rows = reviewable(results, plans) if results else [(p, None) for p in plans]
    reviews = [r for _, r in rows if r is not None]
    context = {
        "rows": [(plan, review, *plan_figures(review, _lang())) for plan, review in rows],
        "kinds": kind_rows(task_kinds(reviews), _lang()),
        "caveats": [c.get(_lang()) for c in CAVEATS],
        "no_results": results is None,
    }
    return render(request, "reviews/index.html", context)


@login_required
def detail(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    plan = get_or_404(plans_for(request.user).select_related("province"), pk=plan_id)
    results = current_results()
    review = reviewable(results, [plan])[0][1] if results else None
    context = {
        "plan": plan,
        "review": review,
        "rows": unit_rows(review, _lang()) if review else (),
        "caveats": [c.get(_lang()) for c in CAVEATS],
    }
    return render(request, "reviews/detail.html", context)
