"""What each public page depends on, as short tokens for its ETag (see `caching`); the API's
bearer tokens are another thing (`api.tokens`).

Plan data is versioned by the provinces' data revisions (`audit.DataRevision`), raised in the same
transaction as every audited change — plan, objective, section, task, assignment or report — so
no edit can leave a browser with a `304` for a page that shows something else now.
"""

from __future__ import annotations

from django.db.models import Sum
from django.http import HttpRequest

from chiso.audit.models import DataRevision
from chiso.audit.services import revision_of
from chiso.plans.models import Plan
from chiso.public.data import current_results, fingerprint
from chiso.public.indices import framework_codes, index_from
from chiso.site import clock


def results_token(request: HttpRequest, *args: object, **kwargs: object) -> str:
    """The fingerprint of the results the page shows (PAPI, or the index of `?bo-chi-so=`)."""
    results = current_results(index_from(request))
    return fingerprint(results) if results is not None else "no-results"


def profile_token(request: HttpRequest, *args: object, **kwargs: object) -> str:
    """A province's profile: its results, and the deployment's mergers (the "merged into" note)."""
    from chiso.public.deployment import mergers_token

    return f"{results_token(request)}:{mergers_token()}"


def plans_token() -> str:
    """The list of published plans spans the deployment's provinces: any province's change."""
    total = DataRevision.objects.aggregate(n=Sum("number"))["n"]
    return f"{total or 0}"


def plan_token(plan_id: int) -> str:
    """Changes with any audited change of the plan's province and with the day (a status turns
    overdue at midnight)."""
    province_id = Plan.objects.filter(pk=plan_id).values_list("province_id", flat=True).first()
    if province_id is None:
        return "no-plan"
    return f"{revision_of(province_id)}:{clock.today()}"


def all_results_token() -> str:
    """Every index's fingerprint: the public index page links the other indices' rankings."""
    parts = []
    for code in framework_codes():
        results = current_results(code)
        parts.append(fingerprint(results) if results is not None else "-")
    return ",".join(parts)


def index_token(request: HttpRequest) -> str:
    return f"{results_token(request)}:{all_results_token()}:{plans_token()}"


def plan_page_token(request: HttpRequest, plan_id: int) -> str:
    return f"{results_token(request)}:{plan_token(plan_id)}"
