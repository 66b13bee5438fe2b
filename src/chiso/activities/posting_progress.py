"""Postings count for the plan's posting task (II.2.b): the share of an area's places posted —
each commune committee's office and each active village or residential group, not found taken
down — becomes the progress of that area's assignment (a district's, or a commune's own).

Progress never falls below the last accepted report's, and postings never complete an
assignment: completion stays with the final report accepted by Sở Nội vụ."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities.models import PlaceType, Posting, PostingTask
from chiso.audit.services import record
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportState
from chiso.plans.services.guards import bump


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
    """After a posting of `commune` changed: set the progress of the posting task's assignment
    of the commune or of its district (inside the caller's transaction, audited)."""
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
    progress = max(_accepted_progress(assignment), places.percent)
    if progress == assignment.progress:
        return assignment
    before = assignment.progress
    assignment.progress = progress
    bump(assignment)
    assignment.save(update_fields=["progress", "version"])
    record(
        user,
        assignment,
        "assignment.progress",
        {"progress": [before, progress]},
        note=_("Theo số liệu niêm yết: %(posted)s/%(places)s nơi (trụ sở xã, thôn, tổ dân phố).")
        % {"posted": places.posted, "places": places.places},
    )
    return assignment
