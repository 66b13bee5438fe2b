"""Who may see and do what in the plan workspace. Views fetch objects only through these
helpers: anything outside the user's province (or agency, where that applies) is a 404."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from chiso.accounts.models import Agency, Role
from chiso.plans.models import Assignment, Evidence, Plan, ProgressReport, Task

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
    """Coordinators (Sở Nội vụ) and administrators of the plan's province."""
    if not user.is_authenticated or user.role not in (Role.COORDINATOR, Role.ADMIN):
        return False
    return plan is None or plan.province_id == user.province_id


def can_review(user: Any, assignment: Assignment) -> bool:
    return can_edit_plan(user) and assignment.province_id == user.province_id


def can_report_on(user: Any, assignment: Assignment) -> bool:
    """The assignment's own agency: heads and officers, and supervisors (Fatherland Front) for
    their own (requested) tasks. Leadership and national viewers never change anything."""
    if not user.is_authenticated or user.is_read_only:
        return False
    if user.role not in (Role.AGENCY_HEAD, Role.AGENCY_OFFICER, Role.SUPERVISOR):
        return False
    return user.agency_id is not None and assignment.agency_id == user.agency_id


def agencies_for(user: Any) -> QuerySet[Agency]:
    """Agency pages: province-wide readers see every agency of the province, others their own."""
    qs = _scoped(Agency.objects.all(), user)
    if user.is_authenticated and user.role not in PROVINCE_WIDE_READERS:
        qs = qs.filter(pk=user.agency_id) if user.agency_id else qs.none()
    return qs
