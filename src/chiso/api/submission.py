"""A report submitted through the API (multipart form: fields + `evidence` files), handed to
`chiso.plans.services.submit_report`, which checks permission, rules and files all at once.

The form's own checks here mirror `spec.REPORT_FORM`: what the document allows is read, what it
refuses is a 400 naming the field. A caller who may not report at all hears so (403) before any
field is looked at, as the service would say."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.api.errors import ApiError, bad_request
from chiso.api.query import ID
from chiso.plans import access
from chiso.plans.models import Assignment, ProgressReport
from chiso.plans.services import submit_report
from chiso.workflow.errors import ServiceError, StaleVersion

FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")
# A JSON Schema integer may be written with a zero fraction ("100.0"), so the form takes it too.
_WHOLE_NUMBER = re.compile(r"(-?[0-9]{1,5})(?:\.0*)?")


def _flag(request: HttpRequest, name: str) -> bool:
    raw = request.POST.get(name)
    if raw is None or raw == "false":
        return False
    if raw == "true":
        return True
    raise bad_request(_("Trường “%(name)s” phải là true hoặc false.") % {"name": name}, name)


def _progress(request: HttpRequest) -> int | str:
    raw = request.POST.get("progress", "")
    whole = _WHOLE_NUMBER.fullmatch(raw)
    return int(whole[1]) if whole else raw  # anything else: the service names the field


def _text(request: HttpRequest, name: str) -> str:
    value = request.POST.get(name, "")
    if "\x00" in value:  # PostgreSQL cannot store it; the document's pattern excludes it
        raise bad_request(_("Trường “%(name)s” chứa ký tự không hợp lệ.") % {"name": name}, name)
    return value


def _revises(request: HttpRequest, assignment: Assignment) -> ProgressReport | None:
    raw = request.POST.get("revises")
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19 or int(raw) not in ID:
        raise bad_request(_("Trường “revises” phải là mã (id) của một báo cáo."), "revises")
    found = access.reports_for(request.user).filter(assignment=assignment, pk=int(raw)).first()
    if found is None:
        # A well-formed id that names no report of this thread: the request does not fit
        # the thread as it stands (409, like a report already waiting for review).
        raise ApiError(
            409,
            "conflict",
            _("Không có báo cáo %(id)s trong phân công này.") % {"id": raw},
            "revises",
        )
    return found


def submit_from_request(
    request: AuthenticatedHttpRequest, assignment: Assignment
) -> ProgressReport:
    if not access.can_report_on(request.user, assignment):
        raise PermissionDenied(_("Chỉ cơ quan được giao nhiệm vụ mới được gửi báo cáo."))
    if request.content_type not in FORM_TYPES:
        raise ApiError(
            415, "unsupported_media_type", _("Gửi báo cáo dưới dạng multipart/form-data.")
        )
    if "evidence" in request.POST:  # a part without a file name is text, not a file
        raise bad_request(_("Trường “evidence” phải là tệp (có tên tệp)."), "evidence")
    try:
        return _submit(request, assignment)
    except ServiceError as exc:
        if exc.field is not None or isinstance(exc, StaleVersion):
            raise  # a field the caller can correct: 400 naming it; or 409 stale_version
        # The service's rules without a field are about the thread as it stands (a report
        # awaits review, a returned one awaits its revision, the task is completed):
        # well-formed requests that conflict with the current state.
        raise ApiError(409, "conflict", exc.message) from None


def _submit(request: AuthenticatedHttpRequest, assignment: Assignment) -> ProgressReport:
    return submit_report(
        request.user,
        assignment,
        narrative=_text(request, "narrative"),
        figures=_text(request, "figures"),
        progress=_progress(request),  # type: ignore[arg-type]  # a string is refused by the service
        is_final=_flag(request, "is_final"),
        files=request.FILES.getlist("evidence"),
        revises=_revises(request, assignment),
    )
