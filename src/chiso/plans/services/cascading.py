"""Cascading work down the agency tree: an agency splits its assignment into sub-assignments
for the agencies under it (a district for its communes), each with its own deadline, at any
depth. The parent's values roll up from its children (chiso.plans.rollup); the parent agency
reviews its children's reports (chiso.plans.access.can_review)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.audit.services import record
from chiso.plans import access, rollup, signals
from chiso.plans.errors import PlanError
from chiso.plans.models import Assignment, Relation
from chiso.plans.services.assigning import relation_for
from chiso.workflow.locking import lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User


def agencies_under(agency: Agency) -> list[Agency]:
    """Every active agency below `agency` in the tree (any depth), by name: one query a level."""
    found: list[Agency] = []
    level = [agency.pk]
    seen = {agency.pk}
    while level:
        below = list(
            Agency.objects.filter(parent_id__in=level, province_id=agency.province_id).exclude(
                pk__in=seen
            )
        )
        seen.update(a.pk for a in below)
        found.extend(a for a in below if a.active)
        level = [a.pk for a in below]
    return sorted(found, key=lambda a: a.name)


def split_choices(parent: Assignment) -> list[Agency]:
    """The agencies a part of `parent` can go to: under its agency, not yet on the task."""
    taken = set(
        Assignment.objects.filter(task_id=parent.task_id).values_list("agency_id", flat=True)
    )
    return [a for a in agencies_under(parent.agency) if a.pk not in taken]


def _check_deadline(parent: Assignment, deadline: dt.date | None) -> dt.date | None:
    if deadline is None:
        return parent.deadline
    if parent.deadline is not None and deadline > parent.deadline:
        raise PlanError(
            _(
                "Thời hạn của đơn vị cấp dưới không được sau thời hạn %(date)s của phần việc "
                "được giao."
            )
            % {"date": parent.deadline.strftime("%d/%m/%Y")},
            "deadline",
        )
    return deadline


def _check_agencies(parent: Assignment, agencies: list[Agency]) -> None:
    if not agencies:
        raise PlanError(_("Cần chọn ít nhất một đơn vị cấp dưới."), "agencies")
    under = {a.pk for a in agencies_under(parent.agency)}
    taken = dict(Assignment.objects.filter(task_id=parent.task_id).values_list("agency_id", "pk"))
    for agency in agencies:
        if agency.pk not in under:
            raise PlanError(
                _("“%(name)s” không phải đơn vị trực thuộc %(parent)s.")
                % {"name": agency.name, "parent": parent.agency.name},
                "agencies",
            )
        if agency.pk in taken:
            raise PlanError(
                _("“%(name)s” đã được giao nhiệm vụ này.") % {"name": agency.name}, "agencies"
            )


@transaction.atomic
def split_assignment(
    user: User,
    parent: Assignment,
    *,
    agencies: Iterable[Agency],
    deadline: dt.date | None = None,
) -> list[Assignment]:
    """Give a part of `parent` to each of `agencies` (under the parent's agency), due on
    `deadline` (the parent's when empty; never after it). All or nothing; audited; the new
    agencies are notified as for any assignment."""
    if not access.can_split(user, parent):
        raise PermissionDenied(
            _("Chỉ cơ quan được giao nhiệm vụ mới được giao việc cho đơn vị cấp dưới.")
        )
    parent = lock_current(parent, None)
    if parent.completed_on is not None:
        raise PlanError(_("Nhiệm vụ này đã hoàn thành; không giao việc cho cấp dưới được nữa."))
    chosen = list(agencies)
    due = _check_deadline(parent, deadline)
    _check_agencies(parent, chosen)
    lineage = f"{parent.lineage or '/'}{parent.pk}/"
    created = []
    for agency in chosen:
        child = Assignment.objects.create(
            province_id=parent.province_id,
            task_id=parent.task_id,
            agency=agency,
            parent=parent,
            lineage=lineage,
            relation=relation_for(agency, Relation.LEAD),
            leads=True,
            deadline=due,
        )
        record(
            user,
            child,
            "assignment.split",
            {
                "agency": [None, agency.name],
                "parent": [None, parent.agency.name],
                "deadline": [None, due.isoformat() if due else None],
            },
        )
        if parent.task.report_schedule or parent.report_schedule:
            # The agencies under a district report as often as the district does.
            from chiso.plans.services.periods import assignment_periods, sync_assignment

            child.report_schedule = parent.report_schedule
            child.report_dates = parent.report_dates
            child.save(update_fields=["report_schedule", "report_dates"])
            sync_assignment(child, assignment_periods(child))
        signals.assignment_created.send(Assignment, assignment=child)
        created.append(child)
    rollup.refresh_upwards(user, parent.pk)
    return created


@transaction.atomic
def withdraw_sub_assignment(user: User, child: Assignment) -> None:
    """Take a part back before anyone reported on it (reports are part of the record)."""
    if child.parent_id is None:
        raise PlanError(_("Đây không phải phần việc giao cho đơn vị cấp dưới."))
    parent = child.parent
    if not access.can_split(user, parent):  # type: ignore[arg-type]
        raise PermissionDenied(_("Chỉ cơ quan đã giao phần việc này mới được thu hồi."))
    child = lock_current(child, None)
    if child.reports.exists() or child.children.exists():
        raise PlanError(
            _(
                "Không thu hồi được phần việc của “%(name)s”: đơn vị đã báo cáo hoặc đã giao "
                "việc cho cấp dưới."
            )
            % {"name": child.agency.name}
        )
    record(user, child, "assignment.withdraw", {"agency": [child.agency.name, None]})
    child.delete()
    rollup.refresh_upwards(user, parent.pk)  # type: ignore[union-attr]
    signals.assignment_withdrawn.send(Assignment, parent=parent)
