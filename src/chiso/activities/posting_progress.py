"""Postings count for the plan's posting task (II.2.b): the share of an area's places posted —
each commune committee's office and each active village or residential group, not found taken
down — becomes the agency's own progress on that area's assignment (a district's, or a
commune's own or a sub-assignment handed down to it); the assignment's progress and those above
it then roll up as for an accepted report (chiso.plans.rollup, docs/cascade.md).

The own part never falls below the last accepted report's, and postings never complete an
assignment: completion stays with the final report accepted by the reviewing agency."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities.models import PlaceType, Posting, PostingTask
from chiso.audit.services import record
from chiso.plans import rollup
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportState
from chiso.workflow.locking import bump


@dataclass(frozen=True)
class AreaPlaces:
    communes: int
    communes_posted: int
    villages: int
    villages_posted: int

    @property
    def places(self) -> int:
        return self.communes + self.villages

    @property
    def posted(self) -> int:
        return self.communes_posted + self.villages_posted

    @property
    def percent(self) -> int:
        return self.posted * 100 // self.places if self.places else 0


def communes_of(agency: Agency) -> list[Agency]:
    if agency.kind == AgencyKind.COMMUNE_COMMITTEE:
        return [agency]
    return list(agency.children.filter(kind=AgencyKind.COMMUNE_COMMITTEE, active=True))


def area_places(plan: Plan, agency: Agency) -> AreaPlaces:
    """The posting coverage of `agency`'s area (its communes, or itself if a commune)."""
    from chiso.activities.coverage import village_counts

    communes = [c.pk for c in communes_of(agency)]
    offices = (
        Posting.objects.filter(
            plan=plan, commune_id__in=communes, place_type=PlaceType.COMMUNE_OFFICE
        )
        .exclude(still_posted=False)
        .values("commune_id")
        .distinct()
        .count()
    )
    villages, posted = village_counts(plan, communes)
    return AreaPlaces(len(communes), offices, sum(villages.values()), sum(posted.values()))


def _accepted_progress(assignment: Assignment) -> int:
    last = (
        ProgressReport.objects.filter(assignment=assignment, state=ReportState.ACCEPTED)
        .order_by("-reviewed_at", "-id")
        .values_list("progress", flat=True)
        .first()
    )
    return last or 0


def sync_progress(user: Any, plan: Plan, commune: Agency) -> Assignment | None:
    """After a posting of `commune` changed: set the agency's own progress on the posting task's
    assignment of the commune or of its district and roll it up (inside the caller's
    transaction, audited)."""
    target = PostingTask.objects.filter(plan=plan).first()
    if target is None:
        return None
    areas = [commune.pk, *([commune.parent_id] if commune.parent_id else [])]
    assignment = (
        Assignment.objects.select_for_update()
        .select_related("agency")
        .filter(task_id=target.task_id, agency_id__in=areas, completed_on__isnull=True)
        .order_by("agency__kind")  # a commune's own assignment before its district's
        .first()
    )
    if assignment is None:
        return None
    places = area_places(plan, assignment.agency)
    own_progress = max(_accepted_progress(assignment), places.percent)
    if own_progress == assignment.own_progress:
        return assignment
    before = assignment.own_progress
    assignment.own_progress = own_progress
    bump(assignment)
    assignment.save(update_fields=["own_progress", "version"])
    record(
        user,
        assignment,
        "assignment.progress",
        {"own_progress": [before, own_progress]},
        note=_("Theo số liệu niêm yết: %(posted)s/%(places)s nơi (trụ sở xã, thôn, tổ dân phố).")
        % {"posted": places.posted, "places": places.places},
    )
    # The agency's own part changed: its progress (with any sub-assignments' shares) and that of
    # every assignment above it roll up (chiso.plans.rollup).
    rollup.refresh_upwards(user, assignment.pk)
    assignment.refresh_from_db(fields=["progress", "completed_on", "version"])
    return assignment
