"""A plan's objectives and sections: the one service API for adding, editing, deleting and
reordering them, whoever calls (the drafting pages, the YAML import, next year's copy, the task
framework import, the demo).

Saving names every problem at once (`PlanError.problems`); an edit from a form passes the
`version` it showed and is refused as stale when someone saved the row since
(`chiso.workflow.locking`). Reordering changes no version: it must not make an open form stale.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from django.db import IntegrityError, transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from chiso.accounts.models import User
from chiso.audit.services import diff, record, snapshot
from chiso.index.plan_file import ObjectiveSpec, check_objective
from chiso.plans.errors import PlanError
from chiso.plans.models import Objective, Plan, Section
from chiso.plans.services.guards import require_plan_editor
from chiso.plans.units import index_name, load_framework_or_none
from chiso.workflow.locking import bump, lock_current

Direction = Literal["up", "down"]
# What a form or a file gives of an objective or a section (the order is changed by moving).
OBJECTIVE_INPUT = ("code", "text", "kind", "value", "tier", "count", "unit", "index")
SECTION_INPUT = ("code", "title")
# What the audit log records of them.
OBJECTIVE_FIELDS = (*OBJECTIVE_INPUT, "order")
SECTION_FIELDS = (*SECTION_INPUT, "order")


def objective_problems(
    plan: Plan, fields: dict[str, Any], objective: Objective | None = None
) -> list[tuple[str | None, str]]:
    """The core's `check_objective` on the objective's own index (same messages as the YAML
    plan file) plus a unique code."""
    value = fields.get("value")
    spec = ObjectiveSpec(
        id=str(fields.get("code") or ""),
        text=str(fields.get("text") or ""),
        kind=str(fields.get("kind") or ""),
        value=None if value is None else float(value),
        tier=fields.get("tier") or None,
        count=fields.get("count"),
        unit=fields.get("unit") or None,
    )
    language = get_language() or "vi"
    index = str(fields.get("index") or plan.index)
    framework = load_framework_or_none(index)
    if framework is None:
        return [("index", _("Không có bộ chỉ số “%(index)s”.") % {"index": index_name(index)})]
    problems: list[tuple[str | None, str]] = [
        ("code" if field == "id" else field, message.get(language))
        for field, message in check_objective(spec, framework)
    ]
    same_code = Objective.objects.filter(plan=plan, code=spec.id.strip())
    if objective is not None:
        same_code = same_code.exclude(pk=objective.pk)
    if spec.id.strip() and same_code.exists():
        problems.append(("code", _("Kế hoạch đã có mục tiêu mang mã này.")))
    return problems


def _objective_values(fields: dict[str, Any]) -> dict[str, Any]:
    value = fields.get("value")
    return {
        "code": str(fields.get("code") or "").strip(),
        "text": str(fields.get("text") or "").strip(),
        "kind": fields.get("kind") or "",
        "value": None if value is None else Decimal(str(value)),
        "tier": fields.get("tier") or "",
        "count": fields.get("count"),
        "unit": str(fields.get("unit") or "").strip(),
        "index": str(fields["index"]),
    }


@transaction.atomic
def save_objective(
    user: User,
    plan: Plan,
    objective: Objective | None = None,
    *,
    version: int | None = None,
    order: int | None = None,
    **fields: Any,
) -> Objective:
    """Create (objective=None, after the last unless `order`) or update an objective (fields
    not given keep their value); raise PlanError naming every problem."""
    require_plan_editor(user, plan)
    unknown = set(fields) - set(OBJECTIVE_INPUT)
    if unknown:
        raise TypeError(f"save_objective: unknown fields {sorted(unknown)}")
    if objective is not None:
        objective = lock_current(objective, version)
        if objective.plan_id != plan.pk:
            raise PlanError(_("Mục tiêu không thuộc kế hoạch này."))
        fields = {**{name: getattr(objective, name) for name in OBJECTIVE_INPUT}, **fields}
    fields.setdefault("index", plan.index)  # a new objective is on the plan's index unless told
    problems = objective_problems(plan, fields, objective)
    if problems:
        raise PlanError(problems=problems)
    values = _objective_values(fields)
    if objective is None:
        if order is None:
            order = plan.objectives.count() + 1
        objective = Objective(plan=plan, order=order, **values)
        objective.save()
        changes = diff({}, snapshot(objective, OBJECTIVE_FIELDS))
        record(user, objective, "objective.create", changes, province=plan.province)
        return objective
    before = snapshot(objective, OBJECTIVE_FIELDS)
    for name, value in {**values, **({} if order is None else {"order": order})}.items():
        setattr(objective, name, value)
    changes = diff(before, snapshot(objective, OBJECTIVE_FIELDS))
    if changes:
        bump(objective)
        objective.save()
        record(user, objective, "objective.update", changes, province=plan.province)
    return objective


@transaction.atomic
def delete_objective(user: User, objective: Objective, *, version: int | None = None) -> None:
    """Delete an objective; the plan's own history keeps a line saying which one went."""
    plan = objective.plan
    require_plan_editor(user, plan)
    objective = lock_current(objective, version)
    record(user, plan, "objective.delete", {"objective": [str(objective), None]})
    gone = {k: [v, None] for k, v in snapshot(objective, OBJECTIVE_FIELDS).items()}
    record(user, objective, "objective.delete", gone, province=plan.province)
    objective.delete()


def _check_section(section: Section) -> None:
    if not section.code or not section.title:
        raise PlanError(_("Mục cần có số mục và tên mục."), "code")
    duplicate = Section.objects.filter(plan_id=section.plan_id, code=section.code)
    if duplicate.exclude(pk=section.pk).exists():
        raise PlanError(_("Kế hoạch đã có mục mang số này."), "code")


@transaction.atomic
def save_section(
    user: User,
    plan: Plan,
    section: Section | None = None,
    *,
    version: int | None = None,
    order: int | None = None,
    code: str,
    title: str,
) -> Section:
    """Create (section=None, after the last unless `order`) or update a section."""
    require_plan_editor(user, plan)
    if section is None:
        if order is None:
            order = plan.sections.count() + 1
        section = Section(plan=plan, order=order)
        before: dict[str, Any] = {}
    else:
        section = lock_current(section, version)
        if section.plan_id != plan.pk:
            raise PlanError(_("Mục không thuộc kế hoạch này."))
        before = snapshot(section, SECTION_FIELDS)
    section.code, section.title = code.strip(), title.strip()
    _check_section(section)
    changes = diff(before, snapshot(section, SECTION_FIELDS))
    if before and not changes:
        return section
    if before:
        bump(section)
    try:
        with transaction.atomic():
            section.save()
    except IntegrityError:
        raise PlanError(_("Kế hoạch đã có mục mang số này."), "code") from None
    action = "section.update" if before else "section.create"
    record(user, section, action, changes, province=plan.province)
    return section


@transaction.atomic
def delete_section(user: User, section: Section, *, version: int | None = None) -> None:
    """Refused while tasks use the section: moving them is the coordinator's decision."""
    plan = section.plan
    require_plan_editor(user, plan)
    section = lock_current(section, version)
    used = section.tasks.count()
    if used:
        raise PlanError(
            _(
                "Không thể xóa mục “%(code)s”: còn %(count)d nhiệm vụ thuộc mục này. "
                "Hãy chuyển các nhiệm vụ đó sang mục khác hoặc xóa chúng trước."
            )
            % {"code": section.code, "count": used}
        )
    gone = {k: [v, None] for k, v in snapshot(section, SECTION_FIELDS).items()}
    record(user, section, "section.delete", gone, province=plan.province)
    record(user, plan, "section.delete", {"section": [str(section), None]})
    section.delete()


def _move(user: User, rows: list[Any], obj: Any, direction: Direction, action: str) -> None:
    """Swap `obj` with its neighbour and renumber 1…n, auditing every order that changed."""
    position = next(i for i, row in enumerate(rows) if row.pk == obj.pk)
    other = position - 1 if direction == "up" else position + 1
    if not 0 <= other < len(rows):
        return  # already first (or last): nothing to do
    rows[position], rows[other] = rows[other], rows[position]
    for order, row in enumerate(rows, start=1):
        if row.order != order:
            record(user, row, action, {"order": [row.order, order]}, province=row.plan.province)
            row.order = order
            row.save(update_fields=["order"])


@transaction.atomic
def move_objective(user: User, objective: Objective, direction: Direction) -> None:
    require_plan_editor(user, objective.plan)
    rows = list(
        Objective.objects.select_for_update()
        .filter(plan_id=objective.plan_id)
        .select_related("plan__province")
        .order_by("order", "id")
    )
    _move(user, rows, objective, direction, "objective.update")


@transaction.atomic
def move_section(user: User, section: Section, direction: Direction) -> None:
    require_plan_editor(user, section.plan)
    rows = list(
        Section.objects.select_for_update()
        .filter(plan_id=section.plan_id)
        .select_related("plan__province")
        .order_by("order", "id")
    )
    _move(user, rows, section, direction, "section.update")
