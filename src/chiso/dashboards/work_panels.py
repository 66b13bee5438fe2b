"""Home-page panels that answer "what do I need to do now", one per kind of work: the agency's
own assignments (officers, heads, the coordinator's own agency, the Front's requested tasks), the
head's sign-off queue, the reviewer's inbox, the coordinator's province-wide overdue list and
leadership's objectives. Each returns None for people who have no such work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.accounts import roles
from chiso.accounts.models import Role
from chiso.dashboards.dashboard import plan_results
from chiso.dashboards.objectives import objective_lines
from chiso.dashboards.worklist import (
    agency_work,
    province_overdue,
    review_work,
    signoff_work,
)
from chiso.plans import access
from chiso.plans.models import Plan
from chiso.plans.status import due_soon_days
from chiso.site import clock
from chiso.web.panels import HOME, Panel, register_panel

if TYPE_CHECKING:
    from chiso.accounts.models import User


def _signed_in(request: HttpRequest) -> Any:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.province_id is None:
        return None
    return user


def _current_plan(user: User) -> Plan | None:
    plans = access.current_plans_first(access.plans_for(user), clock.today())
    return plans.first()


def agency_work_panel(request: HttpRequest) -> Panel | None:
    user = _signed_in(request)
    if user is None or user.agency_id is None or not roles.has_role(user, roles.REPORTING_ROLES):
        return None
    today = clock.today()
    work = agency_work(user, today, due_soon_days(), _current_plan(user))
    for a in work.overdue.rows:
        a.days_late = (today - a.due).days
    return Panel(
        title=_("Việc của cơ quan"),
        template="dashboards/_work_agency.html",
        context={"work": work, "agency": user.agency, "today": today},
        priority=10,
        wide=True,
    )


def signoff_panel(request: HttpRequest) -> Panel | None:
    user = _signed_in(request)
    if user is None or roles.role_of(user) != Role.AGENCY_HEAD:
        return None
    return Panel(
        title=_("Báo cáo chờ bạn duyệt"),
        template="dashboards/_work_signoff.html",
        context={"waiting": signoff_work(user)},
        priority=5,
        wide=True,
    )


def review_panel(request: HttpRequest) -> Panel | None:
    user = _signed_in(request)
    if user is None or not roles.has_role(user, roles.REVIEWING_ROLES):
        return None
    if access.reviewable_filter(user) is None:
        return None
    work = review_work(user, clock.today())
    if not work.waiting.total and not access.can_edit_plan(user):
        return None  # leadership reviews now and then: no empty panel on their home page
    return Panel(
        title=_("Báo cáo chờ duyệt"),
        template="dashboards/_work_review.html",
        context={"work": work},
        priority=14,
    )


def province_overdue_panel(request: HttpRequest) -> Panel | None:
    user = _signed_in(request)
    if user is None or not access.can_edit_plan(user):
        return None
    plan = _current_plan(user)
    if plan is None:
        return None
    today = clock.today()
    late = province_overdue(plan, user, today)
    for a in late.rows:
        a.days_late = (today - a.due).days
    return Panel(
        title=_("Nhiệm vụ quá hạn trong tỉnh"),
        template="dashboards/_work_overdue.html",
        context={"late": late, "plan": plan},
        priority=20,
    )


def objectives_panel(request: HttpRequest) -> Panel | None:
    user = _signed_in(request)
    if user is None or not roles.is_read_only(user):
        return None
    plan = _current_plan(user)
    if plan is None:
        return None
    results, _note = plan_results(plan)
    return Panel(
        title=_("Mục tiêu của kế hoạch"),
        template="dashboards/_work_objectives.html",
        context={"plan": plan, "objectives": objective_lines(plan, results)},
        priority=20,
        wide=True,
    )


for provider in (
    signoff_panel,
    review_panel,
    agency_work_panel,
    province_overdue_panel,
    objectives_panel,
):
    register_panel(HOME, provider)
