"""Who may see and move difficulties and supervision recommendations.

Querysets are scoped to the user's province (anything else is a 404 through
`chiso.plans.access.get_or_404`); `can_*` answers whether a change is allowed, and the services
raise PermissionDenied when it is not.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from chiso.accounts.models import Agency, Role
from chiso.plans.access import PROVINCE_WIDE_READERS, REPORTING_ROLES, reporting_settings
from chiso.supervision.models import (
    OPEN_STATES,
    Difficulty,
    Direction,
    Feedback,
    FeedbackState,
    State,
)


def _scoped(qs: QuerySet[Any], user: Any) -> QuerySet[Any]:
    if not user.is_authenticated:
        return qs.none()
    if user.sees_all_provinces:
        return qs
    if user.province_id is None:
        return qs.none()
    return qs.filter(province_id=user.province_id)


def reads_province(user: Any) -> bool:
    return bool(user.is_authenticated and user.role in PROVINCE_WIDE_READERS)


def is_coordinator(user: Any) -> bool:
    return bool(
        user.is_authenticated
        and user.role in (Role.COORDINATOR, Role.ADMIN)
        and user.province_id is not None
    )


def _writes(user: Any) -> bool:
    return bool(user.is_authenticated and not user.is_read_only and user.province_id is not None)


def difficulties_for(user: Any) -> QuerySet[Difficulty]:
    """Province-wide readers see every item of the province; agency staff the items their
    agency raised or must handle."""
    qs = _scoped(Difficulty.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        own = Q(raised_by_agency_id=user.agency_id) | Q(handler_id=user.agency_id)
        qs = qs.filter(own) if user.agency_id else qs.none()
    return qs


def coordinating_agency(province_id: int) -> Agency | None:
    """Sở Nội vụ, the default handler of difficulties: the province's coordinating agency as
    its reporting settings name it, else the agency its coordinators work for."""
    rules = reporting_settings(province_id)
    if rules is not None and rules.coordinating_agency_id is not None:
        return rules.coordinating_agency
    coordinators = Agency.objects.filter(province_id=province_id, users__role=Role.COORDINATOR)
    return coordinators.order_by("pk").first()


def can_raise(user: Any) -> bool:
    """Staff who report for an agency raise its difficulties (the Front's too)."""
    return _writes(user) and user.role in REPORTING_ROLES and user.agency_id is not None


def can_recommend(user: Any) -> bool:
    """The Fatherland Front's supervisors record supervision recommendations."""
    return _writes(user) and user.role == Role.SUPERVISOR and user.agency_id is not None


def can_handle(user: Any, item: Difficulty) -> bool:
    """Answer (hướng dẫn, trả lời) or resolve: the handling agency's staff, and Sở Nội vụ."""
    if not _writes(user) or user.province_id != item.province_id:
        return False
    if item.state not in (State.OPEN, State.ANSWERED):
        return False
    if is_coordinator(user):
        return True
    return user.role in REPORTING_ROLES and user.agency_id == item.handler_id


def can_steer(user: Any, item: Difficulty) -> bool:
    """Hand an open item to another agency, or escalate it to the People's Committee with a
    proposal (tham mưu): Sở Nội vụ only (the guiding agencies "phối hợp với Sở Nội vụ")."""
    return (
        is_coordinator(user)
        and user.province_id == item.province_id
        and item.state in (State.OPEN, State.ANSWERED)
    )


def can_close(user: Any, item: Difficulty) -> bool:
    """Record an item as resolved: its handler while it is theirs, Sở Nội vụ at any open step,
    and the agency that raised it (it says the difficulty is gone)."""
    if not _writes(user) or user.province_id != item.province_id or item.state not in OPEN_STATES:
        return False
    if is_coordinator(user) or can_handle(user, item):
        return True
    return user.role in REPORTING_ROLES and user.agency_id == item.raised_by_agency_id


def directions_for(user: Any) -> QuerySet[Direction]:
    """The People's Committee's directions are read by everyone in the province."""
    return _scoped(Direction.objects.all(), user)


def can_record_direction(user: Any) -> bool:
    """Sở Nội vụ records what the committee directed (leadership reads, never writes)."""
    return is_coordinator(user) and not user.is_read_only


def feedback_for(user: Any) -> QuerySet[Feedback]:
    """Province-wide readers see every post of the province; agency staff the posts about the
    tasks their agency has a part in, and about their own commune or the communes under it."""
    qs = _scoped(Feedback.objects.all(), user)
    if user.is_authenticated and not reads_province(user):
        if not user.agency_id:
            return qs.none()
        mine = (
            Q(task__assignments__agency_id=user.agency_id)
            | Q(commune_id=user.agency_id)
            | Q(commune__parent_id=user.agency_id)
        )
        qs = qs.filter(mine).distinct()
    return qs


def can_moderate(user: Any, item: Feedback) -> bool:
    return is_coordinator(user) and user.province_id == item.province_id


def can_answer_feedback(user: Any, item: Feedback) -> bool:
    """Sở Nội vụ, or staff of an agency with a part in the task or of the commune (or its
    district), once the post is accepted."""
    if not _writes(user) or user.province_id != item.province_id:
        return False
    if item.state not in (FeedbackState.ACCEPTED, FeedbackState.ANSWERED):
        return False
    if is_coordinator(user):
        return True
    if user.role not in REPORTING_ROLES or user.agency_id is None:
        return False
    if item.task_id is not None and item.task.assignments.filter(agency_id=user.agency_id).exists():
        return True
    commune = item.commune
    return commune is not None and user.agency_id in (commune.pk, commune.parent_id)
