"""Who may see and do what in the plan workspace, built on the shared rules of
`chiso.accounts.roles`. Views fetch objects only through these helpers: anything outside the
user's province (or agency, where that applies) is a 404."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, Exists, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Cast, Concat
from django.db.models.lookups import Contains
from django.http import Http404

from chiso.accounts import roles
from chiso.accounts.models import Role
from chiso.accounts.roles import Viewer
from chiso.plans.models import (
    Assignment,
    Evidence,
    Plan,
    ProgressReport,
    ReportingSettings,
    Task,
)


def plans_for(user: Viewer) -> QuerySet[Plan]:
    return roles.scoped(Plan.objects.all(), user)


def current_plans_first(plans: QuerySet[Plan], today: dt.date) -> QuerySet[Plan]:
    """The plan people work on now first: the latest whose year has begun, then plans of
    later years (a plan drafted ahead, or a later year's copy in a replayed demo)."""
    ahead = Case(When(year__gt=today.year, then=Value(1)), default=Value(0))
    return plans.alias(ahead=ahead).order_by("ahead", "-year", "-issued_on", "-id")


def tasks_for(user: Viewer) -> QuerySet[Task]:
    """Every user of a province may read the whole task framework."""
    return roles.scoped(Task.objects.all(), user)


def assignments_for(user: Viewer) -> QuerySet[Assignment]:
    """Agency staff see their own agency's assignments and the sub-assignments made of them at
    any depth (an assignment below one of theirs in its `lineage`); province-wide roles see all."""
    qs = roles.scoped(Assignment.objects.all(), user)
    if roles.role_of(user) is None or roles.reads_province(user):
        return qs
    agency_id = roles.agency_id_of(user)
    if not agency_id:
        return qs.none()
    # One list of ids, the agency's own and those below them, that does not depend on the outer
    # row: both halves are read by index, and PostgreSQL joins the few dozen ids to the list.
    # (Tested row by row, the sub-assignments' estimated cost — the agency's assignments for
    # each of the province's ~4,000 — switched JIT compiling on: ~250 ms for an officer's list;
    # as `agency_id = … OR …`, every row of the province was read to test the agency.)
    own = Assignment.objects.filter(agency_id=agency_id).order_by().values("pk")
    return qs.filter(pk__in=own.union(_below_agency(agency_id)))


def _below_agency(agency_id: int) -> QuerySet[Assignment, Any]:
    """The ids of the sub-assignments below the agency's assignments. Only sub-assignments have
    a parent (and a lineage): the indexed test finds the few there are."""
    return (
        Assignment.objects.filter(parent__isnull=False)
        .filter(Exists(_ancestors_of_agency(agency_id)))
        .order_by()
        .values("pk")
    )


def sees_assignment(user: Viewer, assignment: Assignment) -> bool:
    """Whether `assignments_for(user)` holds `assignment`, decided on the fetched row: the same
    rules without compiling their query (a page about one assignment fetches it by id, then asks
    this). A query only for a sub-assignment seen from an agency above its own."""
    if roles.role_of(user) is None:
        return False
    if not roles.sees_all_provinces(user) and (
        roles.province_id_of(user) is None or assignment.province_id != roles.province_id_of(user)
    ):
        return False
    if roles.reads_province(user):
        return True
    agency_id = roles.agency_id_of(user)
    if not agency_id:
        return False
    if assignment.agency_id == agency_id:
        return True
    above = [int(part) for part in assignment.lineage.split("/") if part.isdigit()]
    return bool(above) and Assignment.objects.filter(agency_id=agency_id, pk__in=above).exists()


def _ancestors_of_agency(agency_id: int) -> QuerySet[Assignment]:
    """The agency's assignments that the outer assignment's lineage ("/12/57/") passes through."""
    mark = Concat(Value("/"), Cast("pk", CharField()), Value("/"))
    return Assignment.objects.filter(agency_id=agency_id).filter(
        Contains(OuterRef("lineage"), mark)
    )


def reports_for(user: Viewer) -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(assignment__in=assignments_for(user))


def evidence_for(user: Viewer) -> QuerySet[Evidence]:
    return Evidence.objects.filter(report__in=reports_for(user))


def get_or_404(qs: QuerySet[Any], **lookup: Any) -> Any:
    try:
        # get() drops the models' default orderings, which join and sort related tables.
        return qs.get(**lookup)
    except qs.model.DoesNotExist:
        raise Http404 from None


# --- what a user may change -------------------------------------------------------------


def can_edit_plan(user: Viewer, plan: Plan | None = None) -> bool:
    """Coordinators (Sở Nội vụ) and administrators of the plan's province. A national
    administrator (no province) drafts no plan: every plan belongs to one province."""
    if not roles.is_coordinator(user) or roles.province_id_of(user) is None:
        return False
    return plan is None or plan.province_id == roles.province_id_of(user)


def reporting_settings(province_id: int | None) -> ReportingSettings | None:
    if province_id is None:
        return None
    return ReportingSettings.objects.filter(province_id=province_id).first()


@dataclass(frozen=True)
class Reviewable:
    """Which of the province's reports a user reviews, in its two parts: the province's
    (`_province_reviewable`: top-level assignments) and the sub-assignments their own agency
    made (`_children_reviewable`); None: no part. Built once a request (the province's part
    reads the review rules) and asked for both the filter and whether the user reviews."""

    province: Q | None
    children: Q | None

    @property
    def filter(self) -> Q | None:
        """As a filter on ProgressReport (None: no report)."""
        if self.province is not None:
            province = self.province & Q(assignment__parent__isnull=True)
            return province | self.children if self.children is not None else province
        return self.children


def reviewable(user: Viewer) -> Reviewable:
    return Reviewable(_province_reviewable(user), _children_reviewable(user))


def reviewable_filter(user: Viewer) -> Q | None:
    """Which of the province's reports `user` reviews, as a filter on ProgressReport (None:
    none)."""
    return reviewable(user).filter


def _province_reviewable(user: Viewer) -> Q | None:
    """Coordinators review every agency's reports, except the coordinating agency's own when
    the province names someone else for those (`ReportingSettings.own_reports_reviewer`, who may
    be another coordinator or leadership). Own reports are excluded by the services, not here."""
    # Roles that never review cost no query here.
    if not roles.has_role(user, roles.REVIEWING_ROLES) or roles.province_id_of(user) is None:
        return None
    rules = reporting_settings(roles.province_id_of(user))
    coordinates = can_edit_plan(user)
    if rules is None or not (rules.own_reports_reviewer_id and rules.coordinating_agency_id):
        return Q() if coordinates else None
    own = Q(assignment__agency_id=rules.coordinating_agency_id)
    if user.pk == rules.own_reports_reviewer_id:
        return Q() if coordinates else own
    return ~own if coordinates else None


def _children_reviewable(user: Viewer) -> Q | None:
    """An agency reviews the reports on the sub-assignments it made (its staff who may report
    for it); no query: the filter simply matches nothing for an agency that split nothing."""
    if not roles.has_role(user, roles.REPORTING_ROLES):
        return None
    if roles.agency_id_of(user) is None or roles.province_id_of(user) is None:
        return None
    return Q(assignment__parent__agency_id=roles.agency_id_of(user))


def reviews_for_province(user: Viewer) -> bool:
    """Whether the user reviews the province's own assignments (the inbox's full view)."""
    return _province_reviewable(user) is not None


def oversees_sub_assignments(user: Viewer) -> bool:
    """Whether the user's agency made sub-assignments whose reports the user reviews."""
    agency_id = roles.agency_id_of(user)
    if _children_reviewable(user) is None or agency_id is None:
        return False
    return Assignment.objects.filter(parent__agency_id=agency_id).exists()


def can_review(user: Viewer, assignment: Assignment) -> bool:
    if not roles.in_province(user, assignment.province_id):
        return False
    if assignment.parent_id is not None:
        return _children_reviewable(user) is not None and (
            assignment.parent.agency_id == roles.agency_id_of(user)  # type: ignore[union-attr]
        )
    if not roles.has_role(user, roles.REVIEWING_ROLES):
        return False
    rules = reporting_settings(roles.province_id_of(user))
    if (
        rules is not None
        and rules.own_reports_reviewer_id
        and assignment.agency_id == rules.coordinating_agency_id
    ):
        return bool(user.pk == rules.own_reports_reviewer_id)
    return can_edit_plan(user)


def can_report_on(user: Viewer, assignment: Assignment) -> bool:
    """The assignment's own agency: heads and officers, coordinators for their own agency, and
    supervisors (Fatherland Front) for their own (requested) tasks. Leadership and national
    viewers never report."""
    if not roles.has_role(user, roles.REPORTING_ROLES):
        return False
    return roles.agency_id_of(user) is not None and assignment.agency_id == roles.agency_id_of(user)


def can_split(user: Viewer, assignment: Assignment) -> bool:
    """Who may hand parts of an assignment to the agencies under theirs: whoever reports for
    the assignment's agency, while it is not complete."""
    return can_report_on(user, assignment) and assignment.completed_on is None


def needs_signoff(user: Viewer, assignment: Assignment) -> bool:
    """Whether a report by `user` goes to the agency's head first: the province asks it of the
    agency (ReportingSettings.signoff_agencies) and the author is not a head themselves."""
    if roles.role_of(user) == Role.AGENCY_HEAD:
        return False
    rules = reporting_settings(assignment.province_id)
    return rules is not None and rules.signoff_agencies.filter(pk=assignment.agency_id).exists()


def can_sign_off(user: Viewer, assignment: Assignment) -> bool:
    """The head ("thủ trưởng / lãnh đạo cơ quan") of the assignment's own agency."""
    return roles.is_agency_head(user) and roles.agency_id_of(user) == assignment.agency_id
