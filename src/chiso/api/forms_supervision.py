"""Reading the API's supervision forms (multipart or urlencoded): each field checked as
`spec_supervision` declares it, a 400 naming the field otherwise; an id that names nothing the
user may pick is a 404 naming the field. The supervision services check the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.api.errors import bad_request, not_found
from chiso.api.forms_activities import form_date, form_id, form_ids, form_plan, form_text
from chiso.plans.access import assignments_for
from chiso.plans.models import Assignment, Plan, Task
from chiso.supervision import access
from chiso.supervision.models import Difficulty
from chiso.supervision.services.difficulties import TEXT_LIMIT, TITLE_LIMIT
from chiso.supervision.services.directions import NUMBER_LIMIT, SIGNER_LIMIT

UNIT_CODE_LIMIT = 20


def optional_date(request: HttpRequest, field: str) -> dt.date | None:
    return form_date(request, field) if request.POST.get(field) else None


def version(request: HttpRequest) -> int:
    return form_id(request, "version")


def flag(request: HttpRequest, field: str) -> bool:
    raw = request.POST.get(field, "false")
    if raw not in ("true", "false"):
        raise bad_request(_("Trường “%(name)s” phải là true hoặc false.") % {"name": field}, field)
    return raw == "true"


def unit_codes(request: HttpRequest) -> list[str]:
    codes = request.POST.getlist("unit_codes")
    if any("\x00" in c or len(c) > UNIT_CODE_LIMIT for c in codes):
        raise bad_request(_("Trường “unit_codes” không hợp lệ."), "unit_codes")
    return codes


def province_agency(request: HttpRequest, field: str, plan: Plan) -> Agency:
    found = Agency.objects.filter(province_id=plan.province_id, pk=form_id(request, field)).first()
    if found is None:
        raise not_found(_("Không có cơ quan, đơn vị này trong tỉnh."), field)
    return found


def _optional_agency(request: HttpRequest, field: str, plan: Plan) -> Agency | None:
    return province_agency(request, field, plan) if request.POST.get(field) else None


def _own_assignment(request: HttpRequest, plan: Plan) -> Assignment | None:
    """One of the user's own assignments of the plan (the services check it is the agency's)."""
    if not request.POST.get("assignment"):
        return None
    found = (
        assignments_for(request.user)
        .filter(task__plan=plan, pk=form_id(request, "assignment"))
        .select_related("task")
        .first()
    )
    if found is None:
        raise not_found(_("Không có phân công này trong kế hoạch."), "assignment")
    return found


def _plan_task(request: HttpRequest, plan: Plan) -> Task | None:
    if not request.POST.get("task"):
        return None
    found = plan.tasks.filter(pk=form_id(request, "task")).first()
    if found is None:
        raise not_found(_("Không có nhiệm vụ này trong kế hoạch."), "task")
    return found


def _item_fields(request: HttpRequest) -> dict[str, Any]:
    return {
        "title": form_text(request, "title", TITLE_LIMIT, required=True),
        "text": form_text(request, "text", TEXT_LIMIT, required=True),
        "unit_codes": unit_codes(request),
        "due_on": optional_date(request, "due_on"),
    }


def difficulty_fields(request: HttpRequest) -> tuple[Plan, dict[str, Any]]:
    plan = form_plan(request)
    return plan, {
        "assignment": _own_assignment(request, plan),
        "handler": _optional_agency(request, "handler", plan),
        **_item_fields(request),
    }


def recommendation_fields(request: HttpRequest) -> tuple[Plan, dict[str, Any]]:
    plan = form_plan(request)
    return plan, {
        "agency": province_agency(request, "agency", plan),
        "task": _plan_task(request, plan),
        **_item_fields(request),
    }


def step_text(request: HttpRequest, field: str) -> str:
    return form_text(request, field, TEXT_LIMIT, required=True)


def hand_over_fields(request: HttpRequest, plan: Plan) -> dict[str, Any]:
    return {
        "handler": province_agency(request, "handler", plan),
        "due_on": optional_date(request, "due_on"),
    }


def _addressed_agencies(request: HttpRequest, plan: Plan) -> list[Agency]:
    """The agencies a direction is addressed to, as the page offers them: active agencies of the
    plan's province; one that is not is a 404 naming the field (none at all: the service says)."""
    ids = form_ids(request, "agencies")
    if not ids:
        raise bad_request(_("Cần nhập trường “%(name)s”.") % {"name": "agencies"}, "agencies")
    found = {
        a.pk: a
        for a in Agency.objects.filter(province_id=plan.province_id, active=True, pk__in=ids)
    }
    if len(found) != len(ids):
        raise not_found(_("Không có cơ quan, đơn vị này trong tỉnh."), "agencies")
    return [found[pk] for pk in ids]


def _answered_difficulties(request: HttpRequest, plan: Plan) -> list[Difficulty]:
    """The items the direction answers, among those the user sees in the plan (the service
    checks each awaits a direction)."""
    ids = form_ids(request, "difficulties")
    found = {d.pk: d for d in access.difficulties_for(request.user).filter(plan=plan, pk__in=ids)}
    if len(found) != len(ids):
        raise not_found(_("Không có khó khăn, kiến nghị này trong kế hoạch."), "difficulties")
    return [found[pk] for pk in ids]


def direction_fields(request: HttpRequest) -> tuple[Plan, dict[str, Any]]:
    plan = form_plan(request)
    return plan, {
        "number": form_text(request, "number", NUMBER_LIMIT, required=True),
        "issued_on": form_date(request, "issued_on"),
        "signer": form_text(request, "signer", SIGNER_LIMIT, required=True),
        "signer_title": form_text(request, "signer_title", SIGNER_LIMIT),
        "content": form_text(request, "content", TEXT_LIMIT, required=True),
        "deadline": form_date(request, "deadline"),
        "agencies": _addressed_agencies(request, plan),
        "difficulties": _answered_difficulties(request, plan),
        "unit_codes": unit_codes(request),
    }
