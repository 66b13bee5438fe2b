"""Who may see and change inspections, activities, postings and survey support.

Built on the shared rules of `chiso.accounts.roles`. Querysets are scoped to the user's
province (anything else is a 404 through `chiso.plans.access.get_or_404`); `can_*` answers
whether a change is allowed and the services raise PermissionDenied when it is not.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from chiso.accounts import roles
from chiso.accounts.models import Agency, AgencyKind, Role, User
from chiso.accounts.roles import Viewer, is_agency_staff, is_coordinator, reads_province, scoped
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

# --- inspections --------------------------------------------------------------------------


def inspection_plans_for(user: Viewer) -> QuerySet[InspectionPlan]:
    qs = scoped(InspectionPlan.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        own = Q(lead_agency_id=roles.agency_id_of(user)) | Q(targets__id=roles.agency_id_of(user))
        qs = qs.filter(own).distinct() if roles.agency_id_of(user) else qs.none()
    return qs


def visits_for(user: Viewer) -> QuerySet[InspectionVisit]:
    qs = scoped(InspectionVisit.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        own = Q(agency_id=roles.agency_id_of(user)) | Q(
            inspection_plan__lead_agency_id=roles.agency_id_of(user)
        )
        qs = qs.filter(own) if roles.agency_id_of(user) else qs.none()
    return qs


def findings_for(user: Viewer) -> QuerySet[Finding]:
    return Finding.objects.filter(visit__in=visits_for(user))


def recommendations_for(user: Viewer) -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(finding__in=findings_for(user))


# Who leads which kind of inspection besides the coordinators: the Front supervises; guiding
# departments inspect their sector (II.1.b, II.3.b) and district committees the agencies of their
# area (II.3.c), by the kind of their own agency.
LEAD_KINDS = {
    AgencyKind.DEPARTMENT: InspectionKind.SECTOR,
    AgencyKind.DISTRICT_COMMITTEE: InspectionKind.DISTRICT,
}


def own_inspection_kind(user: Viewer) -> str | None:
    """The kind of inspection the user's agency leads (None: none of its own)."""
    if roles.is_read_only(user) or not isinstance(user, User) or user.agency is None:
        return None
    role = roles.role_of(user)
    if role == Role.SUPERVISOR:
        return InspectionKind.FRONT_SUPERVISION.value
    if role not in (Role.AGENCY_HEAD, Role.AGENCY_OFFICER):
        return None
    kind = LEAD_KINDS.get(AgencyKind(user.agency.kind))
    return kind.value if kind is not None else None


def can_create_inspection_plan(
    user: Viewer, kind: str | None = None, lead: Agency | None = None
) -> bool:
    """Coordinators plan every kind; the Front its supervision, guiding departments their
    sector's inspections and district committees their area's, each led by its own agency."""
    if is_coordinator(user):
        return True
    own = own_inspection_kind(user)
    if own is None:
        return False
    if kind is None:
        return True
    return kind == own and (lead is None or lead.pk == roles.agency_id_of(user))


def can_manage_inspection(user: Viewer, inspection_plan: InspectionPlan) -> bool:
    if not roles.in_province(user, inspection_plan.province_id) or roles.is_read_only(user):
        return False
    if is_coordinator(user):
        return True
    return inspection_plan.lead_agency_id == roles.agency_id_of(
        user
    ) and inspection_plan.kind == own_inspection_kind(user)


def area_agencies(agency: Agency) -> QuerySet[Agency]:
    """A district committee's area: the active agencies below it (three levels are plenty)."""
    return Agency.objects.filter(active=True).filter(
        Q(parent_id=agency.pk)
        | Q(parent__parent_id=agency.pk)
        | Q(parent__parent__parent_id=agency.pk)
    )


def can_respond(user: Viewer, finding: Finding) -> bool:
    """Staff of the inspected agency explain or report on a finding (giải trình)."""
    return (
        is_agency_staff(user)
        and roles.in_province(user, finding.province_id)
        and finding.visit.agency_id == roles.agency_id_of(user)
    )


def can_assign_follow_up(user: Viewer, of: InspectionVisit | Recommendation) -> bool:
    """Follow-up tasks of a visit's recommendations are plan tasks: only the plan's
    coordinators create or close them."""
    return is_coordinator(user) and roles.in_province(user, of.province_id)


# --- activities and postings --------------------------------------------------------------


def activities_for(user: Viewer) -> QuerySet[Activity]:
    """Communication work is public inside the province: every user of it may read."""
    return scoped(Activity.objects.all(), user)


def postings_for(user: Viewer) -> QuerySet[Posting]:
    return scoped(Posting.objects.all(), user)


def records_for(user: Viewer, agency: Agency) -> bool:
    """May `user` record activities organised by `agency` (or postings in commune `agency`)?
    Coordinators for any agency; agency staff for their own agency and the agencies under it
    (a district committee records its communes' postings)."""
    if roles.role_of(user) is None or roles.is_read_only(user):
        return False
    if not roles.in_province(user, agency.province_id):
        return False
    if is_coordinator(user):
        return True
    if not is_agency_staff(user):
        return False
    node: Agency | None = agency
    for _depth in range(8):  # the tree is shallow (province → district → commune)
        if node is None:
            return False
        if node.pk == roles.agency_id_of(user):
            return True
        node = node.parent
    return False


def may_record_anything(user: Viewer) -> bool:
    """Whether the user records activities or postings for some agency at all (coordinators,
    agency staff); read-only roles and users without an agency do not."""
    if roles.is_read_only(user) or roles.province_id_of(user) is None:
        return False
    return is_coordinator(user) or is_agency_staff(user)


def recordable_agencies(user: Viewer) -> QuerySet[Agency]:
    qs = scoped(Agency.objects.filter(active=True), user)
    if is_coordinator(user):
        return qs
    if not is_agency_staff(user):
        return qs.none()
    return qs.filter(
        Q(pk=roles.agency_id_of(user))
        | Q(parent_id=roles.agency_id_of(user))
        | Q(parent__parent_id=roles.agency_id_of(user))
    )


# --- survey support -----------------------------------------------------------------------


def surveys_for(user: Viewer) -> QuerySet[SurveyRound]:
    """Coordinators, leadership and the Fatherland Front see every round of the province;
    agency staff see the rounds that involve their agency (a selected district, a contact
    point or a logistics task)."""
    qs = scoped(SurveyRound.objects.all(), user)
    if not user.is_authenticated or reads_province(user):
        return qs
    if not roles.agency_id_of(user):
        return qs.none()
    involved = (
        Q(locations__district_id=roles.agency_id_of(user))
        | Q(contacts__agency_id=roles.agency_id_of(user))
        | Q(logistics__agency_id=roles.agency_id_of(user))
    )
    return qs.filter(involved).distinct()


def can_manage_survey(user: Viewer, survey: SurveyRound | None = None) -> bool:
    if not (is_coordinator(user) or roles.role_of(user) == Role.SUPERVISOR):
        return False
    return survey is None or roles.in_province(user, survey.province_id)


def can_update_logistics(user: Viewer, task: LogisticsTask) -> bool:
    if can_manage_survey(user, task.survey):
        return True
    return is_agency_staff(user) and task.agency_id == roles.agency_id_of(user)


# --- evidence files -----------------------------------------------------------------------


def attachments_for(user: Viewer) -> QuerySet[Attachment]:
    return scoped(Attachment.objects.all(), user).filter(
        Q(finding__in=findings_for(user))
        | Q(activity__in=activities_for(user))
        | Q(posting__in=postings_for(user))
    )
