"""Plans, their objectives and sections."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.audit.services import diff, record, snapshot
from chiso.plans.errors import PlanError
from chiso.plans.models import Objective, Plan, Section
from chiso.plans.services.guards import bump, lock_current, require_plan_editor

PLAN_FIELDS = (
    "index",
    "number",
    "title",
    "issued_on",
    "issuer",
    "signer",
    "signer_title",
    "year",
    "baseline_year",
    "report_due",
    "is_public",
)
OBJECTIVE_FIELDS = ("code", "text", "kind", "value", "tier", "count", "unit", "order")
SECTION_FIELDS = ("code", "title", "order")


def _check_plan(plan: Plan) -> None:
    if not plan.number.strip():
        raise PlanError(_("Cần nhập số, ký hiệu của kế hoạch."), "number")
    if not plan.title.strip():
        raise PlanError(_("Cần nhập trích yếu của kế hoạch."), "title")
    if plan.baseline_year >= plan.year:
        raise PlanError(_("Năm cơ sở phải trước năm kế hoạch."), "baseline_year")
    if plan.issuer is not None and plan.issuer.province_id != plan.province_id:
        raise PlanError(_("Cơ quan ban hành không thuộc tỉnh của kế hoạch."), "issuer")
    duplicate = Plan.objects.filter(province_id=plan.province_id, number=plan.number)
    if duplicate.exclude(pk=plan.pk).exists():
        raise PlanError(_("Đã có kế hoạch mang số, ký hiệu này."), "number")


@transaction.atomic
def create_plan(
    user: Any,
    *,
    number: str,
    title: str,
    year: int,
    baseline_year: int,
    index: str = "PAPI",
    issued_on: dt.date | None = None,
    issuer: Agency | None = None,
    signer: str = "",
    signer_title: str = "",
    report_due: dt.date | None = None,
    is_public: bool = False,
) -> Plan:
    require_plan_editor(user)
    plan = Plan(
        province_id=user.province_id,
        number=number.strip(),
        title=title.strip(),
        year=year,
        baseline_year=baseline_year,
        index=index,
        issued_on=issued_on,
        issuer=issuer,
        signer=signer.strip(),
        signer_title=signer_title.strip(),
        report_due=report_due,
        is_public=is_public,
    )
    _check_plan(plan)
    plan.save()
    record(user, plan, "plan.create", diff({}, snapshot(plan, PLAN_FIELDS)))
    return plan


@transaction.atomic
def update_plan(user: Any, plan: Plan, *, version: int | None, **fields: Any) -> Plan:
    require_plan_editor(user, plan)
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"update_plan: unknown fields {sorted(unknown)}")
    plan = lock_current(plan, version)
    before = snapshot(plan, PLAN_FIELDS)
    for name, value in fields.items():
        setattr(plan, name, value.strip() if isinstance(value, str) else value)
    _check_plan(plan)
    changes = diff(before, snapshot(plan, PLAN_FIELDS))
    if changes:
        bump(plan)
        plan.save()
        record(user, plan, "plan.update", changes)
    return plan


def _check_objective(objective: Objective) -> None:
    # The core owns the rule "which fields each kind needs"; forms and files share it.
    from chiso.index.framework import load_framework
    from chiso.index.plan_file import ObjectiveSpec, check_objective

    spec = ObjectiveSpec(
        id=objective.code,
        text=objective.text,
        kind=objective.kind,
        value=None if objective.value is None else float(objective.value),
        tier=objective.tier or None,
        count=objective.count,
        unit=objective.unit or None,
    )
    for field, message in check_objective(spec, load_framework(objective.plan.index)):
        raise PlanError(message, field if field != "id" else "code")
    duplicate = Objective.objects.filter(plan_id=objective.plan_id, code=objective.code)
    if duplicate.exclude(pk=objective.pk).exists():
        raise PlanError(_("Kế hoạch đã có mục tiêu mang mã này."), "code")


@transaction.atomic
def create_objective(
    user: Any,
    plan: Plan,
    *,
    code: str,
    text: str,
    kind: str,
    value: Decimal | float | None = None,
    tier: str = "",
    count: int | None = None,
    unit: str = "",
    order: int | None = None,
) -> Objective:
    require_plan_editor(user, plan)
    if order is None:
        order = plan.objectives.count() + 1
    objective = Objective(
        plan=plan,
        code=code.strip(),
        text=text.strip(),
        kind=kind,
        value=None if value is None else Decimal(str(value)),
        tier=tier,
        count=count,
        unit=unit.strip(),
        order=order,
    )
    _check_objective(objective)
    objective.save()
    record(
        user,
        objective,
        "objective.create",
        diff({}, snapshot(objective, OBJECTIVE_FIELDS)),
        province=plan.province,
    )
    return objective


@transaction.atomic
def update_objective(user: Any, objective: Objective, **fields: Any) -> Objective:
    require_plan_editor(user, objective.plan)
    unknown = set(fields) - set(OBJECTIVE_FIELDS)
    if unknown:
        raise TypeError(f"update_objective: unknown fields {sorted(unknown)}")
    objective = Objective.objects.select_for_update().get(pk=objective.pk)
    before = snapshot(objective, OBJECTIVE_FIELDS)
    for name, value in fields.items():
        if name == "value" and value is not None:
            value = Decimal(str(value))
        setattr(objective, name, value)
    _check_objective(objective)
    changes = diff(before, snapshot(objective, OBJECTIVE_FIELDS))
    if changes:
        objective.save()
        record(user, objective, "objective.update", changes, province=objective.plan.province)
    return objective


@transaction.atomic
def delete_objective(user: Any, objective: Objective) -> None:
    require_plan_editor(user, objective.plan)
    gone = {k: [v, None] for k, v in snapshot(objective, OBJECTIVE_FIELDS).items()}
    record(user, objective, "objective.delete", gone, province=objective.plan.province)
    objective.delete()


def _check_section(section: Section) -> None:
    if not section.code.strip() or not section.title.strip():
        raise PlanError(_("Mục cần có số mục và tên mục."), "code")
    duplicate = Section.objects.filter(plan_id=section.plan_id, code=section.code)
    if duplicate.exclude(pk=section.pk).exists():
        raise PlanError(_("Kế hoạch đã có mục mang số này."), "code")


@transaction.atomic
def create_section(
    user: Any, plan: Plan, *, code: str, title: str, order: int | None = None
) -> Section:
    require_plan_editor(user, plan)
    if order is None:
        order = plan.sections.count() + 1
    section = Section(plan=plan, code=code.strip(), title=title.strip(), order=order)
    _check_section(section)
    try:
        section.save()
    except IntegrityError:
        raise PlanError(_("Kế hoạch đã có mục mang số này."), "code") from None
    record(
        user,
        section,
        "section.create",
        diff({}, snapshot(section, SECTION_FIELDS)),
        province=plan.province,
    )
    return section


@transaction.atomic
def update_section(user: Any, section: Section, **fields: Any) -> Section:
    require_plan_editor(user, section.plan)
    unknown = set(fields) - set(SECTION_FIELDS)
    if unknown:
        raise TypeError(f"update_section: unknown fields {sorted(unknown)}")
    section = Section.objects.select_for_update().get(pk=section.pk)
    before = snapshot(section, SECTION_FIELDS)
    for name, value in fields.items():
        setattr(section, name, value.strip() if isinstance(value, str) else value)
    _check_section(section)
    changes = diff(before, snapshot(section, SECTION_FIELDS))
    if changes:
        section.save()
        record(user, section, "section.update", changes, province=section.plan.province)
    return section
