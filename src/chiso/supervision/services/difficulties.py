"""Difficulties and supervision recommendations: raise, hand over, answer, escalate, resolve.

Each function is one transaction: it checks permissions and rules, writes the audit log and
raises PermissionDenied or a translated SupervisionError.

States (models.State): OPEN → ANSWERED (guidance given) → RESOLVED; OPEN/ANSWERED → ESCALATED
(Sở Nội vụ proposes a direction to the People's Committee) → DIRECTED (a direction answers it,
services.directions) → RESOLVED when the direction's follow-up is done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.activities import units
from chiso.audit.services import diff, record, snapshot
from chiso.plans.models import Assignment, Plan, ProgressReport, Task
from chiso.site import clock
from chiso.supervision import access
from chiso.supervision.errors import SupervisionError
from chiso.supervision.models import Difficulty, Kind, State
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

# Days the handler has to answer when the raiser names no date ("kịp thời" in the seed).
ANSWER_DAYS = 15
TITLE_LIMIT = 300
TEXT_LIMIT = 4000

RAISED_FIELDS = ("kind", "title", "text", "task", "raised_by_agency", "handler", "due_on")


def checked_text(value: str, field: str, label: str, limit: int = TEXT_LIMIT) -> str:
    value = value.strip()
    if not value:
        raise SupervisionError(_("Cần nhập %(label)s.") % {"label": label}, field)
    if len(value) > limit:
        raise SupervisionError(
            _("%(label)s dài quá %(limit)s ký tự: hãy rút gọn.") % {"label": label, "limit": limit},
            field,
        )
    return value


def checked_units(codes: Iterable[str], plan: Plan, task: Task | None) -> list[str]:
    wanted = list(codes) or ([u.unit_code for u in task.units_of("PAPI")] if task else [])
    try:
        return units.clean_unit_codes(wanted, plan.year)
    except ValueError as exc:
        raise SupervisionError(str(exc), "unit_codes") from exc


def _check_agency(plan: Plan, agency: Agency | None, field: str) -> Agency:
    if agency is None or agency.province_id != plan.province_id:
        raise SupervisionError(_("Cần chọn một cơ quan của tỉnh."), field)
    return agency


def _due(due_on: dt.date | None, today: dt.date) -> dt.date:
    if due_on is None:
        return today + dt.timedelta(days=ANSWER_DAYS)
    if due_on < today:
        raise SupervisionError(_("Hạn xử lý không được trước hôm nay."), "due_on")
    return due_on


def _create(user: User, plan: Plan, kind: str, **fields: Any) -> Difficulty:
    today = clock.today()
    task: Task | None = fields.pop("task")
    if task is not None and task.plan_id != plan.pk:
        raise SupervisionError(_("Nhiệm vụ đã chọn không thuộc kế hoạch này."), "task")
    item = Difficulty.objects.create(
        province_id=plan.province_id,
        plan=plan,
        kind=kind,
        task=task,
        title=checked_text(fields.pop("title"), "title", _("tóm tắt"), TITLE_LIMIT),
        text=checked_text(fields.pop("text"), "text", _("nội dung")),
        unit_codes=checked_units(fields.pop("unit_codes"), plan, task),
        raised_by=user,
        raised_on=today,
        due_on=_due(fields.pop("due_on"), today),
        **fields,
    )
    action = "recommendation.raise" if kind == Kind.RECOMMENDATION else "difficulty.raise"
    record(user, item, action, diff({}, snapshot(item, (*RAISED_FIELDS, "unit_codes", "report"))))
    return item


@transaction.atomic
def raise_difficulty(
    user: User,
    plan: Plan,
    *,
    title: str,
    text: str,
    assignment: Assignment | None = None,
    task: Task | None = None,
    unit_codes: Iterable[str] = (),
    handler: Agency | None = None,
    due_on: dt.date | None = None,
    report: ProgressReport | None = None,
) -> Difficulty:
    """An agency's difficulty, on an assignment of its own (then its task) or on its own;
    handled by Sở Nội vụ unless another agency (the guiding one) is named."""
    if not access.can_raise(user) or user.province_id != plan.province_id:
        raise PermissionDenied(_("Anh/chị không được nêu khó khăn, vướng mắc cho kế hoạch này."))
    if assignment is not None:
        if assignment.agency_id != user.agency_id or assignment.task.plan_id != plan.pk:
            raise SupervisionError(
                _("Chỉ nêu khó khăn về nhiệm vụ của cơ quan mình."), "assignment"
            )
        task = assignment.task
    handler = handler or access.coordinating_agency(plan.province_id)
    return _create(
        user,
        plan,
        Kind.DIFFICULTY,
        title=title,
        text=text,
        task=task,
        unit_codes=unit_codes,
        due_on=due_on,
        assignment=assignment,
        report=report,
        raised_by_agency_id=user.agency_id,
        handler=_check_agency(plan, handler, "handler"),
    )


@transaction.atomic
def add_recommendation(
    user: User,
    plan: Plan,
    *,
    agency: Agency,
    title: str,
    text: str,
    task: Task | None = None,
    unit_codes: Iterable[str] = (),
    due_on: dt.date | None = None,
) -> Difficulty:
    """A supervision recommendation (kiến nghị giám sát) of the Front to `agency`, which
    answers it; it is tracked like a difficulty (II.1.d, II.3.d)."""
    if not access.can_recommend(user) or user.province_id != plan.province_id:
        raise PermissionDenied(_("Chỉ Mặt trận Tổ quốc ghi kiến nghị giám sát."))
    agency = _check_agency(plan, agency, "agency")
    if agency.pk == user.agency_id:
        raise SupervisionError(_("Kiến nghị giám sát gửi tới cơ quan khác."), "agency")
    assignment = task.assignments.filter(agency=agency).first() if task is not None else None
    return _create(
        user,
        plan,
        Kind.RECOMMENDATION,
        title=title,
        text=text,
        task=task,
        unit_codes=unit_codes,
        due_on=due_on,
        assignment=assignment,
        raised_by_agency_id=user.agency_id,
        handler=agency,
    )


@transaction.atomic
def hand_over(
    user: User, item: Difficulty, *, handler: Agency, due_on: dt.date | None, version: int | None
) -> Difficulty:
    """Sở Nội vụ gives the item to another agency (the one guiding its PAPI area)."""
    if not access.can_steer(user, item):
        raise PermissionDenied(_("Chỉ Sở Nội vụ chuyển khó khăn, kiến nghị cho cơ quan khác."))
    item = lock_current(item, version)
    handler = _check_agency(item.plan, handler, "handler")
    before = snapshot(item, ("handler", "due_on", "state"))
    item.handler = handler
    item.due_on = _due(due_on, clock.today()) if due_on is not None else item.due_on
    item.state = State.OPEN
    bump(item)
    item.save()
    record(
        user,
        item,
        "difficulty.hand_over",
        diff(before, snapshot(item, ("handler", "due_on", "state"))),
    )
    return item


@transaction.atomic
def answer(user: User, item: Difficulty, *, text: str, version: int | None) -> Difficulty:
    """The handler's guidance or answer (hướng dẫn, trả lời); the item stays open until it is
    resolved (the raiser may still need a direction)."""
    if not access.can_handle(user, item):
        raise PermissionDenied(
            _("Chỉ cơ quan xử lý hoặc Sở Nội vụ trả lời khó khăn, kiến nghị này.")
        )
    item = lock_current(item, version)
    before = snapshot(item, ("state", "answer"))
    item.answer = checked_text(text, "text", _("nội dung hướng dẫn, trả lời"))
    item.answered_by, item.answered_on = user, clock.today()
    item.state = State.ANSWERED
    bump(item)
    item.save()
    record(user, item, "difficulty.answer", diff(before, snapshot(item, ("state", "answer"))))
    return item


@transaction.atomic
def escalate(user: User, item: Difficulty, *, proposal: str, version: int | None) -> Difficulty:
    """Sở Nội vụ proposes that the People's Committee direct how it is handled (tham mưu UBND
    tỉnh chỉ đạo xử lý); the item waits for a direction (services.directions)."""
    if not access.can_steer(user, item):
        raise PermissionDenied(_("Chỉ Sở Nội vụ tham mưu UBND tỉnh chỉ đạo xử lý."))
    item = lock_current(item, version)
    before = snapshot(item, ("state", "proposal"))
    item.proposal = checked_text(proposal, "proposal", _("nội dung tham mưu"))
    item.escalated_on, item.state = clock.today(), State.ESCALATED
    bump(item)
    item.save()
    record(user, item, "difficulty.escalate", diff(before, snapshot(item, ("state", "proposal"))))
    return item


@transaction.atomic
def resolve(user: User, item: Difficulty, *, resolution: str, version: int | None) -> Difficulty:
    if not access.can_close(user, item):
        raise PermissionDenied(_("Anh/chị không được đóng khó khăn, kiến nghị này."))
    item = lock_current(item, version)
    if item.state == State.RESOLVED:
        raise SupervisionError(_("Mục này đã được giải quyết."), "resolution")
    return close(user, item, checked_text(resolution, "resolution", _("kết quả giải quyết")))


def close(user: User, item: Difficulty, resolution: str) -> Difficulty:
    """Mark a locked, open item resolved (inside the caller's transaction)."""
    before = snapshot(item, ("state", "resolution"))
    item.state, item.resolved_on, item.resolution = State.RESOLVED, clock.today(), resolution
    bump(item)
    item.save()
    record(user, item, "difficulty.resolve", diff(before, snapshot(item, ("state", "resolution"))))
    return item
