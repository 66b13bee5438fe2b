"""Postings count for the plan's posting task (II.2.b): the share of an area's places posted —
each commune committee's office and each active village or residential group, not found taken
down — becomes the agency's own progress on that area's assignment (a district's, or a
commune's own or a sub-assignment handed down to it); the assignment's progress and those above
it then roll up as for an accepted report (chiso.plans.rollup, docs/cascade.md).

A partial split: when a district hands the posting task down to some of its communes, each
such commune's postings count for its sub-assignment only, and the district's own part is the
share of its other communes' places (`own_communes`): a commune's places are never counted in
two shares of one roll-up. A commune whose sub-assignment is complete no longer moves anything.

The own part never falls below the last accepted report's, and postings never complete an
assignment: completion stays with the final report accepted by the reviewing agency."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities.models import PlaceType, Posting, PostingTask
from chiso.audit.services import record
from chiso.plans import rollup
from chiso.plans.models import Assignment, Plan, ProgressReport, ReportState
from chiso.workflow.locking import bump

if TYPE_CHECKING:
    from chiso.accounts.models import User


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


def own_communes(assignment: Assignment) -> list[int]:
    """The communes whose postings count for `assignment`'s own part: its agency's, less those
    handed down to a sub-assignment (at any depth)."""
    below = Assignment.objects.filter(lineage__contains=f"/{assignment.pk}/").select_related(
        "agency"
    )
    handed = {c.pk for child in below for c in communes_of(child.agency)}
    return [c.pk for c in communes_of(assignment.agency) if c.pk not in handed]


def area_places(plan: Plan, agency: Agency, communes: list[int] | None = None) -> AreaPlaces:
    """The posting coverage of `agency`'s area (its communes, or itself if a commune), or of
    the `communes` given."""
    from chiso.activities.coverage import village_counts

    if communes is None:
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


def sync_progress(user: User, plan: Plan, commune: Agency) -> Assignment | None:
    """After a posting of `commune` changed: set the agency's own progress on the posting task's
    assignment the commune's postings count for — the commune's own (a sub-assignment handed
    down to it), else its district's — and roll it up (inside the caller's transaction,
    audited)."""
    target = PostingTask.objects.filter(plan=plan).first()
    if target is None:
        return None
    areas = [commune.pk, *([commune.parent_id] if commune.parent_id else [])]
    found = {
        a.agency_id: a
        for a in Assignment.objects.select_for_update()
        .select_related("agency")
        .filter(task_id=target.task_id, agency_id__in=areas)
    }
    assignment = found.get(commune.pk) or (
        found.get(commune.parent_id) if commune.parent_id is not None else None
    )
    if assignment is None or assignment.completed_on is not None:
        return None
    return resync(user, plan, assignment)


def resync(user: User | None, plan: Plan, assignment: Assignment) -> Assignment:
    # user None: a change made by the system (a split's signal), audited without an actor.
    """Set `assignment`'s own progress from the postings of its own communes, then roll up."""
    places = area_places(plan, assignment.agency, own_communes(assignment))
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


def on_split(sender: Any, assignment: Assignment, **kwargs: Any) -> None:
    """A part of the posting task was handed down (chiso.plans.signals.assignment_created):
    the new sub-assignment takes its communes' postings, and the part above it no longer
    counts them (the split's own transaction; recorded without a person, as the split's
    consequence)."""
    if assignment.parent_id is None:
        return
    plan = assignment.task.plan
    if not PostingTask.objects.filter(plan=plan, task_id=assignment.task_id).exists():
        return
    parent = (
        Assignment.objects.select_for_update().select_related("agency").get(pk=assignment.parent_id)
    )
    if parent.completed_on is None:
        resync(None, plan, parent)
    child = Assignment.objects.select_for_update().select_related("agency").get(pk=assignment.pk)
    resync(None, plan, child)


def on_withdraw(sender: Any, parent: Assignment, **kwargs: Any) -> None:
    """A sub-assignment of the posting task was taken back (chiso.plans.signals
    .assignment_withdrawn): its communes' postings count for the part above again (the
    withdrawal's own transaction; recorded without a person, as its consequence)."""
    plan = parent.task.plan
    if not PostingTask.objects.filter(plan=plan, task_id=parent.task_id).exists():
        return
    locked = Assignment.objects.select_for_update().select_related("agency").get(pk=parent.pk)
    if locked.completed_on is None:
        resync(None, plan, locked)
