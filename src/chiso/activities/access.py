"""Who may see and change inspections, activities, postings and survey support.

Querysets are scoped to the user's province (anything else is a 404 through
`chiso.plans.access.get_or_404`); `can_*` answers whether a change is allowed and the
services raise PermissionDenied when it is not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from chiso.accounts.models import Agency, Role
from chiso.activities.models import (
    Activity,
    Attachment,
    Finding,
    InspectionKind,
    InspectionPlan,
    InspectionVisit,
    LogisticsTask,
    Posting,
    Recommendation,
    SurveyRound,
)
from chiso.plans.access import PROVINCE_WIDE_READERS

AGENCY_STAFF = frozenset({Role.AGENCY_HEAD, Role.AGENCY_OFFICER, Role.SUPERVISOR})


def _scoped(qs: QuerySet[Any], user: Any, field: str = "province") -> QuerySet[Any]:
    if not user.is_authenticated:
        return qs.none()
    if user.sees_all_provinces:
        return qs
    if user.province_id is None:
        return qs.none()
    return qs.filter(**{f"{field}_id": user.province_id})


def reads_province(user: Any) -> bool:
    return bool(user.is_authenticated and user.role in PROVINCE_WIDE_READERS)


def is_coordinator(user: Any) -> bool:
    return bool(user.is_authenticated and user.role in (Role.COORDINATOR, Role.ADMIN))


def _agency_staff(user: Any) -> bool:
    return bool(user.is_authenticated and user.role in AGENCY_STAFF and user.agency_id)


# --- inspections --------------------------------------------------------------------------


def inspection_plans_for(user: Any) -> QuerySet[InspectionPlan]:
    qs = _scoped(InspectionPlan.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        own = Q(lead_agency_id=user.agency_id) | Q(targets__id=user.agency_id)
        qs = qs.filter(own).distinct() if user.agency_id else qs.none()
    return qs


def visits_for(user: Any) -> QuerySet[InspectionVisit]:
    qs = _scoped(InspectionVisit.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        own = Q(agency_id=user.agency_id) | Q(inspection_plan__lead_agency_id=user.agency_id)
        qs = qs.filter(own) if user.agency_id else qs.none()
    return qs


def findings_for(user: Any) -> QuerySet[Finding]:
    return Finding.objects.filter(visit__in=visits_for(user))


def recommendations_for(user: Any) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(finding__in=findings_for(user))


def can_create_inspection_plan(
    user: Any, kind: str | None = None, lead: Agency | None = None
) -> bool:
    """Coordinators plan every kind; the Fatherland Front plans its own supervision."""
    if is_coordinator(user):
        return True
    if not (user.is_authenticated and user.role == Role.SUPERVISOR and user.agency_id):
        return False
    if kind is None:
        return True
    return kind == InspectionKind.FRONT_SUPERVISION and (lead is None or lead.pk == user.agency_id)


def can_manage_inspection(user: Any, inspection_plan: InspectionPlan) -> bool:
    if user.province_id != inspection_plan.province_id or user.is_read_only:
        return False
    if is_coordinator(user):
        return True
    return (
        user.role == Role.SUPERVISOR
        and inspection_plan.kind == InspectionKind.FRONT_SUPERVISION
        and inspection_plan.lead_agency_id == user.agency_id
    )


def can_respond(user: Any, finding: Finding) -> bool:
    """Staff of the inspected agency explain or report on a finding (giải trình)."""
    return (
        _agency_staff(user)
        and user.province_id == finding.province_id
        and finding.visit.agency_id == user.agency_id
    )


def can_assign_follow_up(user: Any, recommendation: Recommendation) -> bool:
    # Follow-up tasks are plan tasks: only the plan's coordinators create or close them.
    return is_coordinator(user) and user.province_id == recommendation.province_id


# --- activities and postings --------------------------------------------------------------


def activities_for(user: Any) -> QuerySet[Activity]:
    """Communication work is public inside the province: every user of it may read."""
    return _scoped(Activity.objects.all(), user)


def postings_for(user: Any) -> QuerySet[Posting]:
    return _scoped(Posting.objects.all(), user)


def records_for(user: Any, agency: Agency) -> bool:
    """May `user` record activities organised by `agency` (or postings in commune `agency`)?
    Coordinators for any agency; agency staff for their own agency and the agencies under it
    (a district committee records its communes' postings)."""
    if user.is_read_only or not user.is_authenticated:
        return False
    if user.province_id != agency.province_id:
        return False
    if is_coordinator(user):
        return True
    if not _agency_staff(user):
        return False
    node: Agency | None = agency
    for _depth in range(8):  # the tree is shallow (province → district → commune)
        if node is None:
            return False
        if node.pk == user.agency_id:
            return True
        node = node.parent
    return False


def recordable_agencies(user: Any) -> QuerySet[Agency]:
    qs = _scoped(Agency.objects.filter(active=True), user)
    if is_coordinator(user):
        return qs
    if not _agency_staff(user):
        return qs.none()
    return qs.filter(
        Q(pk=user.agency_id) | Q(parent_id=user.agency_id) | Q(parent__parent_id=user.agency_id)
    )


# --- survey support -----------------------------------------------------------------------


def surveys_for(user: Any) -> QuerySet[SurveyRound]:
    """Coordinators, leadership and the Fatherland Front see every round of the province;
    agency staff see the rounds that involve their agency (a selected district, a contact
    point or a logistics task)."""
    qs = _scoped(SurveyRound.objects.all(), user)
    if not user.is_authenticated or reads_province(user):
        return qs
    if not user.agency_id:
        return qs.none()
    involved = (
        Q(locations__district_id=user.agency_id)
        | Q(contacts__agency_id=user.agency_id)
        | Q(logistics__agency_id=user.agency_id)
    )
    return qs.filter(involved).distinct()


def can_manage_survey(user: Any, survey: SurveyRound | None = None) -> bool:
    if not user.is_authenticated or user.is_read_only:
        return False
    if not (is_coordinator(user) or user.role == Role.SUPERVISOR):
        return False
    return survey is None or survey.province_id == user.province_id


def can_update_logistics(user: Any, task: LogisticsTask) -> bool:
    if can_manage_survey(user, task.survey):
        return True
    return _agency_staff(user) and task.agency_id == user.agency_id


# --- evidence files -----------------------------------------------------------------------


def attachments_for(user: Any) -> QuerySet[Attachment]:
    return _scoped(Attachment.objects.all(), user).filter(
        Q(finding__in=findings_for(user))
        | Q(activity__in=activities_for(user))
        | Q(posting__in=postings_for(user))
    )
