"""The review inbox: reports waiting for the user's decision, oldest first, and the agency's
reports sent back for more ("cần bổ sung"). Each list is a fixed number of queries whatever its
length (select_related + two prefetches), and the menu badge is one count per list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from chiso.accounts import roles
from chiso.plans import access
from chiso.plans.models import Evidence, ProgressReport, ReportState, TaskUnit
from chiso.web.fragments import FRAGMENT_TTL, fragment, kept

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class InboxFilter:
    """The inbox's filters, read from the query string (unknown or malformed values ignored)."""

    plan: int | None = None
    section: int | None = None
    agency: int | None = None
    unit: str = ""

    @classmethod
    def from_query(cls, query: Any) -> InboxFilter:
        def number(name: str) -> int | None:
            value = str(query.get(name, "")).strip()
            return int(value) if value.isdigit() else None

        unit = str(query.get("unit", "")).strip()
        return cls(
            plan=number("plan"),
            section=number("section"),
            agency=number("agency"),
            unit=unit if unit.replace(".", "").isdigit() else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.plan or self.section or self.agency or self.unit)

    def apply(self, qs: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
        if self.plan:
            qs = qs.filter(assignment__task__plan_id=self.plan)
        if self.section:
            qs = qs.filter(assignment__task__section_id=self.section)
        if self.agency:
            qs = qs.filter(assignment__agency_id=self.agency)
        if self.unit:
            # "2" also finds tasks on its sub-dimensions ("2.4").
            units = TaskUnit.objects.filter(
                Q(unit_code=self.unit) | Q(unit_code__startswith=f"{self.unit}."),
                index=F("task__plan__index"),
            )
            qs = qs.filter(assignment__task_id__in=units.values("task_id"))
        return qs


def _review_q(user: User, parts: access.Reviewable | None = None) -> Q | None:
    allowed = (parts or access.reviewable(user)).filter
    if allowed is None:
        return None
    return allowed & Q(state=ReportState.SUBMITTED) & ~Q(author_id=user.pk)


def _returned_q(user: User) -> Q | None:
    if not roles.has_role(user, roles.REPORTING_ROLES) or user.agency_id is None:
        return None
    # Not yet revised: no report revises it (an Exists, so that a union of queues counts each
    # report once).
    revised = ProgressReport.objects.filter(revises_id=OuterRef("pk"))
    return Q(
        assignment__agency_id=user.agency_id,
        state=ReportState.RETURNED,
        assignment__completed_on__isnull=True,
    ) & ~Q(Exists(revised))


def _signoff_q(user: User) -> Q | None:
    if not roles.is_agency_head(user):
        return None
    return Q(assignment__agency_id=user.agency_id, state=ReportState.AWAITING_HEAD)


def _queue(user: User, condition: Q | None) -> QuerySet[ProgressReport]:
    if condition is None:
        return ProgressReport.objects.none()
    if user.province_id is None:
        return ProgressReport.objects.none()
    return ProgressReport.objects.filter(condition, province_id=user.province_id).order_by(
        "submitted_at", "id"
    )


def review_queue(user: User, parts: access.Reviewable | None = None) -> QuerySet[ProgressReport]:
    """Reports waiting for `user`'s review, oldest first; never the user's own (`parts`: the
    user's `access.reviewable`, when the caller has it already)."""
    return _queue(user, _review_q(user, parts))


def returned_queue(user: User) -> QuerySet[ProgressReport]:
    """The user's agency's reports sent back and not yet resubmitted, oldest first."""
    return _queue(user, _returned_q(user))


def signoff_queue(user: User) -> QuerySet[ProgressReport]:
    """Officers' reports waiting for the user's approval as the agency's head, oldest first."""
    return _queue(user, _signoff_q(user))


_PERSON = ("username", "first_name", "last_name")  # a reviewer's name as a row shows it

# What a row shows (plans/_inbox_row.html) and `rows` reads: only these columns, so a row's
# query reads no more than the row prints.
_ROW_FIELDS = (
    "id",
    "assignment_id",
    "state",
    "submitted_at",
    "progress",
    "is_final",
    "narrative",
    "reviewed_at",
    "review_comment",
    "head_reviewed_at",
    "head_comment",
    "assignment__agency__name",
    "assignment__task_id",
    "assignment__task__code",
    "assignment__task__title",
    "assignment__task__section__code",
    *(f"{who}__{field}" for who in ("reviewer", "head_reviewer") for field in _PERSON),
)


def detailed(qs: QuerySet[ProgressReport]) -> QuerySet[ProgressReport]:
    """With the columns a row shows from the report and its relations, in one query; `rows`
    adds the evidence and units (two queries for any number of rows). Unordered (the models'
    orderings join the plans and agencies to sort): the lists keep their own order."""
    return (
        qs.select_related(
            "reviewer", "head_reviewer", "assignment__agency", "assignment__task__section"
        )
        .only(*_ROW_FIELDS)
        .order_by()
    )


# A task's units: (label as TaskUnit shows it, unit code, whether on its plan's index).
TaskUnits = dict[int, list[tuple[str, str, bool]]]


def province_task_units(province_id: int, shared: int, ttl: int) -> TaskUnits:
    """Every task's units in the province, in TaskUnit's order. Kept under the province's
    `shared` counter: units change with their task, an edit no one task's scope confines
    (the rows' keys rely on the same). A ttl of 0 stores nothing."""
    key = f"inbox-units:{fragment(province_id, 'inbox-units', revision=shared).key}"
    return kept(
        key, ttl, lambda: _task_units(TaskUnit.objects.filter(task__province_id=province_id))
    )


def _task_units(qs: QuerySet[TaskUnit]) -> TaskUnits:
    units: TaskUnits = {}
    ordered = qs.order_by("task_id", "index", "unit_code")
    for task_id, index, code, plan_index in ordered.values_list(
        "task_id", "index", "unit_code", "task__plan__index"
    ):
        # TaskUnit's own label ("2.4", "PCI:3"), without fetching the model.
        label = str(TaskUnit(index=index, unit_code=code))
        units.setdefault(task_id, []).append((label, code, index == plan_index))
    return units


def rows(
    reports: Iterable[ProgressReport], today: dt.date, units: TaskUnits | None = None
) -> list[ProgressReport]:
    """The reports as listed; each gains `days_waiting` (since sent, or since sent back), its
    evidence files' names (`evidence_names`) and its task's units (`unit_labels`, from `units`
    when given: `province_task_units`), read as values: model instances and prefetching cost a
    row more than its query."""
    found = list(reports)
    evidence: dict[int, list[str]] = {}
    names = Evidence.objects.filter(report_id__in=[r.pk for r in found]).order_by("id")
    for report_id, name in names.values_list("report_id", "original_name"):
        evidence.setdefault(report_id, []).append(name)
    if units is None:
        units = _task_units(
            TaskUnit.objects.filter(task_id__in={r.assignment.task_id for r in found})
        )
    for report in found:
        since: dt.datetime | None = report.submitted_at
        if report.state == ReportState.RETURNED:
            since = report.reviewed_at or report.head_reviewed_at
        # Never negative: a replayed plan year pins "today" before reports sent in real time.
        days = (today - timezone.localdate(since)).days if since else 0
        report.days_waiting = max(days, 0)  # type: ignore[attr-defined]
        report.evidence_names = evidence.get(report.pk, [])  # type: ignore[attr-defined]
        labels = [label for label, _code, _on_index in units.get(report.assignment.task_id, [])]
        report.unit_labels = labels  # type: ignore[attr-defined]
    return found


def inbox_count(user: User) -> int:
    """The menu badge: reports waiting for the user (to review, or to complete and resend, or
    to approve as head), asked for by every page. Kept in the cache per viewer under the
    province's data revision (chiso.web.fragments): every change to a report, an assignment or
    the review rules is audited in the province and raises it, so the next request counts again;
    between changes the badge costs one query (the revision) instead of four."""
    if user.province_id is None:
        return 0
    # The user's own id too: a report is never in its author's review queue.
    viewer = (user.pk, *roles.viewer_key(user))
    key = f"inbox-count:{fragment(user.province_id, 'inbox-count', viewer).key}"
    count: int | None = cache.get(key)
    if count is None:
        count = _counted(user, user.province_id)
        cache.set(key, count, FRAGMENT_TTL)
    return count


def _counted(user: User, province_id: int) -> int:
    """A report is in at most one queue (by its state), so the badge is the sum of one count
    per queue the user has: each an indexed count over the province's reports in one state.
    One count with the queues' conditions OR-ed together made PostgreSQL scan every assignment
    and every report of the deployment (68 ms against 3 ms on the national synthetic data)."""
    conditions = (_review_q(user), _returned_q(user), _signoff_q(user))
    return sum(
        ProgressReport.objects.filter(condition, province_id=province_id).count()
        for condition in conditions
        if condition is not None
    )


def next_waiting(user: User, after: ProgressReport) -> ProgressReport | None:
    """The oldest report still waiting for `user` other than `after` ("accept and next")."""
    return review_queue(user).exclude(pk=after.pk).only("id", "assignment_id").first()
