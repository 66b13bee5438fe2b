"""JSON Schemas of inspections, activities, postings, survey support, work links and
sub-assignments (merged into `schemas.SCHEMAS`)."""

from __future__ import annotations

from chiso.api.schemas import (
    BOOL,
    DATE,
    DATETIME,
    INT,
    LABELLED,
    STR,
    URL,
    Schema,
    array,
    nullable,
    obj,
    ref,
)

ACTIVITY_SCHEMAS: dict[str, Schema] = {
    "Activity": obj(
        id=INT,
        url=URL,
        plan=INT,
        kind=LABELLED,
        title=STR,
        held_on=DATE,
        organiser=ref("Agency"),
        place=STR,
        audience_type=LABELLED,
        audience_count=nullable(INT),
        unit_codes=array(STR),
        description=STR,
    ),
    "Village": obj(
        id=INT,
        url=URL,
        name=STR,
        kind=LABELLED,
        code=STR,
        commune=ref("Agency"),
        active=BOOL,
    ),
    "Posting": obj(
        id=INT,
        url=URL,
        plan=INT,
        commune=ref("Agency"),
        village=nullable(ref("Village")),
        place_type=LABELLED,
        place=STR,
        posted_on=DATE,
        checked_on=nullable(DATE),
        still_posted=nullable(BOOL),
        notes=STR,
    ),
    "Inspection": obj(
        id=INT,
        url=URL,
        plan=INT,
        year=INT,
        title=STR,
        kind=LABELLED,
        lead_agency=ref("Agency"),
        targets=array(ref("Agency")),
        starts_on=DATE,
        ends_on=DATE,
        unit_codes=array(STR),
        notes=STR,
    ),
    "VisitSummary": obj(id=INT, url=URL, agency=ref("Agency"), visited_on=DATE, state=LABELLED),
    "Recommendation": obj(
        id=INT,
        text=STR,
        deadline=nullable(DATE),
        follow_up_task=nullable(INT),
        closed_on=nullable(DATE),
        closing_note=STR,
    ),
    "Finding": obj(
        id=INT,
        verdict=LABELLED,
        description=STR,
        response=STR,
        recommendations=array(ref("Recommendation")),
    ),
    "Survey": obj(
        id=INT,
        url=URL,
        index=STR,
        year=INT,
        notified_on=nullable(DATE),
        fieldwork_from=nullable(DATE),
        fieldwork_to=nullable(DATE),
        notes=STR,
    ),
    "Logistics": obj(
        id=INT,
        kind=LABELLED,
        title=STR,
        agency=ref("Agency"),
        due_on=nullable(DATE),
        state=LABELLED,
        note=STR,
    ),
    "WorkLink": obj(
        id=INT,
        assignment=INT,
        kind={"type": "string", "enum": ["activity", "posting", "visit", "logistics"]},
        work=INT,
        text=STR,
        report=nullable(INT),
        linked_at=DATETIME,
    ),
}
ACTIVITY_SCHEMAS["InspectionDetail"] = {
    "allOf": [ref("Inspection"), obj(visits=array(ref("VisitSummary")))]
}
ACTIVITY_SCHEMAS["Visit"] = {
    "allOf": [
        ref("VisitSummary"),
        obj(
            inspection=INT,
            place=STR,
            members=array(STR),
            conclusion=STR,
            findings=array(ref("Finding")),
        ),
    ]
}
ACTIVITY_SCHEMAS["SurveyDetail"] = {
    "allOf": [
        ref("Survey"),
        obj(
            locations=array(obj(district=ref("Agency"), commune=STR, village=STR)),
            logistics=array(ref("Logistics")),
        ),
    ]
}
ACTIVITY_SCHEMAS["AssignmentList"] = array(ref("Assignment"))
ACTIVITY_SCHEMAS["WorkLinkList"] = array(ref("WorkLink"))
