"""The facts of a consolidated report (báo cáo tổng hợp) for one plan and one period, read from
the database as of a day into typed rows: how the plan was organised (documents, activities,
postings, survey support), each task's assignments and the agencies' accepted reports, and the
work done per dimension of the plan's index (PCI's components). The report's words are built
from these (`consolidated.py`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from chiso.activities.coverage import posting_coverage
from chiso.activities.models import (
    Activity,
    ActivityKind,
    LogisticsState,
    PlaceType,
    Posting,
    SurveyRound,
)
from chiso.documents.models import DocumentKind, RegisterEntry
from chiso.documents.period import Period
from chiso.index.framework import load_framework
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportPeriod, ReportState
from chiso.plans.status import Status, status_expression

KIND_LABELS: dict[str, str] = {DocumentKind.PLAN: "Kế hoạch"}


@dataclass(frozen=True)
class IssuedDocument:
    label: str  # "Kế hoạch", "Báo cáo"
    number: str
    issued_on: dt.date
    summary: str


@dataclass(frozen=True)
class ActivityRow:
    kind: str
    kind_label: str
    title: str
    held_on: dt.date
    organiser: str
    audience: int | None


@dataclass(frozen=True)
class DistrictPostings:
    district: str
    communes: int
    communes_posted: int
    villages_posted: int  # villages posted (of `villages`); without a village list: halls posted
    villages: int = 0  # the district's villages and residential groups known to chiso.places


@dataclass(frozen=True)
class SurveySupport:
    year: int
    fieldwork_from: dt.date | None
    fieldwork_to: dt.date | None
    locations: int
    logistics_done: int
    logistics_total: int


@dataclass(frozen=True)
class ReportSummary:
    """An agency's latest accepted report on a task in the period, condensed."""

    agency: str
    submitted_on: dt.date
    narrative: str
    figures: str
    progress: int
    evidence: int


@dataclass(frozen=True)
class TaskFacts:
    section: str  # "II.2. Nâng cao hiệu quả …"
    code: str
    title: str
    units: tuple[str, ...]
    agencies: tuple[str, ...]  # every assigned agency
    by_status: dict[str, int]
    reports: tuple[ReportSummary, ...]

    @property
    def assignments(self) -> int:
        return sum(self.by_status.values())

    @property
    def evidence(self) -> int:
        return sum(r.evidence for r in self.reports)

    def count(self, *statuses: str) -> int:
        return sum(self.by_status.get(s, 0) for s in statuses)


@dataclass(frozen=True)
class AgencyFacts:
    agency: str
    assignments: int
    done_on_time: int
    done_late: int
    overdue: int
    reports_accepted: int


@dataclass(frozen=True)
class DimensionWork:
    code: str
    name: str
    tasks: int
    assignments: int
    done: int
    reports: int


@dataclass(frozen=True)
class PeriodRow:
    """The reporting periods (plans.ReportPeriod) due on one day, and how they were met."""

    due_on: dt.date
    total: int
    on_time: int
    late: int
    missing: int  # not sent by the report's cutoff
    accepted: int


@dataclass(frozen=True)
class ConsolidatedFacts:
    period: Period
    as_of: dt.date  # the report's date; facts are counted up to `cutoff`
    documents: tuple[IssuedDocument, ...]
    activities: tuple[ActivityRow, ...]
    postings: tuple[DistrictPostings, ...]
    survey: SurveySupport | None
    tasks: tuple[TaskFacts, ...]
    agencies: tuple[AgencyFacts, ...]
    dimensions: tuple[DimensionWork, ...]
    periods: tuple[PeriodRow, ...]

    @property
    def cutoff(self) -> dt.date:
        return min(self.period.ends_on, self.as_of)

    @property
    def reporting_agencies(self) -> tuple[str, ...]:
        return tuple(sorted({r.agency for t in self.tasks for r in t.reports}))


def gather(plan: Plan, period: Period, as_of: dt.date) -> ConsolidatedFacts:
    cutoff = min(period.ends_on, as_of)
    tasks = _tasks(plan, period.starts_on, cutoff)
    return ConsolidatedFacts(
        period=period,
        as_of=as_of,
        documents=_documents(plan, period.starts_on, cutoff),
        activities=_activities(plan, period.starts_on, cutoff),
        postings=_postings(plan, cutoff),
        survey=_survey(plan),
        tasks=tasks,
        agencies=_agencies(plan, cutoff),
        dimensions=_dimensions(plan, tasks),
        periods=_periods(plan, period.starts_on, cutoff),
    )


def _documents(plan: Plan, start: dt.date, cutoff: dt.date) -> tuple[IssuedDocument, ...]:
    found = []
    if plan.issued_on and plan.number and plan.issued_on <= cutoff:
        found.append(IssuedDocument("Kế hoạch", plan.number, plan.issued_on, plan.title))
    entries = RegisterEntry.objects.filter(
        province_id=plan.province_id, issued_on__range=(start, cutoff)
    ).order_by("issued_on", "id")
    found += [
        IssuedDocument(KIND_LABELS.get(e.kind, "Báo cáo"), e.number, e.issued_on, e.summary)
        for e in entries
    ]
    return tuple(found)


def _activities(plan: Plan, start: dt.date, cutoff: dt.date) -> tuple[ActivityRow, ...]:
    rows = (
        Activity.objects.filter(plan=plan, held_on__range=(start, cutoff))
        .select_related("organiser")
        .order_by("held_on", "id")
    )
    return tuple(
        ActivityRow(
            a.kind,
            str(ActivityKind(a.kind).label),
            a.title,
            a.held_on,
            a.organiser.name if a.organiser else "",
            a.audience_count,
        )
        for a in rows
    )


def _postings(plan: Plan, cutoff: dt.date) -> tuple[DistrictPostings, ...]:
    """The activities app's posting coverage as of the cut-off, per district. Where the
    province has not listed its villages, the village halls posted are counted instead."""
    coverage = posting_coverage(plan, as_of=cutoff)
    halls = dict(
        Posting.objects.filter(plan=plan, posted_on__lte=cutoff, place_type=PlaceType.VILLAGE_HALL)
        .values_list("commune_id")
        .annotate(n=Count("id"))
        .values_list("commune_id", "n")
    )
    return tuple(
        DistrictPostings(
            district=d.district.name if d.district is not None else "Khác",
            communes=len(d.communes),
            communes_posted=d.posted,
            villages_posted=d.villages_posted
            if d.villages
            else sum(halls.get(c.commune.pk, 0) for c in d.communes),
            villages=d.villages,
        )
        for d in coverage.districts
    )


def _survey(plan: Plan) -> SurveySupport | None:
    survey = (
        SurveyRound.objects.filter(province_id=plan.province_id, year=plan.year)
        .annotate(
            n_locations=Count("locations", distinct=True),
            n_tasks=Count("logistics", distinct=True),
            n_done=Count(
                "logistics", filter=Q(logistics__state=LogisticsState.DONE), distinct=True
            ),
        )
        .first()
    )
    if survey is None:
        return None
    return SurveySupport(
        survey.year,
        survey.fieldwork_from,
        survey.fieldwork_to,
        survey.n_locations,
        survey.n_done,
        survey.n_tasks,
    )


def _accepted_reports(plan: Plan, start: dt.date, cutoff: dt.date) -> dict[int, ReportSummary]:
    """Per assignment, its latest report accepted in the period (submitted and reviewed by the
    cutoff: a report accepted later was not known on the report's date)."""
    moment = timezone.make_aware(dt.datetime.combine(cutoff + dt.timedelta(days=1), dt.time()))
    begin = timezone.make_aware(dt.datetime.combine(start, dt.time()))
    reports = (
        ProgressReport.objects.filter(
            assignment__task__plan=plan,
            state=ReportState.ACCEPTED,
            submitted_at__gte=begin,
            reviewed_at__lt=moment,
        )
        .select_related("assignment__agency")
        .annotate(n_evidence=Count("evidence"))
        .order_by("assignment_id", "submitted_at", "id")
    )
    latest: dict[int, ReportSummary] = {}
    for r in reports:
        latest[r.assignment_id] = ReportSummary(
            agency=r.assignment.agency.name,
            submitted_on=timezone.localdate(r.submitted_at),
            narrative=r.narrative.strip(),
            figures=r.figures.strip(),
            progress=r.progress,
            evidence=r.n_evidence,
        )
    return latest


def _tasks(plan: Plan, start: dt.date, cutoff: dt.date) -> tuple[TaskFacts, ...]:
    reports = _accepted_reports(plan, start, cutoff)
    assignments = (
        Assignment.objects.filter(task__plan=plan)
        .select_related("task", "task__section", "agency")
        .prefetch_related("task__units")
        .annotate(current_status=status_expression(cutoff))
        .order_by("task__section__order", "task__section__id", "task__order", "task__id", "id")
    )
    grouped: dict[int, list[Assignment]] = defaultdict(list)
    for a in assignments:
        grouped[a.task_id].append(a)
    found = []
    for items in grouped.values():
        task = items[0].task
        by_status: dict[str, int] = defaultdict(int)
        for item in items:
            by_status[item.current_status] += 1  # type: ignore[attr-defined]
        section = f"{task.section.code}. {task.section.title}" if task.section else ""
        found.append(
            TaskFacts(
                section=section,
                code=task.code,
                title=task.title,
                units=tuple(u.unit_code for u in task.units_of(plan.index)),
                agencies=tuple(a.agency.name for a in items),
                by_status=dict(by_status),
                reports=tuple(reports[a.pk] for a in items if a.pk in reports),
            )
        )
    return tuple(found)


def _agencies(plan: Plan, cutoff: dt.date) -> tuple[AgencyFacts, ...]:
    rows = (
        Assignment.objects.filter(task__plan=plan)
        .annotate(current_status=status_expression(cutoff))
        .values_list("agency__name", "current_status")
    )
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for name, status in rows:
        counts[name][status] += 1
    accepted = dict(
        ProgressReport.objects.filter(
            assignment__task__plan=plan,
            state=ReportState.ACCEPTED,
            submitted_at__date__lte=cutoff,
        )
        .values_list("assignment__agency__name")
        .annotate(n=Count("id"))
        .values_list("assignment__agency__name", "n")
    )
    return tuple(
        sorted(
            (
                AgencyFacts(
                    agency=name,
                    assignments=sum(c.values()),
                    done_on_time=c[Status.DONE],
                    done_late=c[Status.DONE_LATE],
                    overdue=c[Status.OVERDUE],
                    reports_accepted=accepted.get(name, 0),
                )
                for name, c in counts.items()
            ),
            key=lambda a: (-a.overdue, a.agency),
        )
    )


def touches(units: tuple[str, ...], dimension: str) -> bool:
    return any(u == dimension or u.startswith(f"{dimension}.") for u in units)


def _dimensions(plan: Plan, tasks: tuple[TaskFacts, ...]) -> tuple[DimensionWork, ...]:
    framework = load_framework(plan.index)
    found = []
    # The level below the composite: PAPI's dimensions, PCI's components, PAR INDEX's areas.
    level = framework.levels[1].code if len(framework.levels) > 1 else "dimension"
    for unit in framework.units_at(level):
        if not unit.exists_in(plan.year):
            continue
        mine = [t for t in tasks if touches(t.units, unit.code)]
        found.append(
            DimensionWork(
                code=unit.code,
                name=unit.name(plan.year),
                tasks=len(mine),
                assignments=sum(t.assignments for t in mine),
                done=sum(t.count(Status.DONE, Status.DONE_LATE) for t in mine),
                reports=sum(len(t.reports) for t in mine),
            )
        )
    return tuple(found)


def _periods(plan: Plan, start: dt.date, cutoff: dt.date) -> tuple[PeriodRow, ...]:
    rows: dict[dt.date, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    periods = ReportPeriod.objects.filter(
        assignment__task__plan=plan, due_on__range=(start, cutoff)
    ).values_list("due_on", "submitted_on", "accepted_on")
    for due, submitted, accepted in periods:
        row = rows[due]
        row[0] += 1
        if submitted is None or submitted > cutoff:
            row[3] += 1
        elif submitted <= due:
            row[1] += 1
        else:
            row[2] += 1
        row[4] += accepted is not None and accepted <= cutoff
    return tuple(PeriodRow(due, *counts) for due, counts in sorted(rows.items()))
