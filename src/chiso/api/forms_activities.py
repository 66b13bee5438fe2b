"""Reading the API's activity and posting forms (multipart or urlencoded): each field checked as
`spec_activities` declares it, a 400 naming the field otherwise; an id that names nothing of the
user's province is a 404 naming the field; the services check the rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency
from chiso.api.errors import ApiError, bad_request, not_found
from chiso.api.query import ID
from chiso.api.submission import FORM_TYPES
from chiso.places.models import Village
from chiso.plans.access import plans_for
from chiso.plans.models import Plan

TITLE_LIMIT, PLACE_LIMIT, TEXT_LIMIT = 300, 300, 5000


def require_form(request: HttpRequest) -> None:
    if request.content_type not in FORM_TYPES:
        raise ApiError(415, "unsupported_media_type", _("Gửi dưới dạng multipart/form-data."))


def parse_id(raw: str, field: str) -> int:
    """One id sent in `field`; a 400 naming the field when it is not one."""
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19 or int(raw) not in ID:
        raise bad_request(_("Trường “%(name)s” phải là mã (id).") % {"name": field}, field)
    return int(raw)


def form_id(request: HttpRequest, field: str) -> int:
    return parse_id(request.POST.get(field, ""), field)


def form_ids(request: HttpRequest, field: str) -> list[int]:
    """A repeated id field, in the order sent, each id once."""
    return list(dict.fromkeys(parse_id(raw, field) for raw in request.POST.getlist(field)))


def form_text(request: HttpRequest, field: str, limit: int, *, required: bool = False) -> str:
    value = request.POST.get(field, "")
    if "\x00" in value or len(value) > limit:
        raise bad_request(_("Trường “%(name)s” không hợp lệ.") % {"name": field}, field)
    if required and not value.strip():
        raise bad_request(_("Cần nhập trường “%(name)s”.") % {"name": field}, field)
    return value


def form_choice(request: HttpRequest, field: str, choices: list[str]) -> str:
    value = request.POST.get(field, "")
    if value not in choices:
        raise bad_request(_("Trường “%(name)s” không hợp lệ.") % {"name": field}, field)
    return value


def form_date(request: HttpRequest, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(request.POST.get(field, ""))
    except ValueError:
        raise bad_request(
            _("Trường “%(name)s” phải là ngày YYYY-MM-DD.") % {"name": field}, field
        ) from None


def form_plan(request: HttpRequest) -> Plan:
    found = plans_for(request.user).filter(pk=form_id(request, "plan")).first()
    if found is None:
        raise not_found(_("Không có kế hoạch này trong tỉnh của anh/chị."), "plan")
    return found


def form_agency(request: HttpRequest, field: str, plan: Plan) -> Agency:
    found = Agency.objects.filter(province_id=plan.province_id, pk=form_id(request, field)).first()
    if found is None:
        raise not_found(_("Không có cơ quan, đơn vị này trong tỉnh."), field)
    return found


def form_village(request: HttpRequest, plan: Plan) -> Village | None:
    """The optional village of a posting (a posting at its hall); None when not given."""
    if not request.POST.get("village"):
        return None
    found = Village.objects.filter(
        province_id=plan.province_id, pk=form_id(request, "village")
    ).first()
    if found is None:
        raise not_found(_("Không có thôn, tổ dân phố này trong tỉnh."), "village")
    return found


def optional_count(request: HttpRequest, field: str) -> int | None:
    raw = request.POST.get(field)
    if raw is None or raw == "":
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise bad_request(_("Trường “%(name)s” phải là số.") % {"name": field}, field)
    return int(raw)


def activity_fields(request: HttpRequest, kinds: list[str], audiences: list[str]) -> dict[str, Any]:
    plan = form_plan(request)
    return {
        "plan": plan,
        "kind": form_choice(request, "kind", kinds),
        "title": form_text(request, "title", TITLE_LIMIT, required=True),
        "held_on": form_date(request, "held_on"),
        "organiser": form_agency(request, "organiser", plan),
        "audience_type": form_choice(request, "audience_type", audiences),
        "audience_count": optional_count(request, "audience_count"),
        "place": form_text(request, "place", PLACE_LIMIT),
        "description": form_text(request, "description", TEXT_LIMIT),
    }


def posting_fields(request: HttpRequest, place_types: list[str]) -> dict[str, Any]:
    plan = form_plan(request)
    return {
        "plan": plan,
        "commune": form_agency(request, "commune", plan),
        "place_type": form_choice(request, "place_type", place_types),
        "village": form_village(request, plan),
        "place": form_text(request, "place", PLACE_LIMIT, required=True),
        "posted_on": form_date(request, "posted_on"),
        "notes": form_text(request, "notes", TEXT_LIMIT),
    }
