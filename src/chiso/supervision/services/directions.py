"""Directions (chỉ đạo) of the People's Committee: recorded with their document, turned into a
follow-up task for the addressed agencies, completed when every part of that task is.

Sở Nội vụ records them (it is the committee's staff for the plan, III.2); leadership reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.audit.services import diff, record, snapshot
from chiso.plans.models import Assignment, Plan, Task
from chiso.plans.services import create_task
from chiso.site import clock
from chiso.supervision import access
from chiso.supervision.errors import SupervisionError
from chiso.supervision.models import Difficulty, Direction, State
from chiso.supervision.services.difficulties import TEXT_LIMIT, checked_text, checked_units, close
from chiso.workflow.locking import bump

if TYPE_CHECKING:
    from chiso.accounts.models import User

# The direction document's columns (models.Direction): number, signer and signer's title.
NUMBER_LIMIT, SIGNER_LIMIT = 60, 120
DIRECTION_FIELDS = ("number", "issued_on", "signer", "signer_title", "content", "deadline")
# The plan's section the follow-up tasks are filed under when the plan has it ("Tổ chức thực
# hiện"), else the inspection section; none: the task has no section.
SECTION_PREFIXES = ("III", "II.3")


def _section(plan: Plan) -> Any:
    for prefix in SECTION_PREFIXES:
        found = plan.sections.filter(code=prefix).first() or (
            plan.sections.filter(code__startswith=prefix).order_by("code").first()
        )
        if found is not None:
            return found
    return None


def _check(plan: Plan, agencies: list[Agency], items: list[Difficulty], **fields: Any) -> None:
    if not fields["number"].strip():
        raise SupervisionError(_("Cần nhập số, ký hiệu văn bản chỉ đạo."), "number")
    if not fields["signer"].strip():
        raise SupervisionError(_("Cần nhập người ký văn bản."), "signer")
    if fields["issued_on"] > clock.today():
        raise SupervisionError(_("Ngày văn bản không được sau hôm nay."), "issued_on")
    if fields["deadline"] < fields["issued_on"]:
        raise SupervisionError(_("Thời hạn thực hiện phải từ ngày văn bản trở đi."), "deadline")
    if not agencies:
        raise SupervisionError(_("Cần chọn ít nhất một cơ quan thực hiện chỉ đạo."), "agencies")
    if any(a.province_id != plan.province_id for a in agencies):
        raise SupervisionError(_("Cơ quan thực hiện phải thuộc tỉnh của kế hoạch."), "agencies")
    for item in items:
        if item.plan_id != plan.pk or item.state != State.ESCALATED:
            raise SupervisionError(
                _("“%(title)s” không ở trạng thái chờ UBND tỉnh chỉ đạo.") % {"title": item.title},
                "difficulties",
            )


@transaction.atomic
def record_direction(
    user: User,
    plan: Plan,
    *,
    number: str,
    issued_on: dt.date,
    signer: str,
    content: str,
    deadline: dt.date,
    agencies: Iterable[Agency],
    signer_title: str = "",
    difficulties: Iterable[Difficulty] = (),
    unit_codes: Iterable[str] = (),
) -> Direction:
    """Record a direction and give its follow-up task to the addressed agencies; the escalated
    difficulties it answers become "directed" and close when the follow-up is done."""
    if not access.can_record_direction(user) or user.province_id != plan.province_id:
        raise PermissionDenied(_("Chỉ Sở Nội vụ ghi nhận chỉ đạo của UBND tỉnh."))
    agencies, items = list(agencies), list(difficulties)
    content = checked_text(content, "content", _("nội dung chỉ đạo"), TEXT_LIMIT)
    fields = {"number": number, "issued_on": issued_on, "signer": signer, "deadline": deadline}
    _check(plan, agencies, items, **fields)
    codes = list(unit_codes) or sorted({c for item in items for c in item.unit_codes})
    direction = Direction.objects.create(
        province_id=plan.province_id,
        plan=plan,
        number=number.strip(),
        issued_on=issued_on,
        signer=signer.strip(),
        signer_title=signer_title.strip(),
        content=content,
        deadline=deadline,
        recorded_by=user,
    )
    changes = diff({}, snapshot(direction, DIRECTION_FIELDS))
    changes["agencies"] = [None, sorted(a.name for a in agencies)]
    record(user, direction, "direction.create", changes)
    direction.follow_up_task = _follow_up(
        user, direction, agencies, checked_units(codes, plan, None)
    )
    direction.save(update_fields=["follow_up_task"])
    for item in items:
        _mark_directed(user, item, direction)
    return direction


def _follow_up(user: User, direction: Direction, agencies: list[Agency], codes: list[str]) -> Task:
    return create_task(
        user,
        direction.plan,
        title=_("Thực hiện chỉ đạo tại văn bản số %(number)s: %(content)s")
        % {"number": direction.number, "content": direction.content[:380]},
        section=_section(direction.plan),
        lead_agencies=agencies,
        deadline=direction.deadline,
        unit_codes=codes,
        description=_("Văn bản số %(number)s ngày %(date)s, %(signer)s ký: %(content)s")
        % {
            "number": direction.number,
            "date": direction.issued_on.strftime("%d/%m/%Y"),
            "signer": direction.signer,
            "content": direction.content,
        },
        expected_output=_("Báo cáo kết quả thực hiện chỉ đạo"),
        code=f"CĐ{direction.pk}",
        is_public=False,
        # Given during the year on top of the issued plan: not printed in the plan document.
        follow_up=True,
    )


def _mark_directed(user: User, item: Difficulty, direction: Direction) -> None:
    item = Difficulty.objects.select_for_update().get(pk=item.pk)
    before = snapshot(item, ("state", "direction"))
    item.state, item.direction = State.DIRECTED, direction
    bump(item)
    item.save()
    record(user, item, "difficulty.direct", diff(before, snapshot(item, ("state", "direction"))))


@transaction.atomic
def complete_if_done(user: User, task_id: int) -> Direction | None:
    """When the last part of a direction's follow-up task is completed, the direction is done
    (on the day the last part was) and the difficulties it answered are resolved."""
    direction = Direction.objects.select_for_update().filter(follow_up_task_id=task_id).first()
    if direction is None or direction.completed_on is not None:
        return None
    # The province's own parts: a part handed down to sub-assignments is complete when its
    # roll-up says so (chiso.plans.rollup).
    parts = Assignment.objects.top_level().filter(task_id=task_id)
    finished = list(parts.values_list("completed_on", flat=True))
    if not finished or any(day is None for day in finished):
        return None
    direction.completed_on = max(day for day in finished if day is not None)
    bump(direction)
    direction.save(update_fields=["completed_on", "version"])
    record(user, direction, "direction.complete", {"completed_on": [None, direction.completed_on]})
    note = _("Đã thực hiện xong chỉ đạo tại văn bản số %(number)s.") % {"number": direction.number}
    for item in direction.difficulties.select_for_update().filter(state=State.DIRECTED):
        close(user, item, note)
    return direction
