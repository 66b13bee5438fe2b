"""The plan workspace's tables as XLSX: plan (with objectives and tasks), tasks, assignments
and reports. Callers pass querysets already scoped to the user (chiso.plans.access); each
export runs a fixed number of queries whatever the number of rows.

The task sheet uses the import columns (docs/task-framework-xlsx.md), so an exported framework
can be edited and imported into another plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from chiso.plans.compliance import current_compliance
from chiso.plans.models import Assignment, Plan, ProgressReport, Relation, Task
from chiso.plans.status import Status, status_expression
from chiso.plans.units import UnitRef, index_name
from chiso.spreadsheets.cell_text import fit_text
from chiso.spreadsheets.framework_columns import RECURRING_TEXT, TASK_COLUMNS
from chiso.spreadsheets.xlsx import Column, Kind, Sheet, workbook_to_xlsx

if TYPE_CHECKING:
    from chiso.accounts.models import User


def _task_columns() -> list[Column]:
    widths = {
        "code": 8,
        "section": 10,
        "title": 60,
        "units": 14,
        "lead": 36,
        "coordinate": 36,
        "deadline": 14,
        "output": 40,
    }
    wrap = {"title", "lead", "coordinate", "output"}
    return [
        Column(
            spec.header,
            widths[spec.key],
            Kind.DATE if spec.key == "deadline" else Kind.TEXT,
            wrap=spec.key in wrap,
        )
        for spec in TASK_COLUMNS
    ]


def _with_assignments(tasks: QuerySet[Task]) -> QuerySet[Task]:
    return tasks.select_related("section", "lead_group", "plan").prefetch_related(
        "units",
        Prefetch("assignments", queryset=Assignment.objects.top_level().select_related("agency")),
    )


def unit_tokens(task: Task) -> str:
    """The task's units as the import reads them: the plan's own index first, as bare codes
    ("2.4; 5"), then other indices' as INDEX:code ("PCI:time_costs"), in one cell."""
    own = task.plan.index
    units = list(task.units.all())
    others = sorted(UnitRef(u.index, u.unit_code) for u in units if u.index != own)
    tokens = [u.unit_code for u in units if u.index == own] + [r.token(own) for r in others]
    return "; ".join(tokens)


def task_row(task: Task) -> list[Any]:
    """One task in the import/export columns."""
    assignments = list(task.assignments.all())
    if task.lead_group is not None:
        lead = task.lead_group.name
    else:
        lead = "; ".join(a.agency.name for a in assignments if a.relation != Relation.COORDINATE)
    coordinate = "; ".join(a.agency.name for a in assignments if a.relation == Relation.COORDINATE)
    deadline: dt.date | str | None = RECURRING_TEXT if task.recurring else task.deadline
    return [
        task.code,
        task.section.code if task.section else "",
        task.title,
        unit_tokens(task),
        lead,
        coordinate,
        deadline,
        task.expected_output,
    ]


def task_sheet(tasks: QuerySet[Task]) -> Sheet:
    rows = (task_row(t) for t in _with_assignments(tasks).order_by("plan", "order", "id"))
    return Sheet(_("Nhiệm vụ"), _task_columns(), rows)


def _plan_rows(plan: Plan) -> list[list[Any]]:
    return [
        [_("Số, ký hiệu"), plan.number],
        [_("Trích yếu"), plan.title],
        [_("Ngày ban hành"), plan.issued_on],
        [_("Cơ quan ban hành"), str(plan.issuer) if plan.issuer_id else ""],
        [_("Người ký"), " ".join(p for p in (plan.signer_title, plan.signer) if p)],
        [_("Chỉ số"), plan.index],
        [_("Năm kế hoạch"), plan.year],
        [_("Năm cơ sở"), plan.baseline_year],
        [_("Hạn báo cáo kết quả"), plan.report_due],
    ]


def plan_workbook(plan: Plan) -> bytes:
    """The plan's particulars, objectives, sections and tasks, one sheet each."""
    info = Sheet(
        _("Kế hoạch"),
        [Column(_("Thông tin"), 22), Column(_("Nội dung"), 80, Kind.DATE, wrap=True)],
        _plan_rows(plan),
    )
    objectives = Sheet(
        _("Mục tiêu"),
        [
            Column(_("Mã"), 8),
            Column(_("Nội dung mục tiêu"), 70, wrap=True),
            Column(_("Loại"), 30),
            Column(_("Giá trị"), 10, Kind.DECIMAL),
            Column(_("Nhóm"), 16),
            Column(_("Số lượng"), 10, Kind.INT),
            Column(_("Chỉ số/nội dung"), 14),
            Column(_("Bộ chỉ số"), 12),
        ],
        (
            [
                o.code,
                o.text,
                o.get_kind_display(),
                o.value,
                o.get_tier_display() if o.tier else "",
                o.count,
                o.unit,
                index_name(o.index),
            ]
            for o in plan.objectives.all()
        ),
    )
    sections = Sheet(
        _("Mục"),
        [Column(_("Mục"), 10), Column(_("Tên mục"), 80, wrap=True)],
        ([s.code, s.title] for s in plan.sections.all()),
    )
    return workbook_to_xlsx([info, objectives, sections, task_sheet(plan.tasks.all())])


def tasks_workbook(tasks: QuerySet[Task]) -> bytes:
    return workbook_to_xlsx([task_sheet(tasks)])


def _assignment_rows(assignments: QuerySet[Assignment], today: dt.date) -> Iterator[list[Any]]:
    labels = dict(Status.choices)
    qs = (
        assignments.select_related("task", "task__section", "agency")
        .annotate(current_status=status_expression(today))
        .order_by("task__plan", "task__order", "task_id", "agency__name")
    )
    for a in qs:
        yield [
            a.task.code,
            a.task.section.code if a.task.section else "",
            a.task.title,
            a.agency.name,
            a.get_relation_display(),
            RECURRING_TEXT if a.task.recurring and a.deadline is None else a.deadline,
            a.progress,
            str(labels[a.current_status]),
            a.completed_on,
            a.last_report_at,
        ]


def assignments_workbook(assignments: QuerySet[Assignment], today: dt.date) -> bytes:
    columns: Sequence[Column] = [
        Column(_("STT"), 8),
        Column(_("Mục"), 10),
        Column(_("Nhiệm vụ"), 60, wrap=True),
        Column(_("Cơ quan"), 36),
        Column(_("Quan hệ"), 12),
        Column(_("Thời hạn"), 14, Kind.DATE),
        Column(_("Tiến độ (%)"), 12, Kind.PERCENT),
        Column(_("Trạng thái"), 20),
        Column(_("Ngày hoàn thành"), 16, Kind.DATE),
        Column(_("Báo cáo gần nhất"), 18, Kind.DATETIME),
    ]
    compliance = Sheet(
        _("Báo cáo theo kỳ"),
        [
            Column(_("Cơ quan"), 40),
            Column(_("Đúng hạn"), 12, Kind.INT),
            Column(_("Gửi muộn"), 12, Kind.INT),
            Column(_("Chưa báo cáo"), 14, Kind.INT),
        ],
        [
            [c.agency_name, c.on_time, c.late, c.missing]
            for c in current_compliance(assignments, today)
        ],
        notes=[str(_("Kỳ báo cáo gần nhất đã đến hạn của mỗi phân công có lịch báo cáo theo kỳ."))],
    )
    return workbook_to_xlsx(
        [Sheet(_("Phân công"), columns, _assignment_rows(assignments, today)), compliance]
    )


def _person(user: User | None) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


def reports_workbook(reports: QuerySet[ProgressReport]) -> bytes:
    columns: Sequence[Column] = [
        Column(_("STT"), 8),
        Column(_("Nhiệm vụ"), 50, wrap=True),
        Column(_("Cơ quan"), 32),
        Column(_("Ngày gửi"), 18, Kind.DATETIME),
        Column(_("Người gửi"), 22),
        Column(_("Tiến độ (%)"), 12, Kind.PERCENT),
        Column(_("Báo cáo hoàn thành"), 12),
        Column(_("Trạng thái"), 16),
        Column(_("Người duyệt"), 22),
        Column(_("Ngày duyệt"), 18, Kind.DATETIME),
        Column(_("Ý kiến của Sở Nội vụ"), 40, wrap=True),
        Column(_("Nội dung báo cáo"), 70, wrap=True),
        Column(_("Số liệu"), 40, wrap=True),
    ]
    qs = reports.select_related(
        "assignment__task", "assignment__agency", "author", "reviewer"
    ).order_by("assignment__task__order", "assignment_id", "submitted_at", "id")
    return workbook_to_xlsx([Sheet(_("Báo cáo tiến độ"), columns, (_report_row(r) for r in qs))])


def _report_row(r: ProgressReport) -> list[Any]:
    # A text too long for a cell (reports from before the input limit) is cut with a note
    # pointing to the assignment's page, where the report is shown in full.
    page = _("trang %(path)s trên chiso") % {
        "path": reverse("plans:assignment-detail", args=[r.assignment_id])
    }
    return [
        r.assignment.task.code,
        r.assignment.task.title,
        r.assignment.agency.name,
        r.submitted_at,
        _person(r.author),
        r.progress,
        _("Có") if r.is_final else _("Không"),
        r.get_state_display(),
        _person(r.reviewer),
        r.reviewed_at,
        fit_text(r.review_comment, page),
        fit_text(r.narrative, page),
        fit_text(r.figures, page),
    ]
