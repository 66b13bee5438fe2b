"""Summaries other parts of chiso show: the dashboards, the results report, the home page and
the agency's page call these functions (typed dataclasses, counted in a few queries)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum

from chiso.accounts.models import Agency, AgencyKind, Province
from chiso.activities.models import (
    Activity,
    ActivityKind,
    Finding,
    InspectionPlan,
    InspectionVisit,
    Posting,
    Recommendation,
    Verdict,
    VisitState,
)
from chiso.plans.models import Plan
from chiso.plans.status import Status
from chiso.site import clock


@dataclass(frozen=True)
class VerdictCounts:
    compliant: int = 0
    shortcoming: int = 0
    violation: int = 0

    @property
    def total(self) -> int:
        return self.compliant + self.shortcoming + self.violation


@dataclass(frozen=True)
class FollowUpCounts:
    total: int = 0
    without_task: int = 0
    open: int = 0
    overdue: int = 0
    done: int = 0  # follow-up reported done, waiting to be closed
    closed: int = 0


@dataclass(frozen=True)
class AgencyInspections:
    agency_id: int
    agency_name: str
    visits: int
    findings: VerdictCounts
    follow_up: FollowUpCounts


@dataclass(frozen=True)
class InspectionSummary:
    inspection_plans: int
    visits_planned: int
    visits_done: int
    findings: VerdictCounts
    follow_up: FollowUpCounts
    by_agency: tuple[AgencyInspections, ...]


def _verdicts(qs: QuerySet[Finding]) -> VerdictCounts:
    rows = dict(qs.values_list("verdict").annotate(n=Count("id")).values_list("verdict", "n"))
    return VerdictCounts(
        compliant=rows.get(Verdict.COMPLIANT, 0),
        shortcoming=rows.get(Verdict.SHORTCOMING, 0),
        violation=rows.get(Verdict.VIOLATION, 0),
    )


def _follow_up(recommendations: list[Recommendation], today: dt.date) -> FollowUpCounts:
    counts = {"without_task": 0, "open": 0, "overdue": 0, "done": 0, "closed": 0}
    for rec in recommendations:
        code, _label = rec.follow_up_status(today)
        if code == "closed":
            counts["closed"] += 1
        elif code == "no_task":
            counts["without_task"] += 1
        elif code in (Status.DONE, Status.DONE_LATE):
            counts["done"] += 1
        else:
            counts["open"] += 1
            counts["overdue"] += code == Status.OVERDUE
    return FollowUpCounts(total=len(recommendations), **counts)


def _recommendations(qs: QuerySet[Recommendation]) -> list[Recommendation]:
    return list(
        qs.select_related("finding__visit", "follow_up_task").prefetch_related(
            "follow_up_task__assignments"
        )
    )


def inspection_summary(
    province: Province, plan: Plan | None = None, today: dt.date | None = None
) -> InspectionSummary:
    """Inspections of a province (of one plan when given): visits, findings by verdict and the
    state of the follow-up of their recommendations, overall and per inspected agency."""
    today = today or clock.today()
    plans = InspectionPlan.objects.filter(province=province)
    if plan is not None:
        plans = plans.filter(plan=plan)
    visits = InspectionVisit.objects.filter(inspection_plan__in=plans)
    findings = Finding.objects.filter(visit__in=visits)
    recs = _recommendations(Recommendation.objects.filter(finding__in=findings))
    state_counts = dict(
        visits.values_list("state").annotate(n=Count("id")).values_list("state", "n")
    )
    per_agency_visits = dict(
        visits.values_list("agency_id").annotate(n=Count("id")).values_list("agency_id", "n")
    )
    verdict_rows = findings.values_list("visit__agency_id", "verdict").annotate(n=Count("id"))
    per_agency_verdicts: dict[int, dict[str, int]] = {}
    for agency_id, verdict, n in verdict_rows:
        per_agency_verdicts.setdefault(agency_id, {})[verdict] = n
    names = dict(Agency.objects.filter(pk__in=per_agency_visits).values_list("pk", "name"))
    by_agency = []
    for agency_id in sorted(per_agency_visits, key=lambda pk: names.get(pk, "")):
        verdicts = per_agency_verdicts.get(agency_id, {})
        by_agency.append(
            AgencyInspections(
                agency_id=agency_id,
                agency_name=names.get(agency_id, ""),
                visits=per_agency_visits[agency_id],
                findings=VerdictCounts(**{v: verdicts.get(v, 0) for v in Verdict.values}),
                follow_up=_follow_up(
                    [r for r in recs if r.finding.visit.agency_id == agency_id], today
                ),
            )
        )
    return InspectionSummary(
        inspection_plans=plans.count(),
        visits_planned=state_counts.get(VisitState.PLANNED, 0),
        visits_done=state_counts.get(VisitState.DONE, 0),
        findings=_verdicts(findings),
        follow_up=_follow_up(recs, today),
        by_agency=tuple(by_agency),
    )


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    activities: int
    audience: int


@dataclass(frozen=True)
class ActivitySummary:
    activities: int
    audience: int
    by_kind: tuple[KindCount, ...]
    communes_total: int
    communes_posted: int
    postings: int
    postings_checked: int


def activity_summary(province: Province, plan: Plan | None = None) -> ActivitySummary:
    """Training and communication work and postings of the framework, for reports."""
    activities = Activity.objects.filter(province=province)
    postings = Posting.objects.filter(province=province)
    if plan is not None:
        activities, postings = activities.filter(plan=plan), postings.filter(plan=plan)
    rows = {
        kind: (n, people or 0)
        for kind, n, people in activities.values_list("kind")
        .annotate(n=Count("id"), people=Sum("audience_count"))
        .values_list("kind", "n", "people")
    }
    by_kind = tuple(
        KindCount(kind.value, str(kind.label), *rows.get(kind.value, (0, 0)))
        for kind in ActivityKind
    )
    communes = Agency.objects.filter(
        province=province, kind=AgencyKind.COMMUNE_COMMITTEE, active=True
    )
    return ActivitySummary(
        activities=sum(k.activities for k in by_kind),
        audience=sum(k.audience for k in by_kind),
        by_kind=by_kind,
        communes_total=communes.count(),
        communes_posted=communes.filter(postings__in=postings).distinct().count(),
        postings=postings.count(),
        postings_checked=postings.filter(~Q(checked_on=None)).count(),
    )


def agency_inspections(agency: Agency) -> list[InspectionVisit]:
    """The visits to one agency with their findings and recommendations, newest first, for
    the include `activities/_agency_inspections.html` (context var `visits`)."""
    return list(
        InspectionVisit.objects.filter(agency=agency)
        .select_related("inspection_plan", "inspection_plan__lead_agency")
        .prefetch_related(
            "findings__recommendations__follow_up_task__assignments",
            "findings__recommendations__finding__visit",
        )
        .order_by("-visited_on", "-id")
    )
