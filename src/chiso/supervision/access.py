"""Who may see and move difficulties and supervision recommendations.

Querysets are scoped to the user's province (anything else is a 404 through
`chiso.plans.access.get_or_404`); `can_*` answers whether a change is allowed, and the services
raise PermissionDenied when it is not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from chiso.accounts import roles
from chiso.accounts.models import Agency, Role
from chiso.accounts.roles import REPORTING_ROLES, Viewer
from chiso.plans.access import reporting_settings
from chiso.plans.models import Assignment
from chiso.supervision.models import (
    OPEN_STATES,
    Difficulty,
    Direction,
    Feedback,
    FeedbackState,
    State,
)

SUPERVISING = frozenset({Role.SUPERVISOR})


def _scoped(qs: QuerySet[Any], user: Viewer) -> QuerySet[Any]:
    return roles.scoped(qs, user)


def reads_province(user: Viewer) -> bool:
    return roles.reads_province(user)


def is_coordinator(user: Viewer) -> bool:
    """Sở Nội vụ (coordinators and administrators) of a province."""
    return roles.is_coordinator(user) and roles.province_id_of(user) is not None


def _writes(user: Viewer) -> bool:
    return bool(
        user.is_authenticated
        and not roles.is_read_only(user)
        and roles.province_id_of(user) is not None
    )


def _reports_for(user: Viewer, agency_id: int | None) -> bool:
    """Staff who report for an agency, and that agency is `agency_id`."""
    return (
        roles.has_role(user, REPORTING_ROLES)
        and agency_id is not None
        and roles.agency_id_of(user) == agency_id
    )


def difficulties_for(user: Viewer) -> QuerySet[Difficulty]:
    """Province-wide readers see every item of the province; agency staff the items their
    agency raised or must handle."""
    qs = _scoped(Difficulty.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        agency_id = roles.agency_id_of(user)
        own = Q(raised_by_agency_id=agency_id) | Q(handler_id=agency_id)
        qs = qs.filter(own) if agency_id else qs.none()
    return qs


def coordinating_agency(province_id: int) -> Agency | None:
    """Sở Nội vụ, the default handler of difficulties: the province's coordinating agency as
    its reporting settings name it, else the agency its coordinators work for."""
    rules = reporting_settings(province_id)
    if rules is not None and rules.coordinating_agency_id is not None:
        return rules.coordinating_agency
    coordinators = Agency.objects.filter(province_id=province_id, users__role=Role.COORDINATOR)
    return coordinators.order_by("pk").first()


def can_raise(user: Viewer) -> bool:
    """Staff who report for an agency raise its difficulties (the Front's too)."""
    return _writes(user) and _reports_for(user, roles.agency_id_of(user))


def can_recommend(user: Viewer) -> bool:
    """The Fatherland Front's supervisors record supervision recommendations."""
    return (
        _writes(user) and roles.has_role(user, SUPERVISING) and roles.agency_id_of(user) is not None
    )


def can_handle(user: Viewer, item: Difficulty) -> bool:
    """Answer (hướng dẫn, trả lời) or resolve: the handling agency's staff, and Sở Nội vụ."""
    if not _writes(user) or not roles.in_province(user, item.province_id):
        return False
    if item.state not in (State.OPEN, State.ANSWERED):
        return False
    if is_coordinator(user):
        return True
    return _reports_for(user, item.handler_id)


def can_steer(user: Viewer, item: Difficulty) -> bool:
    """Hand an open item to another agency, or escalate it to the People's Committee with a
    proposal (tham mưu): Sở Nội vụ only (the guiding agencies "phối hợp với Sở Nội vụ")."""
    return (
        is_coordinator(user)
        and roles.in_province(user, item.province_id)
        and item.state in (State.OPEN, State.ANSWERED)
    )


def can_close(user: Viewer, item: Difficulty) -> bool:
    """Record an item as resolved: its handler while it is theirs, Sở Nội vụ at any open step,
    and the agency that raised it (it says the difficulty is gone)."""
    if not _writes(user) or not roles.in_province(user, item.province_id):
        return False
    if item.state not in OPEN_STATES:
        return False
    if is_coordinator(user) or can_handle(user, item):
        return True
    return _reports_for(user, item.raised_by_agency_id)


def directions_for(user: Viewer) -> QuerySet[Direction]:
    """The People's Committee's directions are read by everyone in the province."""
    return _scoped(Direction.objects.all(), user)


def can_record_direction(user: Viewer) -> bool:
    """Sở Nội vụ records what the committee directed (leadership reads, never writes)."""
    return is_coordinator(user) and _writes(user)


def feedback_for(user: Viewer) -> QuerySet[Feedback]:
    """Province-wide readers see every post of the province; agency staff the posts about the
    tasks their agency has a part in, and about their own commune or the communes under it."""
    qs = _scoped(Feedback.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        agency_id = roles.agency_id_of(user)
        if not agency_id:
            return qs.none()
        mine = (
            Q(task__assignments__agency_id=agency_id)
            | Q(commune_id=agency_id)
            | Q(commune__parent_id=agency_id)
        )
        qs = qs.filter(mine).distinct()
    return qs


def can_moderate(user: Viewer, item: Feedback) -> bool:
    return is_coordinator(user) and roles.in_province(user, item.province_id)


def can_answer_feedback(user: Viewer, item: Feedback) -> bool:
    """Sở Nội vụ, or staff of an agency with a part in the task or of the commune (or its
    district), once the post is accepted."""
    if not _writes(user) or not roles.in_province(user, item.province_id):
        return False
    if item.state not in (FeedbackState.ACCEPTED, FeedbackState.ANSWERED):
        return False
    if is_coordinator(user):
        return True
    agency_id = roles.agency_id_of(user)
    if agency_id is None or not _reports_for(user, agency_id):
        return False
    task_id = item.task_id
    if (
        task_id is not None
        and Assignment.objects.filter(task_id=task_id, agency_id=agency_id).exists()
    ):
        return True
    commune = item.commune
    return commune is not None and agency_id in (commune.pk, commune.parent_id)


def may_see_contact(user: Viewer, item: Feedback) -> bool:
    """A citizen's optional contact is for the staff who act on the post: Sở Nội vụ (who
    moderates) and, once accepted, the agencies who may answer it; never anyone else."""
    return can_moderate(user, item) or can_answer_feedback(user, item)
