"""Who the viewer is, in one place: which roles may do what across apps, and which province's
and agency's data a viewer sees. Every app's access helpers (`plans.access`,
`activities.access`, `documents.services`, …) are built on these rules; no other module reads
`user.role` to decide what someone may see or do.

A Django superuser counts as an administrator whatever their role field says (the Django admin
and `createsuperuser` make superusers; chiso treats them as the system's administrators).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, TypeAlias

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from chiso.accounts.models import Agency, Role, User

# Who looks: the request's user, logged in or not.
Viewer: TypeAlias = User | AnonymousUser

# The plan's coordinators (Sở Nội vụ) and the system's administrators.
COORDINATING = frozenset({Role.COORDINATOR, Role.ADMIN})
# Roles that only read: provincial leadership and national viewers.
READ_ONLY = frozenset({Role.LEADERSHIP, Role.NATIONAL_VIEWER})
# Roles that see every agency's work of their province (read).
PROVINCE_WIDE_READERS = frozenset(
    {Role.COORDINATOR, Role.ADMIN, Role.LEADERSHIP, Role.SUPERVISOR, Role.NATIONAL_VIEWER}
)
# Staff of one agency (the Fatherland Front's supervisors work for theirs).
AGENCY_STAFF = frozenset({Role.AGENCY_HEAD, Role.AGENCY_OFFICER, Role.SUPERVISOR})
# Roles that report for their own agency. Coordinators work for an agency too (Sở Nội vụ) and
# report on its assignments like any officer; nobody reviews their own report (services).
REPORTING_ROLES = AGENCY_STAFF | {Role.COORDINATOR}
# Who may review at all: coordinators and admins, and leadership when the province names one of
# them to review the coordinating agency's own reports.
REVIEWING_ROLES = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADERSHIP})
# Who asks for the province's reports and documents (Word, PDF, annex).
DOCUMENT_REQUESTERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADERSHIP})
# Roles whose rights come from leading one agency (signing off its officers' reports, its
# head's reminders and inbox): earned in that agency, not carried into another. Other roles
# either work for the agency (officers, supervisors, coordinators) or read the whole province.
AGENCY_LEADING = frozenset({Role.AGENCY_HEAD})


def role_of(user: Viewer) -> str | None:
    """The viewer's role (None when not logged in); a superuser is an administrator."""
    if not isinstance(user, User) or not user.is_authenticated:
        return None
    return Role.ADMIN if user.is_superuser else user.role


def has_role(user: Viewer, roles: Collection[str]) -> bool:
    return role_of(user) in roles


def is_admin(user: Viewer | None) -> bool:
    return user is not None and role_of(user) == Role.ADMIN


def is_coordinator(user: Viewer) -> bool:
    """Coordinators (Sở Nội vụ) and administrators: they run the plan and its inspections."""
    return has_role(user, COORDINATING)


def is_read_only(user: Viewer) -> bool:
    return has_role(user, READ_ONLY)


def reads_province(user: Viewer) -> bool:
    """Sees every agency's work of the province, not only their own agency's."""
    return has_role(user, PROVINCE_WIDE_READERS)


def is_agency_staff(user: Viewer) -> bool:
    """A head, officer or supervisor attached to an agency."""
    return has_role(user, AGENCY_STAFF) and agency_id_of(user) is not None


def is_agency_head(user: Viewer) -> bool:
    return role_of(user) == Role.AGENCY_HEAD and agency_id_of(user) is not None


def role_in_successor(role: str) -> str:
    """The role an account keeps when its agency is dissolved and it moves to the successor
    (chiso.restructuring): a head's is lowered to officer — the successor's head is whoever an
    administrator names —, any other role is kept."""
    return Role.AGENCY_OFFICER.value if role in AGENCY_LEADING else role


def sees_all_provinces(user: Viewer) -> bool:
    """National viewers, and administrators attached to no province."""
    role = role_of(user)
    return role == Role.NATIONAL_VIEWER or (role == Role.ADMIN and province_id_of(user) is None)


def province_id_of(user: Viewer) -> int | None:
    return user.province_id if isinstance(user, User) else None


def own_province_id(user: Viewer) -> int:
    """The province a service acts in for `user`: refused for anyone attached to none (national
    viewers, a national administrator), who change no province's data."""
    province_id = province_id_of(user)
    if province_id is None:
        raise PermissionDenied
    return province_id


def agency_id_of(user: Viewer) -> int | None:
    return user.agency_id if isinstance(user, User) else None


def in_province(user: Viewer, province_id: int | None) -> bool:
    """The viewer belongs to that province (a national viewer belongs to none)."""
    own = province_id_of(user)
    return own is not None and own == province_id


def scoped(qs: QuerySet[Any], user: Viewer, field: str = "province") -> QuerySet[Any]:
    """`qs` limited to the viewer's province (`field` names the province foreign key); all of
    it for national viewers, nothing for anyone else without a province."""
    if role_of(user) is None:
        return qs.none()
    if sees_all_provinces(user):
        return qs
    province_id = province_id_of(user)
    if province_id is None:
        return qs.none()
    return qs.filter(**{f"{field}_id": province_id})


def own_agency_scoped(
    qs: QuerySet[Any], user: Viewer, agency_lookup: str = "agency_id"
) -> QuerySet[Any]:
    """`scoped`, then, unless the viewer reads the whole province, only rows of their own
    agency (`agency_lookup` names the agency's id in `qs`); nothing without an agency."""
    qs = scoped(qs, user)
    if role_of(user) is None or reads_province(user):
        return qs
    agency_id = agency_id_of(user)
    return qs.filter(**{agency_lookup: agency_id}) if agency_id else qs.none()


def agencies_for(user: Viewer) -> QuerySet[Agency]:
    """Agency pages: province-wide readers see every agency of the province, others their own."""
    return own_agency_scoped(Agency.objects.all(), user, "pk")


def viewer_key(user: Viewer) -> tuple[object, ...]:
    """What of a page depends on who looks at it: the role (what they may read and do), the
    province and the agency (whose assignments they see). Users who share it see the same page,
    so cached fragments are shared among them."""
    return (role_of(user), province_id_of(user), agency_id_of(user))
