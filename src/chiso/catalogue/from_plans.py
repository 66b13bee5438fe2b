"""The catalogue grows from the province's own plans (issue 17, item 4: "seeded from the seed's
own tasks and the province's past plans"): each task of a chosen plan that is linked to units
(PAPI's, or another index's written "PCI:time_costs") becomes an entry, with its usual lead
and a reference to the plan and the task's number."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from chiso.audit.services import record
from chiso.catalogue.models import CatalogueTask
from chiso.catalogue.services import copy_starter
from chiso.plans.models import Plan, Task
from chiso.plans.services.guards import require_plan_editor
from chiso.plans.units import UnitRef, load_framework_or_none
from chiso.site.text import search_key

if TYPE_CHECKING:
    from chiso.accounts.models import User

CODE_LENGTH = 20
REF_LENGTH = 80


def _lead(task: Task) -> str:
    leading = [a.agency.name for a in task.assignments.all() if a.leads and a.parent_id is None]
    return leading[0] if len(leading) == 1 else ""  # a group's many members name no one lead


@transaction.atomic
def add_plan_tasks(user: User, plan: Plan) -> int:
    """Add `plan`'s tasks to its province's catalogue; returns how many were added. Tasks with
    no known PAPI unit, follow-up tasks and titles already in the catalogue are left out. While
    the province shows the national starter, the starter becomes its own catalogue first."""
    require_plan_editor(user, plan)
    province = plan.province
    note = ""
    if not CatalogueTask.objects.filter(province=province).exists():
        copy_starter(province)
        note = _("Danh mục mẫu toàn quốc được chép thành danh mục của tỉnh.")
    own = CatalogueTask.objects.select_for_update().filter(province=province)
    titles = {search_key(title) for title in own.values_list("title", flat=True)}
    codes = set(own.values_list("code", flat=True))
    order = (own.aggregate(m=Max("order"))["m"] or 0) + 1
    tasks = (
        plan.tasks.filter(follow_up=False)
        .prefetch_related("units", "assignments__agency")
        .order_by("section__order", "order", "id")
    )
    added: list[CatalogueTask] = []
    for task in tasks:
        units = _tokens(task)
        if not units or search_key(task.title) in titles:
            continue
        code = _free_code(f"KH{plan.year}-{len(added) + 1}", codes)
        added.append(
            CatalogueTask(
                province=province,
                code=code,
                title=task.title[:500],
                units=" ".join(units),
                lead=_lead(task)[:200],
                source="plan",
                ref=f"{plan.label} {task.code}".strip()[:REF_LENGTH],
                order=order + len(added),
            )
        )
        titles.add(search_key(task.title))
        codes.add(code)
    CatalogueTask.objects.bulk_create(added)
    if added:
        changes: dict[str, list[Any]] = {"added": [0, len(added)], "plan": [None, plan.label]}
        record(user, plan, "catalogue.from_plan", changes, province=province, note=note)
    return len(added)


def _tokens(task: Task) -> list[str]:
    """The task's known units as the catalogue writes them: PAPI's bare ("5.2"), another
    index's with its name ("PCI:time_costs")."""
    refs = []
    for u in task.units.all():
        framework = load_framework_or_none(u.index)
        if framework is not None and framework.has_unit(u.unit_code):
            refs.append(UnitRef(u.index, u.unit_code))
    return [r.token("PAPI") for r in sorted(refs, key=lambda r: (r.index != "PAPI", r))]


def _free_code(wanted: str, taken: set[str]) -> str:
    code, n = wanted[:CODE_LENGTH], 1
    while code in taken:
        n += 1
        code = f"{wanted}-{n}"[:CODE_LENGTH]
    return code
