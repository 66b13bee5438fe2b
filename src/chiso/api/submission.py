"""A report submitted through the API (multipart form: fields + `evidence` files), handed to
`chiso.plans.services.submit_report`, which checks permission, rules and files all at once."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.api.errors import bad_request
from chiso.plans.access import reports_for
from chiso.plans.models import Assignment, ProgressReport
from chiso.plans.services import submit_report

TRUE_VALUES = frozenset({"1", "true", "yes", "on"})
FALSE_VALUES = frozenset({"", "0", "false", "no", "off"})


def _flag(request: HttpRequest, name: str) -> bool:
    raw = request.POST.get(name, "").strip().lower()
    if raw in TRUE_VALUES:
        return True
    if raw in FALSE_VALUES:
        return False
    raise bad_request(_("Trường “%(name)s” phải là true hoặc false.") % {"name": name}, name)


def _revises(request: HttpRequest, assignment: Assignment) -> ProgressReport | None:
    raw = request.POST.get("revises", "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise bad_request(_("Trường “revises” phải là mã (id) của một báo cáo."), "revises")
    found = reports_for(request.user).filter(pk=int(raw), assignment=assignment).first()
    if found is None:
        raise bad_request(
            _("Không có báo cáo %(id)s trong phân công này.") % {"id": raw}, "revises"
        )
    return found


def submit_from_request(request: HttpRequest, assignment: Assignment) -> ProgressReport:
    if request.content_type not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise bad_request(_("Gửi báo cáo dưới dạng multipart/form-data."))
    return submit_report(
        request.user,
        assignment,
        narrative=request.POST.get("narrative", ""),
        figures=request.POST.get("figures", ""),
        progress=request.POST.get("progress", ""),  # type: ignore[arg-type]  # checked by the service
        is_final=_flag(request, "is_final"),
        files=request.FILES.getlist("evidence"),
        revises=_revises(request, assignment),
    )
