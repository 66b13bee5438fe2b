"""Who may see and do what in the plan workspace. Views fetch objects only through these
helpers: anything outside the user's province (or agency, where that applies) is a 404."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Case, Q, QuerySet, Value, When
from django.http import Http404

from chiso.accounts.models import Agency, Role
from chiso.plans.models import (
    Assignment,
    Evidence,
    Plan,
    ProgressReport,
    ReportingSettings,
    Task,
)

# Roles that see every assignment and report of their province (read).
PROVINCE_WIDE_READERS = frozenset(
    {Role.COORDINATOR, Role.ADMIN, Role.LEADERSHIP, Role.SUPERVISOR, Role.NATIONAL_VIEWER}
)


def _scoped(qs: QuerySet[Any], user: Any, field: str = "province") -> QuerySet[Any]:
    if not user.is_authenticated:
        return qs.none()
    if user.sees_all_provinces:
        return qs
    if user.province_id is None:
        return qs.none()
    return qs.filter(**{f"{field}_id": user.province_id})


def plans_for(user: Any) -> QuerySet[Plan]:
    return _scoped(Plan.objects.all(), user)


def current_plans_first(plans: QuerySet[Plan], today: dt.date) -> QuerySet[Plan]:
    """The plan people work on now first: the latest whose year has begun, then plans of
    later years (a plan drafted ahead, or a later year's copy in a replayed demo)."""
    ahead = Case(When(year__gt=today.year, then=Value(1)), default=Value(0))
    return plans.alias(ahead=ahead).order_by("ahead", "-year", "-issued_on", "-id")


def tasks_for(user: Any) -> QuerySet[Task]:
    """Every user of a province may read the whole task framework."""
    return _scoped(Task.objects.all(), user)


def assignments_for(user: Any) -> QuerySet[Assignment]:
    """Agency staff see their own agency's assignments; province-wide roles see all."""
    qs = _scoped(Assignment.objects.all(), user)
    if user.is_authenticated and user.role not in PROVINCE_WIDE_READERS:
        qs = qs.filter(agency_id=user.agency_id) if user.agency_id else qs.none()
    return qs


def reports_for(user: Any) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(assignment__in=assignments_for(user))


def evidence_for(user: Any) -> QuerySet[Evidence]:
    return Evidence.objects.filter(report__in=reports_for(user))


def viewer_key(user: Any) -> tuple[object, ...]:
    """What of a page depends on who looks at it: the role (what they may read and do), the
    province and the agency (whose assignments they see). Users who share it see the same page,
    so cached fragments are shared among them."""
    return (user.role, user.province_id, user.agency_id)


def get_or_404(qs: QuerySet[Any], **lookup: Any) -> Any:
    try:
        # get() drops the models' default orderings, which join and sort related tables.
        return qs.get(**lookup)
    except qs.model.DoesNotExist:
        raise Http404 from None


# --- what a user may change -------------------------------------------------------------


def can_edit_plan(user: Any, plan: Plan | None = None) -> bool:
    """Coordinators (Sở Nội vụ) and administrators of the plan's province. A national
    administrator (no province) drafts no plan: every plan belongs to one province."""
    if not user.is_authenticated or user.role not in (Role.COORDINATOR, Role.ADMIN):
        return False
    if user.province_id is None:
        return False
    return plan is None or plan.province_id == user.province_id


def reporting_settings(province_id: int | None) -> ReportingSettings | None:
    if province_id is None:
        return None
    return ReportingSettings.objects.filter(province_id=province_id).first()


# Who may review at all: coordinators and admins, and leadership when the province names one of
# them to review the coordinating agency's own reports. Other roles never cost a query here.
REVIEWING_ROLES = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADERSHIP})


def reviewable_filter(user: Any) -> Q | None:
    """Which of the province's reports `user` reviews, as a filter on ProgressReport (None:
    none). Coordinators review every agency's reports, except the coordinating agency's own when
    the province names someone else for those (`ReportingSettings.own_reports_reviewer`, who may
    be another coordinator or leadership). Own reports are excluded by the services, not here."""
    if not user.is_authenticated or user.province_id is None or user.role not in REVIEWING_ROLES:
        return None
    rules = reporting_settings(user.province_id)
    coordinates = can_edit_plan(user)
    if rules is None or not (rules.own_reports_reviewer_id and rules.coordinating_agency_id):
        return Q() if coordinates else None
    own = Q(assignment__agency_id=rules.coordinating_agency_id)
    if user.pk == rules.own_reports_reviewer_id:
        return Q() if coordinates else own
    return ~own if coordinates else None


def can_review(user: Any, assignment: Assignment) -> bool:
    if not user.is_authenticated or assignment.province_id != user.province_id:
        return False
    if user.role not in REVIEWING_ROLES:
        return False
    rules = reporting_settings(user.province_id)
    if (
        rules is not None
        and rules.own_reports_reviewer_id
        and assignment.agency_id == rules.coordinating_agency_id
    ):
        return bool(user.pk == rules.own_reports_reviewer_id)
    return can_edit_plan(user)


# Roles that report for their own agency. Coordinators work for an agency too (Sở Nội vụ) and
# report on its assignments like any officer; nobody reviews their own report (services).
REPORTING_ROLES = frozenset(
    {Role.AGENCY_HEAD, Role.AGENCY_OFFICER, Role.SUPERVISOR, Role.COORDINATOR}
)


def can_report_on(user: Any, assignment: Assignment) -> bool:
    """The assignment's own agency: heads and officers, coordinators for their own agency, and
    supervisors (Fatherland Front) for their own (requested) tasks. Leadership and national
    viewers never report."""
    if not user.is_authenticated or user.is_read_only or user.role not in REPORTING_ROLES:
        return False
    return user.agency_id is not None and assignment.agency_id == user.agency_id


def agencies_for(user: Any) -> QuerySet[Agency]:
    """Agency pages: province-wide readers see every agency of the province, others their own."""
    qs = _scoped(Agency.objects.all(), user)
    if user.is_authenticated and user.role not in PROVINCE_WIDE_READERS:
        qs = qs.filter(pk=user.agency_id) if user.agency_id else qs.none()
    return qs


def needs_signoff(user: Any, assignment: Assignment) -> bool:
    """Whether a report by `user` goes to the agency's head first: the province asks it of the
    agency (ReportingSettings.signoff_agencies) and the author is not a head themselves."""
    if user.role == Role.AGENCY_HEAD:
        return False
    rules = reporting_settings(assignment.province_id)
    return rules is not None and rules.signoff_agencies.filter(pk=assignment.agency_id).exists()


def can_sign_off(user: Any, assignment: Assignment) -> bool:
    """The head ("thủ trưởng / lãnh đạo cơ quan") of the assignment's own agency."""
    return (
        user.is_authenticated
        and user.role == Role.AGENCY_HEAD
        and user.agency_id is not None
        and user.agency_id == assignment.agency_id
    )
