"""JSON of inspections, activities, postings, survey support and work links (schemas in
`schemas_activities`)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from chiso.activities.models import (
    Activity,
    Finding,
    InspectionPlan,
    InspectionVisit,
    LogisticsTask,
    Posting,
    Recommendation,
    SurveyRound,
    WorkLink,
)
from chiso.activities.services.counting import describe
from chiso.api.representations import agency_json
from chiso.places.models import Village


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _labelled(code: str, label: Any) -> dict[str, str]:
    return {"code": code, "label": str(label)}


def activity_json(a: Activity) -> dict[str, Any]:
    """Needs `organiser` selected."""
    return {
        "id": a.pk,
        "url": reverse("api-activity", args=[a.pk]),
        "plan": a.plan_id,
        "kind": _labelled(a.kind, a.get_kind_display()),
        "title": a.title,
        "held_on": _date(a.held_on),
        "organiser": agency_json(a.organiser),
        "place": a.place,
        "audience_type": _labelled(a.audience_type, a.get_audience_type_display()),
        "audience_count": a.audience_count,
        "unit_codes": list(a.unit_codes or []),
        "description": a.description,
    }


def village_json(v: Village) -> dict[str, Any]:
    """A village or residential group (thôn, tổ dân phố); needs `commune` selected."""
    return {
        "id": v.pk,
        "url": reverse("api-village", args=[v.pk]),
        "name": v.name,
        "kind": _labelled(v.kind, v.get_kind_display()),
        "code": v.code,
        "commune": agency_json(v.commune),
        "active": v.active,
    }


def posting_json(p: Posting) -> dict[str, Any]:
    """Needs `commune` and `village__commune` selected."""
    return {
        "id": p.pk,
        "url": reverse("api-posting", args=[p.pk]),
        "plan": p.plan_id,
        "commune": agency_json(p.commune),
        "village": village_json(p.village) if p.village is not None else None,
        "place_type": _labelled(p.place_type, p.get_place_type_display()),
        "place": p.place,
        "posted_on": _date(p.posted_on),
        "checked_on": _date(p.checked_on),
        "still_posted": p.still_posted,
        "notes": p.notes,
    }


def inspection_json(i: InspectionPlan) -> dict[str, Any]:
    """Needs `lead_agency` selected and `targets` prefetched."""
    return {
        "id": i.pk,
        "url": reverse("api-inspection", args=[i.pk]),
        "plan": i.plan_id,
        "year": i.year,
        "title": i.title,
        "kind": _labelled(i.kind, i.get_kind_display()),
        "lead_agency": agency_json(i.lead_agency),
        "targets": [agency_json(a) for a in i.targets.all()],
        "starts_on": _date(i.starts_on),
        "ends_on": _date(i.ends_on),
        "unit_codes": list(i.unit_codes or []),
        "notes": i.notes,
    }


def visit_summary_json(v: InspectionVisit) -> dict[str, Any]:
    return {
        "id": v.pk,
        "url": reverse("api-visit", args=[v.pk]),
        "agency": agency_json(v.agency),
        "visited_on": _date(v.visited_on),
        "state": _labelled(v.state, v.get_state_display()),
    }


def _recommendation_json(r: Recommendation) -> dict[str, Any]:
    return {
        "id": r.pk,
        "text": r.text,
        "deadline": _date(r.deadline),
        "follow_up_task": r.follow_up_task_id,
        "closed_on": _date(r.closed_on),
        "closing_note": r.closing_note,
    }


def _finding_json(f: Finding) -> dict[str, Any]:
    return {
        "id": f.pk,
        "verdict": _labelled(f.verdict, f.get_verdict_display()),
        "description": f.description,
        "response": f.response,
        "recommendations": [_recommendation_json(r) for r in f.recommendations.all()],
    }


def visit_json(v: InspectionVisit) -> dict[str, Any]:
    return {
        **visit_summary_json(v),
        "inspection": v.inspection_plan_id,
        "place": v.place,
        "members": v.member_list(),
        "conclusion": v.conclusion,
        "findings": [_finding_json(f) for f in v.findings.all()],
    }


def _logistics_json(t: LogisticsTask) -> dict[str, Any]:
    return {
        "id": t.pk,
        "kind": _labelled(t.kind, t.get_kind_display()),
        "title": t.title,
        "agency": agency_json(t.agency),
        "due_on": _date(t.due_on),
        "state": _labelled(t.state, t.get_state_display()),
        "note": t.note,
    }


def survey_json(s: SurveyRound, *, details: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": s.pk,
        "url": reverse("api-survey", args=[s.pk]),
        "index": s.index,
        "year": s.year,
        "notified_on": _date(s.notified_on),
        "fieldwork_from": _date(s.fieldwork_from),
        "fieldwork_to": _date(s.fieldwork_to),
        "notes": s.notes,
    }
    if details:
        data["locations"] = [
            {
                "district": agency_json(x.district),
                "commune": x.commune_name,
                "village": x.village_name,
            }
            for x in s.locations.all()
        ]
        data["logistics"] = [_logistics_json(t) for t in s.logistics.all()]
    return data


def work_link_json(link: WorkLink) -> dict[str, Any]:
    kind = next(
        name
        for name in ("activity", "posting", "visit", "logistics")
        if getattr(link, f"{name}_id")
    )
    return {
        "id": link.pk,
        "assignment": link.assignment_id,
        "kind": kind,
        "work": getattr(link, f"{kind}_id"),
        "text": describe(link.source),
        "report": link.report_id,
        "linked_at": link.linked_at.isoformat(),
    }
