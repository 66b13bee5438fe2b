"""Dashboard pages: thin views over chiso.dashboards.dashboard and .deadlines."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject

from chiso.accounts.models import Agency
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import is_coordinator, reads_province, viewer_key
from chiso.audit.services import with_revision
from chiso.dashboards.area_filter import area_filter
from chiso.dashboards.dashboard import DashboardInputs, PlanDashboard, build_dashboard
from chiso.dashboards.deadlines import MAX_DUE_SOON_DAYS, due_soon, due_soon_days, overdue
from chiso.dashboards.links import task_list_url
from chiso.dashboards.metrics import AgencyRow
from chiso.dashboards.table_rows import TableRows, table_rows
from chiso.plans.access import (
    assignments_for,
    can_edit_plan,
    current_plans_first,
    get_or_404,
    plans_for,
)
from chiso.plans.compliance import AgencyCompliance, current_compliance
from chiso.plans.models import Assignment, Plan
from chiso.plans.units import index_codes
from chiso.site import clock
from chiso.web.fragments import fragment, province_fragment
from chiso.web.panels import PLAN_DASHBOARD, panels
from chiso.web.params import int_param

if TYPE_CHECKING:
    from chiso.accounts.models import User

# Rows per page of the dashboard's agency table (a province has a hundred or more agencies
# once communes report directly); the most overdue come first.
AGENCY_PAGE_SIZE = 25
# Rows per page of each deadline list.
DEADLINE_PAGE_SIZE = 25
# Rows per page of the current-period compliance table (one row per agency with a period due).
COMPLIANCE_PAGE_SIZE = 25


@login_required
def dashboard_home(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The current plan's dashboard; a short page when the province has no plan yet."""
    plan = current_plans_first(plans_for(request.user), clock.today()).first()
    if plan is not None:
        return redirect("dashboards:plan", plan_id=plan.pk)
    return render(request, "dashboards/no_plan.html")


@login_required
def plan_dashboard(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    """The plan's dashboard. Its body is a cached fragment (chiso.web.fragments): the figures
    below are lazy and computed only when the fragment is not in the cache."""
    user = request.user
    plan = get_or_404(with_revision(plans_for(user), shared=True), pk=plan_id)
    area = _area_agency(request)
    index = _chosen_index(request, plan)
    # The parts a report changes (counts) and those it does not (objectives, weak units),
    # built from the same inputs when a first view after a change needs both.
    inputs = DashboardInputs(plan, index, plan.shared_revision, plan.data_revision)
    dash = SimpleLazyObject(lambda: _dashboard(plan, user, area, inputs, objectives=False))
    head = SimpleLazyObject(lambda: _dashboard(plan, user, area, inputs, counted=False))
    parts = (plan.pk, viewer_key(user), area.pk if area else "", index)
    figures = _Figures(plan, request, inputs, cast(PlanDashboard, dash))
    return render(
        request,
        "dashboards/plan.html",
        {
            "plan": plan,
            # Inside the counts' and tables' fragments: their figures, for a report that
            # changes none.
            "counts_key": SimpleLazyObject(figures.counts_key),
            "tables_digest_key": SimpleLazyObject(figures.tables_digest_key),
            "tables_key": SimpleLazyObject(figures.tables_key),
            # Counts: the province's data revision (every report).
            "fragment": fragment(
                plan.province_id,
                "dashboard",
                *parts,
                request.GET.get("agency_page", ""),
                request.GET.get("compliance_page", ""),
                revision=plan.data_revision,
            ),
            # Head, objectives, weak units, index choice, panels: changes outside any one
            # task's work (reports leave them cached).
            "frame": fragment(
                plan.province_id, "dashboard-frame", *parts, revision=plan.shared_revision
            ),
            "head": head,
            "area": area,
            "area_choices": SimpleLazyObject(lambda: _area_choices(user)),
            "dash": dash,
            "agency_page": SimpleLazyObject(lambda: figures.agency_page),
            # The units, sections, agencies and compliance tables' rows, each cached by its
            # own figures.
            "table_rows": SimpleLazyObject(lambda: figures.rows),
            "compliance_rows": SimpleLazyObject(lambda: figures.rows.compliance),
            "tasks_base": task_list_url(plan.pk),
            "other_plans": SimpleLazyObject(
                lambda: list(plans_for(user).exclude(pk=plan.pk).order_by("-year", "-id")[:10])
            ),
            "can_edit": can_edit_plan(user, plan),
            "panels": SimpleLazyObject(lambda: panels(PLAN_DASHBOARD, request, plan)),
            "compliance": SimpleLazyObject(lambda: figures.compliance),
            "compliance_pager": "dashboards/_pager.html",
            "compliance_query": _query_without(request, "compliance_page"),
            "agency_query": _query_without(request, "agency_page"),
        },
    )


class _Figures:
    """The dashboard's counts and tables for one request, built only when their fragments
    miss, and the keys of those fragments: everything they print, under the data revision's
    fragment, so that a report that changes no figure (a monthly report accepted) leaves them.

    The counts are the plan's tallies' (chiso.dashboards.tallies). The tables are keyed twice:
    by the tallies' digest, which a report that moves no figure anywhere leaves, so no row is
    built; then by every row on the page, which a report elsewhere leaves. Both also hold what
    the `shared` counter covers (names, sections, units, results, the areas map). A viewer who
    sees only their own agency's assignments has their compliance table counted from those,
    which the digest does not cover: its rows are part of their digest key."""

    def __init__(
        self, plan: Plan, request: AuthenticatedHttpRequest, inputs: DashboardInputs, dash: Any
    ) -> None:
        self.plan, self.request, self.inputs, self.dash = plan, request, inputs, dash

    @cached_property
    def agency_page(self) -> Page[AgencyRow]:
        page = self.request.GET.get("agency_page", "")
        return Paginator(self.dash.agencies, AGENCY_PAGE_SIZE).get_page(page)

    @cached_property
    def compliance(self) -> Page[AgencyCompliance]:
        page = self.request.GET.get("compliance_page", "")
        return Paginator(self.compliance_rows, COMPLIANCE_PAGE_SIZE).get_page(page)

    @cached_property
    def compliance_rows(self) -> list[AgencyCompliance]:
        """The current-period compliance of the assignments the viewer sees: the whole plan's
        (from the tallies) for a province-wide role, else those of the viewer's agency (and
        the sub-assignments below it), counted for them."""
        user = self.request.user
        if reads_province(user):
            return self.inputs.tallies(clock.today()).compliance
        mine = assignments_for(user).filter(task__plan=self.plan)
        return current_compliance(mine, clock.today(), self.plan.province_id)

    @cached_property
    def rows(self) -> TableRows:
        return table_rows(
            self.dash,
            cast(Sequence[AgencyRow], self.agency_page.object_list),
            cast(Sequence[AgencyCompliance], self.compliance.object_list),
            self.request.user.agency_id,
            self.plan.shared_revision,  # type: ignore[attr-defined]
        )

    def _key(self, name: str, *parts: object) -> str:
        shared = self.plan.shared_revision  # type: ignore[attr-defined]
        query = sorted(self.request.GET.lists())
        viewer = viewer_key(self.request.user)
        return fragment(
            self.plan.province_id, name, self.plan.pk, query, viewer, *parts, revision=shared
        ).key

    def counts_key(self) -> str:
        tallies = self.inputs.tallies(clock.today())
        agency = self.request.user.agency_id
        mine = next((a for a in tallies.agencies if a.agency_id == agency), None)
        return self._key("dashboard-counts", repr(tallies.tasks.total), len(tallies.agencies), mine)

    def tables_digest_key(self) -> str:
        digest = self.inputs.tallies(clock.today()).digest
        if reads_province(self.request.user):
            return self._key("dashboard-tables-digest", digest)
        # Their own compliance is not in the tallies: its rows are part of the key.
        return self._key("dashboard-tables-digest", digest, self.compliance_rows)

    def tables_key(self) -> str:
        pages = [
            (p.number, p.paginator.num_pages, p.paginator.count)
            for p in (self.agency_page, self.compliance)
        ]
        dash = self.dash
        return self._key("dashboard-tables", self.rows.key, pages, dash.index, dash.index_name)


def _area_agency(request: HttpRequest) -> Agency | None:
    """?phu-trach=<agency>: the units table keeps that agency's areas (dashboards.area_filter)."""
    pk = int_param(request.GET, "phu-trach")
    found = area_filter()
    return found.chosen(request.user, pk) if found is not None and pk is not None else None


def _chosen_index(request: HttpRequest, plan: Plan) -> str:
    """?chi-so=PCI: the weak units and the units table of another index (the plan's own by
    default); anything else is the plan's own."""
    wanted = request.GET.get("chi-so", "")
    return wanted if wanted in index_codes() else plan.index


def _area_choices(user: User) -> list[Agency]:
    found = area_filter()
    return list(found.choices(user)) if found is not None else []


def _dashboard(
    plan: Plan,
    user: User,
    area: Agency | None,
    inputs: DashboardInputs,
    *,
    counted: bool = True,
    objectives: bool = True,
) -> PlanDashboard:
    today = clock.today()
    dash = build_dashboard(plan, user, today, inputs=inputs, counted=counted, objectives=objectives)
    found = area_filter()
    return found.apply(dash, area) if found is not None and area is not None else dash


def _days(request: HttpRequest) -> int:
    days = int_param(request.GET, "days")
    return min(days, MAX_DUE_SOON_DAYS) if days is not None else due_soon_days()


@login_required
def deadlines(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Overdue and due-soon assignments the user may see (agency staff: their own agency's),
    each list paged: a province has thousands of overdue assignments at national scale."""
    today, days = clock.today(), _days(request)
    plan_id = int_param(request.GET, "plan")

    def assignments() -> QuerySet[Assignment]:
        qs = assignments_for(request.user).select_related("task", "task__plan", "agency")
        return qs.filter(task__plan_id=plan_id) if plan_id is not None else qs

    return render(
        request,
        "dashboards/deadlines.html",
        {
            "today": today,
            "days": days,
            "fragment": province_fragment(
                request.user, "deadlines", viewer_key(request.user), sorted(request.GET.lists())
            ),
            "overdue": SimpleLazyObject(
                lambda: _page(request, overdue(assignments(), today), "overdue_page")
            ),
            "due_soon": SimpleLazyObject(
                lambda: _page(request, due_soon(assignments(), today, days), "due_page")
            ),
            "overdue_query": _query_without(request, "overdue_page"),
            "due_query": _query_without(request, "due_page"),
            "compliance": SimpleLazyObject(lambda: current_compliance(assignments(), today)),
            "plan_id": plan_id or "",
            "coordinates": is_coordinator(request.user),
        },
    )


def _page(request: HttpRequest, qs: QuerySet[Assignment], param: str) -> Page[Assignment]:
    return Paginator(qs, DEADLINE_PAGE_SIZE).get_page(request.GET.get(param))


def _query_without(request: HttpRequest, param: str) -> str:
    """The page's query string minus one list's page number, for that list's pager links."""
    query = request.GET.copy()
    query.pop(param, None)
    return query.urlencode()
