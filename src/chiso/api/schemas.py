"""JSON Schemas (OpenAPI 3.1 components) of what the API returns, declared as data."""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: Schema) -> Schema:
    if "$ref" in schema:
        return {"oneOf": [schema, {"type": "null"}]}
    kind = schema["type"]
    return {**schema, "type": [kind, "null"] if isinstance(kind, str) else [*kind, "null"]}


def obj(required: tuple[str, ...] | None = None, **properties: Schema) -> Schema:
    return {
        "type": "object",
        "properties": properties,
        "required": list(required if required is not None else properties),
    }


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


STR: Schema = {"type": "string"}
INT: Schema = {"type": "integer"}
NUM: Schema = {"type": "number"}
BOOL: Schema = {"type": "boolean"}
DATE: Schema = {"type": "string", "format": "date"}
DATETIME: Schema = {"type": "string", "format": "date-time"}
URL: Schema = {"type": "string", "format": "uri-reference"}
LABELLED: Schema = obj(code=STR, label=STR)

SCHEMAS: dict[str, Schema] = {
    "Error": obj(error=obj(("code", "message"), code=STR, message=STR, field=STR)),
    "Agency": obj(id=INT, name=STR, short_name=STR, kind=STR),
    "Group": obj(id=INT, name=STR),
    "Section": obj(id=INT, code=STR, title=STR),
    "Objective": obj(
        id=INT,
        code=STR,
        text=STR,
        kind=STR,
        value=nullable(NUM),
        tier=nullable(STR),
        count=nullable(INT),
        unit=nullable(STR),
    ),
    "Plan": obj(
        id=INT,
        url=URL,
        province=obj(id=INT, name=STR),
        index=STR,
        number=STR,
        title=STR,
        issued_on=nullable(DATE),
        issuer=nullable(ref("Agency")),
        signer=STR,
        signer_title=STR,
        year=INT,
        baseline_year=INT,
        report_due=nullable(DATE),
        is_public=BOOL,
    ),
    "Task": obj(
        id=INT,
        url=URL,
        plan=INT,
        section=nullable(ref("Section")),
        code=STR,
        title=STR,
        description=STR,
        lead_group=nullable(ref("Group")),
        deadline=nullable(DATE),
        recurring=BOOL,
        reporting_period=nullable(STR),
        expected_output=STR,
        units=array(STR),
        unit_links=array(obj(index=STR, code=STR)),
        is_public=BOOL,
    ),
    "Assignment": obj(
        id=INT,
        url=URL,
        task=obj(id=INT, code=STR, title=STR),
        agency=ref("Agency"),
        relation={"type": "string", "enum": ["lead", "coordinate", "request"]},
        deadline=nullable(DATE),
        progress=INT,
        started_on=nullable(DATE),
        completed_on=nullable(DATE),
        last_report_at=nullable(DATETIME),
        status=LABELLED,
        version=INT,
    ),
    "Evidence": obj(
        id=INT,
        name=STR,
        content_type=STR,
        size=INT,
        sha256=STR,
        uploaded_at=DATETIME,
        download=URL,
    ),
    "Report": obj(
        id=INT,
        url=URL,
        assignment=INT,
        revises=nullable(INT),
        author=nullable(obj(id=INT, name=STR)),
        submitted_at=DATETIME,
        narrative=STR,
        figures=STR,
        progress=INT,
        is_final=BOOL,
        state=LABELLED,
        reviewer=nullable(obj(id=INT, name=STR)),
        reviewed_at=nullable(DATETIME),
        review_comment=STR,
        period=nullable(INT),
        head_reviewer=nullable(obj(id=INT, name=STR)),
        head_reviewed_at=nullable(DATETIME),
        head_comment=STR,
        version=INT,
        evidence=array(ref("Evidence")),
    ),
    "Period": obj(
        id=INT,
        starts_on=DATE,
        due_on=DATE,
        status=LABELLED,
        submitted_on=nullable(DATE),
        accepted_on=nullable(DATE),
    ),
    "Notification": obj(
        id=INT, kind=STR, text=STR, url=URL, created_at=DATETIME, read_at=nullable(DATETIME)
    ),
    "UnitScore": obj(
        code=STR,
        name=STR,
        score=NUM,
        rank=nullable(INT),  # None where the data do not support one (PCI's partial years)
        of=INT,
        tier=nullable(STR),  # None: no group (PCI's groups are only ever published)
        tier_label=nullable(STR),
        change=nullable(NUM),
        rank_change=nullable(INT),
    ),
    "Ranking": obj(
        index=STR,
        year=INT,
        unit=STR,
        of=INT,
        cutoffs={"type": "object"},
        rule=STR,
        grouping={"type": "string", "enum": ["quantiles", "bands", "published"]},
        field_complete=BOOL,
        rows=array(
            obj(
                province=obj(name=STR, code=STR),
                score=nullable(NUM),
                rank=nullable(INT),
                tier=nullable(STR),
                tier_label=nullable(STR),
            )
        ),
    ),
    "Profile": obj(
        index=STR,
        year=INT,
        province=obj(name=STR, code=STR),
        aggregate=nullable({"type": "object"}),
        dimensions=array(ref("UnitScore")),
        subdimensions=array(ref("UnitScore")),
        strengths=array({"type": "object"}),
        weaknesses=array({"type": "object"}),
        grouping={"type": "string", "enum": ["quantiles", "bands", "published"]},
        field_complete=BOOL,
    ),
    "ObjectiveStatus": obj(
        id=STR,
        kind=STR,
        text=STR,
        status={"type": "string", "enum": ["met", "not_met", "pending"]},
        actual={"type": ["number", "string", "null"]},
        target={"type": ["number", "string", "null"]},
        gap=nullable(NUM),
        detail={"type": "object"},
    ),
}
SCHEMAS["PlanDetail"] = {
    "allOf": [ref("Plan"), obj(objectives=array(ref("Objective")), sections=array(ref("Section")))]
}
SCHEMAS["TaskDetail"] = {"allOf": [ref("Task"), obj(assignments=array(ref("Assignment")))]}
SCHEMAS["PeriodList"] = obj(assignment=INT, next_due=nullable(DATE), periods=array(ref("Period")))
SCHEMAS["ObjectiveStatusList"] = obj(
    plan=INT, year=INT, results_available=BOOL, objectives=array(ref("ObjectiveStatus"))
)


def _activity_schemas() -> None:
    from chiso.api.schemas_activities import ACTIVITY_SCHEMAS
    from chiso.api.schemas_supervision import SUPERVISION_SCHEMAS

    SCHEMAS.update(ACTIVITY_SCHEMAS)
    SCHEMAS.update(SUPERVISION_SCHEMAS)


def page_of(item: str) -> Schema:
    return obj(
        count=INT,
        page=INT,
        page_size=INT,
        next=nullable(URL),
        previous=nullable(URL),
        results=array(ref(item)),
    )


_activity_schemas()
