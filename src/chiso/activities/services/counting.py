"""Work that counts: link an activity, a posting, an inspection visit or a survey-support task to
the assignment it fulfils, and send linked work as a progress report in the same step.

Rules: whoever reports for the assignment's agency (chiso.plans.access.can_report_on) links work
done by that agency or an agency under it (an activity it organised, a posting in its commune, an
inspection it led or underwent, a survey-support task it carried out), once per assignment, while
the assignment is open. A link already sent in a report stays (it is part of the record).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.activities.errors import ActivityError
from chiso.activities.models import (
    Activity,
    InspectionVisit,
    LogisticsTask,
    Posting,
    WorkLink,
)
from chiso.audit.services import record
from chiso.plans import access as plan_access
from chiso.plans.models import Assignment, ProgressReport
from chiso.plans.services import submit_report

if TYPE_CHECKING:
    from chiso.accounts.models import User

Work = Activity | Posting | InspectionVisit | LogisticsTask


def source_field(work: Work) -> str:
    """The WorkLink column that names this kind of work."""
    names = {Activity: "activity", Posting: "posting", InspectionVisit: "visit"}
    return names.get(type(work), "logistics")


def province_of(work: Work) -> int:
    if isinstance(work, LogisticsTask):
        return int(work.survey.province_id)
    return int(work.province_id)


def agencies_of(work: Work) -> set[int]:
    """The agencies whose work it is."""
    if isinstance(work, Activity):
        return {work.organiser_id}
    if isinstance(work, Posting):
        return {work.commune_id}
    if isinstance(work, InspectionVisit):
        return {work.inspection_plan.lead_agency_id, work.agency_id}
    return {work.agency_id}


def describe(work: Work) -> str:
    """One line for the report thread and the report's text."""
    if isinstance(work, Activity):
        line = f"{work.get_kind_display()} “{work.title}”, {work.held_on:%d/%m/%Y}"
        if work.place:
            line += f", {work.place}"
        if work.audience_count:
            count = number_format(work.audience_count, force_grouping=True)
            line += ", " + _("%(n)s người tham dự") % {"n": count}
        return line
    if isinstance(work, Posting):
        return _("Niêm yết tại %(place)s (%(commune)s), %(day)s") % {
            "place": work.place,
            "commune": work.commune.name,
            "day": f"{work.posted_on:%d/%m/%Y}",
        }
    if isinstance(work, InspectionVisit):
        return _("Kiểm tra %(agency)s, %(day)s (%(state)s)") % {
            "agency": work.agency.name,
            "day": f"{work.visited_on:%d/%m/%Y}",
            "state": work.get_state_display(),
        }
    return _("Hỗ trợ khảo sát PAPI: %(title)s (%(state)s)") % {
        "title": work.title,
        "state": work.get_state_display(),
    }


def is_under(agency_ids: set[int], top: int) -> bool:
    """Whether one of the agencies is `top` or below it in the tree."""
    level = set(agency_ids)
    for _depth in range(12):  # a tree deeper than this is a data error, not a province
        if top in level:
            return True
        level = set(
            Agency.objects.filter(pk__in=level, parent__isnull=False).values_list(
                "parent_id", flat=True
            )
        )
        if not level:
            return False
    return False


def _check_link(user: User, assignment: Assignment, work: Work) -> None:
    if not plan_access.can_report_on(user, assignment):
        raise PermissionDenied(_("Chỉ cơ quan được giao nhiệm vụ mới tính được công việc cho nó."))
    if assignment.completed_on is not None:
        raise ActivityError(_("Nhiệm vụ này đã hoàn thành; không tính thêm công việc."))
    if province_of(work) != assignment.province_id:
        raise ActivityError(_("Công việc này không thuộc tỉnh của nhiệm vụ."))
    if not is_under(agencies_of(work), assignment.agency_id):
        raise ActivityError(
            _("Chỉ tính được công việc do %(agency)s hoặc đơn vị cấp dưới thực hiện.")
            % {"agency": assignment.agency.name},
            "assignment",
        )
    field = source_field(work)
    if WorkLink.objects.filter(assignment=assignment, **{field: work}).exists():
        raise ActivityError(_("Công việc này đã được tính cho nhiệm vụ này."), "assignment")


@transaction.atomic
def link_work(user: User, assignment: Assignment, work: Work) -> WorkLink:
    """Count `work` for `assignment` (audited)."""
    _check_link(user, assignment, work)
    link = WorkLink.objects.create(
        province_id=assignment.province_id,
        assignment=assignment,
        linked_by=user,
        **{source_field(work): work},
    )
    record(
        user,
        assignment,
        "work.link",
        {"work": [None, describe(work)]},
    )
    return link


@transaction.atomic
def unlink_work(user: User, link: WorkLink) -> None:
    """Stop counting work not yet sent in a report."""
    if not plan_access.can_report_on(user, link.assignment):
        raise PermissionDenied(_("Chỉ cơ quan được giao nhiệm vụ mới bỏ được công việc đã tính."))
    if link.report_id is not None:
        raise ActivityError(_("Công việc đã gửi trong báo cáo tiến độ; không bỏ được nữa."))
    record(user, link.assignment, "work.unlink", {"work": [describe(link.source), None]})
    link.delete()


def report_text(links: Iterable[WorkLink], note: str = "") -> str:
    lines = [f"- {describe(link.source)}" for link in links]
    head = _("Công việc đã thực hiện:")
    return "\n".join(part for part in (note.strip(), head, *lines) if part)


@transaction.atomic
def report_work(
    user: User,
    assignment: Assignment,
    links: Iterable[WorkLink],
    *,
    progress: int,
    is_final: bool = False,
    note: str = "",
) -> ProgressReport:
    """Send linked work as a progress report (the plans' report workflow: review, sign-off)."""
    chosen = list(links)
    if not chosen:
        raise ActivityError(_("Cần chọn ít nhất một công việc đã thực hiện."), "links")
    for link in chosen:
        if link.assignment_id != assignment.pk or link.report_id is not None:
            raise ActivityError(_("Công việc đã chọn không còn chờ gửi cho nhiệm vụ này."), "links")
    report = submit_report(
        user,
        assignment,
        narrative=report_text(chosen, note),
        progress=progress,
        is_final=is_final,
    )
    WorkLink.objects.filter(pk__in=[link.pk for link in chosen]).update(report=report)
    record(user, report, "work.report", {"work": [None, [describe(x.source) for x in chosen]]})
    return report


@transaction.atomic
def count_work(
    user: User,
    assignment: Assignment,
    work: Work,
    *,
    progress: int | None = None,
    note: str = "",
) -> WorkLink:
    """Link the work and, when a progress is given, send it as a report: one step."""
    link = link_work(user, assignment, work)
    if progress is not None:
        report_work(user, assignment, [link], progress=progress, note=note)
        link.refresh_from_db()
    return link
