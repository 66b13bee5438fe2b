"""JSON Schemas of difficulties, the Front's recommendations, directions and citizens' feedback
(merged into `schemas.SCHEMAS`)."""

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

SUPERVISION_SCHEMAS: dict[str, Schema] = {
    "Difficulty": obj(
        id=INT,
        url=URL,
        plan=INT,
        kind=LABELLED,
        title=STR,
        text=STR,
        task=nullable(INT),
        assignment=nullable(INT),
        report=nullable(INT),
        unit_codes=array(STR),
        raised_by_agency=ref("Agency"),
        raised_on=DATE,
        handler=ref("Agency"),
        due_on=DATE,
        state=LABELLED,
        overdue=BOOL,
        answer=STR,
        answered_on=nullable(DATE),
        proposal=STR,
        escalated_on=nullable(DATE),
        direction=nullable(INT),
        resolution=STR,
        resolved_on=nullable(DATE),
        version=INT,
    ),
    "Direction": obj(
        id=INT,
        url=URL,
        plan=INT,
        number=STR,
        issued_on=DATE,
        signer=STR,
        signer_title=STR,
        content=STR,
        deadline=DATE,
        status=LABELLED,
        completed_on=nullable(DATE),
        follow_up_task=nullable(INT),
        version=INT,
    ),
    "Feedback": obj(
        id=INT,
        url=URL,
        plan=INT,
        task=nullable(INT),
        commune=nullable(ref("Agency")),
        unit_codes=array(STR),
        text=STR,
        received_at=DATETIME,
        state=LABELLED,
        answer=STR,
        answering_agency=nullable(ref("Agency")),
        answered_on=nullable(DATE),
        published=BOOL,
        version=INT,
    ),
}
SUPERVISION_SCHEMAS["DirectionDetail"] = {
    "allOf": [
        ref("Direction"),
        obj(
            parts=array(ref("Assignment")),
            difficulties=array(obj(id=INT, url=URL, title=STR, state=LABELLED)),
        ),
    ]
}
SUPERVISION_SCHEMAS["FeedbackDetail"] = {"allOf": [ref("Feedback"), obj(contact=nullable(STR))]}
