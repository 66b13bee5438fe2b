"""The checklist of an inspection visit, generated from what the inspected agency was asked to
do: one line per assignment of the plan (or of the tasks the inspection plan names), then one
line per PAPI sub-dimension of the inspection's areas that none of those assignments covers."""

from __future__ import annotations

from django.utils.translation import gettext as _

from chiso.activities import units
from chiso.activities.models import ChecklistItem, InspectionVisit
from chiso.plans.models import Assignment


def _assignments(visit: InspectionVisit) -> list[Assignment]:
    inspection = visit.inspection_plan
    qs = Assignment.objects.filter(task__plan_id=inspection.plan_id, agency_id=visit.agency_id)
    task_ids = list(inspection.tasks.values_list("id", flat=True))
    if task_ids:
        qs = qs.filter(task_id__in=task_ids)
    # A follow-up task of an earlier inspection is checked like any other assignment.
    return list(
        qs.select_related("task").prefetch_related("task__units").order_by("task__order", "task_id")
    )


def build_checklist(visit: InspectionVisit) -> list[ChecklistItem]:
    """Unsaved checklist items for `visit`, in the order the inspectors go through them."""
    year = visit.inspection_plan.year
    items: list[ChecklistItem] = []
    covered: set[str] = set()
    for assignment in _assignments(visit):
        task = assignment.task
        codes = sorted(u.unit_code for u in task.units_of("PAPI"))
        covered.update(units.expand_to_subdimensions(codes, year))
        label = f"{task.code}. {task.title}" if task.code else task.title
        items.append(
            ChecklistItem(
                visit=visit,
                assignment=assignment,
                unit_codes=codes,
                text=_("Thực hiện nhiệm vụ: %(task)s") % {"task": label},
                order=len(items) + 1,
            )
        )
    wanted = units.expand_to_subdimensions(visit.inspection_plan.unit_codes, year)
    for code in wanted:
        if code in covered:
            continue
        items.append(
            ChecklistItem(
                visit=visit,
                assignment=None,
                unit_codes=[code],
                text=_("Giải pháp cải thiện chỉ tiêu %(unit)s")
                % {"unit": units.unit_label(code, year)},
                order=len(items) + 1,
            )
        )
    return items
