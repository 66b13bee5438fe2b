"""Inspections, training and communication activities, postings and PAPI survey support."""

from chiso.activities.models.counting import WorkLink
from chiso.activities.models.inspections import (
    VERDICT_TONE,
    ChecklistItem,
    Finding,
    FollowUpState,
    InspectionKind,
    InspectionPlan,
    InspectionVisit,
    Recommendation,
    Verdict,
    VisitState,
)
from chiso.activities.models.outreach import (
    Activity,
    ActivityKind,
    Attachment,
    AudienceType,
    PlaceType,
    Posting,
    PostingTask,
)
from chiso.activities.models.survey import (
    LOGISTICS_TONE,
    LogisticsKind,
    LogisticsState,
    LogisticsTask,
    SurveyContact,
    SurveyLocation,
    SurveyRound,
)

__all__ = [
    "LOGISTICS_TONE",
    "VERDICT_TONE",
    "Activity",
    "ActivityKind",
    "Attachment",
    "AudienceType",
    "ChecklistItem",
    "Finding",
    "FollowUpState",
    "InspectionKind",
    "InspectionPlan",
    "InspectionVisit",
    "LogisticsKind",
    "LogisticsState",
    "LogisticsTask",
    "PlaceType",
    "Posting",
    "PostingTask",
    "Recommendation",
    "SurveyContact",
    "SurveyLocation",
    "SurveyRound",
    "Verdict",
    "VisitState",
    "WorkLink",
]
