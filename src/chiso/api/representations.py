"""Model rows as JSON objects (the API's boundary). Dates are ISO 8601; statuses are codes with
their label in the request's language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.urls import reverse
from django.utils import timezone

from chiso.accounts.models import Agency, AgencyGroup
from chiso.notifications.models import Notification
from chiso.notifications.text import describe
from chiso.plans.models import (
    Assignment,
    Evidence,
    Objective,
    Plan,
    ProgressReport,
    ReportPeriod,
    ReportState,
    Section,
    Task,
)
from chiso.plans.status import PERIOD_LABELS, Status, assignment_status

if TYPE_CHECKING:
    from chiso.accounts.models import User


def _date(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def agency_json(agency: Agency | None) -> dict[str, Any] | None:
    if agency is None:
        return None
    return {
        "id": agency.pk,
        "name": agency.name,
        "short_name": agency.short_name,
        "kind": agency.kind,
    }


def group_json(group: AgencyGroup | None) -> dict[str, Any] | None:
    return None if group is None else {"id": group.pk, "name": group.name}


def section_json(section: Section | None) -> dict[str, Any] | None:
    if section is None:
        return None
    return {"id": section.pk, "code": section.code, "title": section.title}


def objective_json(objective: Objective) -> dict[str, Any]:
    return {
        "id": objective.pk,
        "code": objective.code,
        "text": objective.text,
        "kind": objective.kind,
        "value": _number(objective.value),
        "tier": objective.tier or None,
        "count": objective.count,
        "unit": objective.unit or None,
    }


def plan_json(plan: Plan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "url": reverse("api-plan", args=[plan.pk]),
        "province": {"id": plan.province_id, "name": plan.province.name},
        "index": plan.index,
        "number": plan.number,
        "title": plan.title,
        "issued_on": _date(plan.issued_on),
        "issuer": agency_json(plan.issuer),
        "signer": plan.signer,
        "signer_title": plan.signer_title,
        "year": plan.year,
        "baseline_year": plan.baseline_year,
        "report_due": _date(plan.report_due),
        "is_public": plan.is_public,
    }


def status_json(status: Status) -> dict[str, str]:
    return {"code": status.value, "label": str(status.label)}


def task_json(task: Task) -> dict[str, Any]:
    """Needs `section`, `lead_group` selected and `units` prefetched."""
    return {
        "id": task.pk,
        "url": reverse("api-task", args=[task.pk]),
        "plan": task.plan_id,
        "section": section_json(task.section),
        "code": task.code,
        "title": task.title,
        "description": task.description,
        "lead_group": group_json(task.lead_group),
        "deadline": _date(task.deadline),
        "recurring": task.recurring,
        "reporting_period": task.reporting_period or None,
        "expected_output": task.expected_output,
        "units": [unit.unit_code for unit in task.units_of(task.plan.index)],
        "unit_links": [{"index": u.index, "code": u.unit_code} for u in task.units.all()],
        "is_public": task.is_public,
    }


def assignment_json(assignment: Assignment, today: dt.date) -> dict[str, Any]:
    """Needs `agency` and `task` selected. The list shows the same (`assignments_json`)."""
    status = assignment.status(today)
    return {
        "id": assignment.pk,
        "url": reverse("api-assignment", args=[assignment.pk]),
        "task": {
            "id": assignment.task_id,
            "code": assignment.task.code,
            "title": assignment.task.title,
        },
        "agency": agency_json(assignment.agency),
        "relation": assignment.relation,
        "deadline": _date(assignment.deadline),
        "progress": assignment.progress,
        "started_on": _date(assignment.started_on),
        "completed_on": _date(assignment.completed_on),
        "last_report_at": _date(assignment.last_report_at),
        "status": status_json(status),
        "version": assignment.version,
    }


# What a listed assignment shows (`assignment_json`), in `_LISTED_SQL`'s order, read as values: a
# page of up to 200 rows costs no model instances (three a row) and none of the other columns.
LISTED_COLUMNS = (
    "id",
    "task_id",
    "task__code",
    "task__title",
    "agency_id",
    "agency__name",
    "agency__short_name",
    "agency__kind",
    "relation",
    "deadline",
    "period_due",
    "progress",
    "started_on",
    "completed_on",
    "last_report_at",
    "version",
)


# The page's rows without the ORM's compiling (~0.6 ms a page): each assignment with its task,
# and with its agency looked up by key. Joined instead, PostgreSQL hashes every agency of the
# country (~4,000) to find a page's few dozen. In `LISTED_COLUMNS`' order.
_LISTED_SELECT = """
a.id, a.task_id, t.code, t.title, a.agency_id,
(SELECT g.name FROM accounts_agency g WHERE g.id = a.agency_id),
(SELECT g.short_name FROM accounts_agency g WHERE g.id = a.agency_id),
(SELECT g.kind FROM accounts_agency g WHERE g.id = a.agency_id),
a.relation, a.deadline, a.period_due, a.progress, a.started_on, a.completed_on,
a.last_report_at, a.version
"""
_LISTED_SQL = f"""
SELECT {_LISTED_SELECT} FROM plans_assignment a JOIN plans_task t ON t.id = a.task_id
WHERE a.id IN ({{ids}})
"""
# The same rows joined to the list's page query (`api.query.page_sql`: the page's ids and the
# count of the whole list) in one statement: one round trip and one compiled query fewer.
_PAGE_SQL = f"""
WITH page (pk, n) AS ({{page}})
SELECT page.n, {_LISTED_SELECT}
FROM page JOIN plans_assignment a ON a.id = page.pk JOIN plans_task t ON t.id = a.task_id
ORDER BY {{order}}
"""


def listed_assignments(ids: list[int]) -> list[dict[str, Any]]:
    """The `LISTED_COLUMNS` of the assignments `ids`, in their order (ids already checked)."""
    if not ids:
        return []
    sql = _LISTED_SQL.format(ids=", ".join(["%s"] * len(ids)))
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        found = {row[0]: _listed_row(row) for row in cursor}
    return [found[pk] for pk in ids if pk in found]


def listed_page(
    order: tuple[str, ...],
) -> Callable[[str, tuple[Any, ...]], tuple[list[dict[str, Any]], int | None]]:
    """A reader for `api.query.paged(joined=…)`: the page's `LISTED_COLUMNS` and the list's
    count (None for an empty page), in `order` (the list's own ordering: assignment columns)."""
    order_sql = ", ".join(f"a.{_column(name)}" for name in order)

    def read(page_sql: str, params: tuple[Any, ...]) -> tuple[list[dict[str, Any]], int | None]:
        with connection.cursor() as cursor:
            cursor.execute(_PAGE_SQL.format(page=page_sql, order=order_sql), params)
            fetched = cursor.fetchall()
        return [_listed_row(row[1:]) for row in fetched], (fetched[0][0] if fetched else None)

    return read


def _column(name: str) -> str:
    if not name.isidentifier():
        raise ValueError(name)
    return name


def _listed_row(values: Sequence[Any]) -> dict[str, Any]:
    row = dict(zip(LISTED_COLUMNS, values, strict=True))
    row["last_report_at"] = _aware(row["last_report_at"])
    return row


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """A stored time as the ORM gives it: SQLite hands raw SQL its UTC times without their zone
    (PostgreSQL's are already aware)."""
    if value is None or timezone.is_aware(value):
        return value
    return timezone.make_aware(value, dt.UTC)


def assignments_json(rows: list[dict[str, Any]], today: dt.date) -> list[dict[str, Any]]:
    """A page of `listed_assignments`, exactly as `assignment_json` shows each: the URLs
    formatted from the pattern resolved once and each status's label translated once."""
    prefix = _url_prefix("api-assignment")
    labels = {status: str(status.label) for status in Status}
    return [_listed_json(row, today, f"{prefix}{row['id']}/", labels) for row in rows]


def _listed_json(
    row: dict[str, Any], today: dt.date, url: str, labels: dict[Status, str]
) -> dict[str, Any]:
    status = assignment_status(
        row["deadline"],
        row["period_due"],
        row["completed_on"],
        row["last_report_at"],
        row["progress"],
        today,
    )
    return {
        "id": row["id"],
        "url": url,
        "task": {"id": row["task_id"], "code": row["task__code"], "title": row["task__title"]},
        "agency": {
            "id": row["agency_id"],
            "name": row["agency__name"],
            "short_name": row["agency__short_name"],
            "kind": row["agency__kind"],
        },
        "relation": row["relation"],
        "deadline": _date(row["deadline"]),
        "progress": row["progress"],
        "started_on": _date(row["started_on"]),
        "completed_on": _date(row["completed_on"]),
        "last_report_at": _date(row["last_report_at"]),
        "status": {"code": status.value, "label": labels[status]},
        "version": row["version"],
    }


def evidence_json(evidence: Evidence, download: str | None = None) -> dict[str, Any]:
    """`download`: the URL's prefix resolved once for a page (`_url_prefix`)."""
    return {
        "id": evidence.pk,
        "name": evidence.original_name,
        "content_type": evidence.content_type,
        "size": evidence.size,
        "sha256": evidence.sha256,
        "uploaded_at": _date(evidence.uploaded_at),
        "download": (
            f"{download}{evidence.pk}/"
            if download is not None
            else reverse("api-evidence", args=[evidence.pk])
        ),
    }


def _person(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"id": user.pk, "name": user.get_full_name() or user.username}


def report_json(report: ProgressReport) -> dict[str, Any]:
    """Needs `author`, `reviewer`, `head_reviewer` selected and `evidence` prefetched."""
    url = reverse("api-report", args=[report.pk])
    files = list(report.evidence.all())
    return _report_json(report, url, str(report.get_state_display()), None, files)


def reports_json(rows: list[tuple[ProgressReport, list[Evidence]]]) -> list[dict[str, Any]]:
    """A page of `report_rows`, exactly as `report_json` shows each: the URLs formatted from
    their patterns resolved once, each state's label translated once (per report and per file,
    `reverse()` and the label cost more than the rest of the row)."""
    report_url, download = _url_prefix("api-report"), _url_prefix("api-evidence")
    labels = {value: str(label) for value, label in ReportState.choices}
    return [
        _report_json(r, f"{report_url}{r.pk}/", labels.get(r.state, r.state), download, files)
        for r, files in rows
    ]


def report_rows(ids: list[int]) -> list[tuple[ProgressReport, list[Evidence]]]:
    """The reports `ids` (already checked by the list's own query) in their order, each with
    its files in their order, and the people `report_json` names: fetched by id alone, so the
    list's filters are not compiled again; the files in one query of their own (a prefetch
    makes a manager and a queryset for every report, files or none: ~1 ms a page)."""
    found = (
        ProgressReport.objects.order_by()
        .select_related("author", "reviewer", "head_reviewer")
        .in_bulk(ids)
    )
    files: dict[int, list[Evidence]] = {pk: [] for pk in found}
    if found:
        for evidence in Evidence.objects.filter(report_id__in=list(found)).order_by("id"):
            files[evidence.report_id].append(evidence)
    return [(found[pk], files[pk]) for pk in ids if pk in found]


def _url_prefix(name: str) -> str:
    """The URL of `name` (a pattern ending in "<id:pk>/") without its id."""
    return reverse(name, args=[1])[: -len("1/")]


def _report_json(
    report: ProgressReport,
    url: str,
    state_label: str,
    download: str | None,
    files: list[Evidence],
) -> dict[str, Any]:
    return {
        "id": report.pk,
        "url": url,
        "assignment": report.assignment_id,
        "revises": report.revises_id,
        "author": _person(report.author),
        "submitted_at": _date(report.submitted_at),
        "narrative": report.narrative,
        "figures": report.figures,
        "progress": report.progress,
        "is_final": report.is_final,
        "state": {"code": report.state, "label": state_label},
        "reviewer": _person(report.reviewer),
        "reviewed_at": _date(report.reviewed_at),
        "review_comment": report.review_comment,
        "period": report.period_id,
        "head_reviewer": _person(report.head_reviewer),
        "head_reviewed_at": _date(report.head_reviewed_at),
        "head_comment": report.head_comment,
        "version": report.version,
        "evidence": [evidence_json(e, download) for e in files],
    }


def period_json(period: ReportPeriod, today: dt.date, soon_days: int) -> dict[str, Any]:
    status = period.status(today, soon_days)
    return {
        "id": period.pk,
        "starts_on": _date(period.starts_on),
        "due_on": _date(period.due_on),
        "status": {"code": status.value, "label": str(PERIOD_LABELS[status])},
        "submitted_on": _date(period.submitted_on),
        "accepted_on": _date(period.accepted_on),
    }


def notification_json(notification: Notification) -> dict[str, Any]:
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "text": describe(notification),
        "url": notification.url,
        "created_at": _date(notification.created_at),
        "read_at": _date(notification.read_at),
    }
