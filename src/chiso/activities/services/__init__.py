"""State changes of inspections, activities, postings and survey support, one function each.

Import them from here: `from chiso.activities.services import record_finding`.
"""

from chiso.activities.errors import ActivityError
from chiso.activities.services.inspections import (
    add_recommendation,
    add_visit,
    assign_follow_up,
    close_recommendation,
    conclude_visit,
    create_inspection_plan,
    record_finding,
    respond_to_finding,
)
from chiso.activities.services.outreach import (
    add_evidence,
    check_posting,
    record_activity,
    record_posting,
    set_posting_task,
    update_activity,
    update_posting,
)
from chiso.activities.services.survey import (
    add_contact,
    add_location,
    add_logistics_task,
    create_survey_round,
    update_logistics_state,
)

__all__ = [
    "ActivityError",
    "add_contact",
    "add_evidence",
    "add_location",
    "add_logistics_task",
    "add_recommendation",
    "add_visit",
    "assign_follow_up",
    "check_posting",
    "close_recommendation",
    "conclude_visit",
    "create_inspection_plan",
    "create_survey_round",
    "record_activity",
    "record_finding",
    "record_posting",
    "respond_to_finding",
    "update_activity",
    "update_logistics_state",
    "set_posting_task",
    "update_posting",
]
