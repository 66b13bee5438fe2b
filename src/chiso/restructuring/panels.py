"""What the restructuring adds to other apps' pages (chiso.web.panels): on an assignment's
report thread, where the work came from when it was handed over; on a dissolved agency's page,
since when and to whom its open work went. Both read the audit log the services wrote."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from chiso.accounts.models import Agency
from chiso.audit.models import AuditEntry
from chiso.plans.models import Assignment
from chiso.web.panels import AGENCY, ASSIGNMENT_THREAD, Panel, register_panel


def _entries(obj: Assignment | Agency, action: str) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            action=action,
        ).order_by("at", "id")
    )


def handover_panel(request: HttpRequest, assignment: Assignment) -> Panel | None:
    moves = _entries(assignment, "assignment.handover")
    if not moves:
        return None
    rows = [(*m.changes.get("agency", [None, None]), m.note) for m in moves]
    return Panel(
        _("Chuyển giao khi sắp xếp đơn vị hành chính"),
        "restructuring/_handover_panel.html",
        {"rows": rows},
        testid="handover",
    )


def dissolved_panel(request: HttpRequest, agency: Agency) -> Panel | None:
    if agency.dissolved_on is None:
        return None
    found = _entries(agency, "agency.dissolve")
    return Panel(
        _("Cơ quan đã giải thể"),
        "restructuring/_dissolved_panel.html",
        {"agency": agency, "note": found[-1].note if found else ""},
        testid="dissolved",
    )


register_panel(ASSIGNMENT_THREAD, handover_panel)
register_panel(AGENCY, dissolved_panel)
