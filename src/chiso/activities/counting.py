"""What the pages show of work that counts: on a piece of work's page, the assignments it
counts for and the form to count it; on an assignment's page, the work counted for it (the
report thread's evidence) and the form to send work not yet reported."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.urls import reverse

from chiso.activities import access
from chiso.activities.models import LogisticsTask, WorkLink
from chiso.activities.services.counting import (
    Work,
    agencies_of,
    describe,
    is_under,
    source_field,
)
from chiso.plans import access as plan_access
from chiso.plans.access import get_or_404
from chiso.plans.models import Assignment

if TYPE_CHECKING:
    from chiso.accounts.models import User


def logistics_for(user: User) -> QuerySet[LogisticsTask]:
    return LogisticsTask.objects.filter(survey__in=access.surveys_for(user))


def find_work(user: User, kind: str, pk: int) -> Work:
    """The piece of work through the user's access helpers (404 for outsiders)."""
    sources = {
        "activity": access.activities_for(user).select_related("organiser"),
        "posting": access.postings_for(user).select_related("commune"),
        "visit": access.visits_for(user).select_related("inspection_plan", "agency"),
        "logistics": logistics_for(user).select_related("survey", "agency"),
    }
    return get_or_404(sources[kind], pk=pk)


def work_url(link: WorkLink) -> str:
    if link.activity_id:
        return reverse("activities:activity-detail", args=[link.activity_id])
    if link.posting_id:
        return reverse("activities:posting-detail", args=[link.posting_id])
    if link.visit_id:
        return reverse("activities:visit-detail", args=[link.visit_id])
    return reverse("activities:survey-detail", args=[link.logistics.survey_id])  # type: ignore[union-attr]


@dataclass(frozen=True)
class CountedLine:
    link: WorkLink
    text: str
    url: str


@dataclass(frozen=True)
class CountBlock:
    """A piece of work's page: where it counts, and where the user may still count it."""

    kind: str
    work: Work
    lines: list[CountedLine]
    choices: list[Assignment]


def count_block(user: User, work: Work) -> CountBlock:
    field = source_field(work)
    links = list(
        WorkLink.objects.filter(**{field: work})
        .filter(assignment__in=plan_access.assignments_for(user))
        .select_related("assignment__task__section", "assignment__agency", "report")
    )
    lines = [
        CountedLine(link, str(link.assignment.task), _assignment_url(link.assignment_id))
        for link in links
    ]
    choices: list[Assignment] = []
    if user.is_authenticated and user.agency_id and is_under(agencies_of(work), user.agency_id):
        taken = {link.assignment_id for link in links}
        choices = [
            a
            for a in plan_access.assignments_for(user)
            .filter(agency_id=user.agency_id, completed_on__isnull=True)
            .select_related("task__section", "agency")
            .order_by("task__order", "id")
            if a.pk not in taken and plan_access.can_report_on(user, a)
        ]
    return CountBlock(field, work, lines, choices)


def _assignment_url(pk: int) -> str:
    return reverse("plans:assignment-detail", args=[pk])


@dataclass(frozen=True)
class WorkPanel:
    """An assignment's page: the work counted for it."""

    assignment: Assignment
    lines: list[CountedLine]
    can_send: bool

    @property
    def waiting(self) -> list[CountedLine]:
        return [line for line in self.lines if line.link.report_id is None]


def work_panel(user: User, assignment: Assignment) -> WorkPanel:
    links = list(
        WorkLink.objects.filter(assignment=assignment).select_related(
            "activity", "posting__commune", "visit__agency", "logistics", "report"
        )
    )
    lines = [CountedLine(link, describe(link.source), work_url(link)) for link in links]
    can_send = plan_access.can_report_on(user, assignment) and assignment.completed_on is None
    return WorkPanel(assignment, lines, can_send)
