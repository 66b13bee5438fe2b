"""Plans: create and update (objectives and sections: `drafting.py`)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.accounts.roles import own_province_id
from chiso.audit.services import diff, record, snapshot
from chiso.plans.errors import PlanError
from chiso.plans.models import Plan
from chiso.plans.services.guards import require_plan_editor
from chiso.workflow.locking import bump, lock_current

if TYPE_CHECKING:
    from chiso.accounts.models import User

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
    user: User,
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
        province_id=own_province_id(user),
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
def update_plan(user: User, plan: Plan, *, version: int | None, **fields: Any) -> Plan:
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
