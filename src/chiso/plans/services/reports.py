"""Progress reports: the agency submits (with evidence), the coordinator accepts or returns,
the agency resubmits a returned report as a new report that revises it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from chiso.audit.services import record
from chiso.plans import access, rollup, signals
from chiso.plans.errors import PlanError
from chiso.plans.evidence import CheckedFile, carry, check_upload, store
from chiso.plans.models import Assignment, Evidence, ProgressReport, ReportPeriod, ReportState
from chiso.plans.services import periods
from chiso.site import clock
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

# Report texts stay well inside one Excel cell (32,767 characters), so the XLSX exports never
# cut them; a longer text belongs in an attached document.
TEXT_LIMIT = 20_000
# A difficulty raised in a report becomes a tracked item (chiso.supervision), kept short.
DIFFICULTY_LIMIT = 4_000


def _check_length(text: str, field: str, label: str) -> None:
    if len(text) > TEXT_LIMIT:
        raise PlanError(
            _(
                "%(label)s dài %(n)s ký tự, vượt giới hạn %(limit)s ký tự: hãy rút gọn, hoặc gửi "
                "toàn văn dưới dạng tệp minh chứng."
            )
            % {
                "label": label,
                "n": number_format(len(text), force_grouping=True),
                "limit": number_format(TEXT_LIMIT, force_grouping=True),
            },
            field,
        )


def _check_progress(progress: Any, is_final: bool) -> int:
    try:
        value = int(progress)
    except (TypeError, ValueError):
        raise PlanError(_("Tiến độ phải là số từ 0 đến 100."), "progress") from None
    if not 0 <= value <= 100:
        raise PlanError(_("Tiến độ phải là số từ 0 đến 100."), "progress")
    if is_final and value != 100:
        raise PlanError(_("Báo cáo hoàn thành nhiệm vụ phải có tiến độ 100%."), "progress")
    return value


def _check_revision(assignment: Assignment, revises: ProgressReport | None) -> None:
    if revises is None:
        if assignment.reports.filter(state=ReportState.RETURNED, revisions__isnull=True).exists():
            raise PlanError(
                _("Có báo cáo bị trả lại đang chờ gửi lại: hãy sửa và gửi lại báo cáo đó.")
            )
        return
    if revises.assignment_id != assignment.pk:
        raise PlanError(_("Báo cáo được sửa không thuộc phân công này."))
    if revises.state != ReportState.RETURNED:
        raise PlanError(_("Chỉ gửi lại được báo cáo đã bị trả lại."))
    if revises.revisions.exists():
        raise PlanError(_("Báo cáo này đã được gửi lại rồi."))


@transaction.atomic
def submit_report(
    user: User,
    assignment: Assignment,
    *,
    narrative: str,
    figures: str = "",
    progress: int,
    is_final: bool = False,
    files: Iterable[Any] = (),
    revises: ProgressReport | None = None,
    period: ReportPeriod | None = None,
    keep_evidence: Iterable[Evidence] = (),
    difficulty: str = "",
) -> ProgressReport:
    """The agency reports progress (for a period of its schedule, if the task has one: the
    chosen period or the earliest owed). All files are checked before anything is saved.

    A revision of a returned report carries over the returned report's files named in
    `keep_evidence` (the web form offers them all, ticked); the others stay with the returned
    report only. `difficulty` (khó khăn, vướng mắc) goes out with the `report_submitted` signal,
    for the supervision loop to track."""
    if not access.can_report_on(user, assignment):
        raise PermissionDenied(_("Chỉ cơ quan được giao nhiệm vụ mới được gửi báo cáo."))
    assignment = lock_current(assignment, None)
    if assignment.completed_on is not None:
        raise PlanError(_("Nhiệm vụ này đã được xác nhận hoàn thành; không gửi thêm báo cáo."))
    if assignment.reports.filter(state=ReportState.AWAITING_HEAD).exists():
        raise PlanError(
            _("Báo cáo trước đang chờ lãnh đạo cơ quan duyệt; chưa gửi được báo cáo mới.")
        )
    if assignment.reports.filter(state=ReportState.SUBMITTED).exists():
        raise PlanError(_("Báo cáo trước đang chờ Sở Nội vụ duyệt; chưa gửi được báo cáo mới."))
    if revises is not None:
        revises = lock_current(revises, None)  # the caller's copy may predate the review
    _check_revision(assignment, revises)
    if not narrative.strip():
        raise PlanError(_("Cần nhập nội dung báo cáo."), "narrative")
    _check_length(narrative, "narrative", _("Nội dung báo cáo"))
    _check_length(figures, "figures", _("Số liệu"))
    if len(difficulty) > DIFFICULTY_LIMIT:
        raise PlanError(
            _(
                "Khó khăn, vướng mắc dài quá %(limit)s ký tự: hãy rút gọn, gửi toàn văn "
                "làm minh chứng."
            )
            % {"limit": number_format(DIFFICULTY_LIMIT, force_grouping=True)},
            "difficulty",
        )
    value = _check_progress(progress, is_final)
    if is_final and rollup.open_children(assignment):
        raise PlanError(
            _(
                "Báo cáo hoàn thành chỉ gửi được khi mọi phần việc đã giao cho đơn vị cấp dưới "
                "đã hoàn thành."
            ),
            "is_final",
        )
    answers = periods.period_for(assignment, period, revises)
    checked: list[CheckedFile] = [check_upload(f) for f in files]
    carried = _carried(revises, keep_evidence)
    report = ProgressReport.objects.create(
        province_id=assignment.province_id,
        assignment=assignment,
        revises=revises,
        period=answers,
        author=user,
        narrative=narrative.strip(),
        figures=figures.strip(),
        progress=value,
        is_final=is_final,
        state=(
            ReportState.AWAITING_HEAD
            if access.needs_signoff(user, assignment)
            else ReportState.SUBMITTED
        ),
    )
    stored: list[Evidence] = []
    try:
        stored = [store(report, item, user) for item in checked]
        kept = [carry(report, earlier) for earlier in carried]
    except Exception:
        for evidence in stored:  # never a carried file: the returned report keeps it
            evidence.file.delete(save=False)
        raise
    assignment.last_report_at = report.submitted_at
    assignment.started_on = assignment.started_on or clock.today()
    bump(assignment)
    assignment.save(update_fields=["last_report_at", "started_on", "version"])
    periods.mark_submitted(report)
    record(
        user,
        report,
        "report.resubmit" if revises else "report.submit",
        {
            "state": [None, report.state],
            "progress": [None, value],
            "is_final": [None, is_final],
            "files": [None, [e.original_name for e in stored]],
            **({"carried": [None, [e.original_name for e in kept]]} if kept else {}),
            **({"period": [None, str(answers)]} if answers else {}),
        },
    )
    signals.report_submitted.send(ProgressReport, report=report, difficulty=difficulty)
    return report


def _carried(revises: ProgressReport | None, keep: Iterable[Evidence]) -> list[Evidence]:
    wanted = {e.pk for e in keep}
    if not wanted:
        return []
    if revises is None:
        raise PlanError(_("Chỉ báo cáo gửi lại mới giữ được minh chứng đã gửi."), "keep_evidence")
    own = list(revises.evidence.filter(pk__in=wanted).order_by("id"))
    if len(own) != len(wanted):
        raise PlanError(_("Chỉ giữ lại được minh chứng của báo cáo bị trả lại."), "keep_evidence")
    return own


def resubmit_report(user: User, report: ProgressReport, **fields: Any) -> ProgressReport:
    """A returned report, revised: a new report in the thread that `revises` the old one."""
    return submit_report(user, report.assignment, revises=report, **fields)


def _completion_date(report: ProgressReport) -> Any:
    # The work was done when the final report was sent, not when it was read; never after today
    # (a replayed plan year pins today in the past).
    return min(timezone.localdate(report.submitted_at), clock.today())


@transaction.atomic
def review_report(
    user: User, report: ProgressReport, *, accept: bool, comment: str = "", version: int | None
) -> ProgressReport:
    """Accept (the assignment takes the report's progress; a final report completes it) or
    return with a comment for the agency to revise."""
    if not access.can_review(user, report.assignment):
        if report.assignment.parent_id is not None:
            raise PermissionDenied(_("Chỉ cơ quan đã giao phần việc này được duyệt báo cáo."))
        raise PermissionDenied(_("Chỉ Sở Nội vụ được duyệt báo cáo."))
    if report.author_id == user.pk:
        raise PermissionDenied(
            _("Không ai được tự duyệt báo cáo của mình; báo cáo này cần người khác duyệt.")
        )
    report = lock_current(report, version)
    if report.state == ReportState.AWAITING_HEAD:
        raise PlanError(_("Báo cáo này còn chờ lãnh đạo cơ quan duyệt trước."))
    if report.state != ReportState.SUBMITTED:
        raise PlanError(_("Báo cáo này đã được duyệt trước đó."))
    comment = comment.strip()
    if not accept and not comment:
        raise PlanError(_("Khi trả lại báo cáo, cần ghi rõ lý do để cơ quan bổ sung."), "comment")
    _check_length(comment, "comment", _("Ý kiến của Sở Nội vụ"))
    old_state = report.state
    report.state = ReportState.ACCEPTED if accept else ReportState.RETURNED
    report.reviewer, report.reviewed_at, report.review_comment = user, clock.now(), comment
    bump(report)
    report.save()
    record(
        user,
        report,
        "report.accept" if accept else "report.return",
        {"state": [old_state, report.state], "review_comment": ["", comment]},
    )
    if accept:
        periods.mark_accepted(report)
        _apply_to_assignment(user, report)
    signals.report_reviewed.send(ProgressReport, report=report, accepted=accept)
    return report


def _apply_to_assignment(user: User, report: ProgressReport) -> None:
    """The report becomes the agency's own part; a split assignment's values roll up from its
    own part and its sub-assignments (chiso.plans.rollup), and so on to the top."""
    assignment = lock_current(report.assignment, None)
    before = {"progress": assignment.progress, "completed_on": assignment.completed_on}
    assignment.own_progress = report.progress
    if report.is_final:
        assignment.own_completed_on = _completion_date(report)
    own = rollup.Share(assignment.own_progress, assignment.own_completed_on)
    value = rollup.rolled_up(own, rollup.children_of(assignment))
    assignment.progress, assignment.completed_on = value.progress, value.completed_on
    bump(assignment)
    assignment.save(
        update_fields=["own_progress", "own_completed_on", "progress", "completed_on", "version"]
    )
    after = {"progress": assignment.progress, "completed_on": assignment.completed_on}
    changes = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
    if (assignment.own_progress, assignment.own_completed_on) != (
        value.progress,
        value.completed_on,
    ):
        changes["own_progress"] = [None, assignment.own_progress]
    record(user, assignment, "assignment.progress", changes)
    if assignment.parent_id is not None and changes:
        rollup.refresh_upwards(user, assignment.parent_id)


@transaction.atomic
def sign_off_report(
    user: User, report: ProgressReport, *, approve: bool, comment: str = "", version: int | None
) -> ProgressReport:
    """The agency head approves an officer's report (it goes on to Sở Nội vụ) or sends it back
    with a comment (the officer revises it as for a return by Sở Nội vụ)."""
    if not access.can_sign_off(user, report.assignment):
        raise PermissionDenied(_("Chỉ lãnh đạo của cơ quan được giao mới duyệt được báo cáo này."))
    report = lock_current(report, version)
    if report.state != ReportState.AWAITING_HEAD:
        raise PlanError(_("Báo cáo này không còn chờ lãnh đạo cơ quan duyệt."))
    comment = comment.strip()
    if not approve and not comment:
        raise PlanError(
            _("Khi trả lại báo cáo, cần ghi rõ lý do để chuyên viên bổ sung."), "comment"
        )
    old_state = report.state
    report.state = ReportState.SUBMITTED if approve else ReportState.RETURNED
    report.head_reviewer, report.head_reviewed_at = user, clock.now()
    report.head_comment = comment
    bump(report)
    report.save()
    record(
        user,
        report,
        "report.head_approve" if approve else "report.head_return",
        {"state": [old_state, report.state], "head_comment": ["", comment]},
    )
    if approve:
        signals.report_submitted.send(ProgressReport, report=report)
    else:
        signals.report_reviewed.send(ProgressReport, report=report, accepted=False)
    return report
