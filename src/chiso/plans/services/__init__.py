"""The plan workspace's state changes, one named function each.

Each function runs in one transaction, checks permissions (`chiso.plans.access`) and rules,
records the change in the audit log and raises `PermissionDenied` or a translated `PlanError`.
Import them from here: `from chiso.plans.services import submit_report`.
"""

from chiso.plans.errors import PlanError
from chiso.plans.services.assigning import (
    GroupDrift,
    apply_group_drift,
    assign_task,
    group_drift,
    relation_for,
)
from chiso.plans.services.cascading import split_assignment, withdraw_sub_assignment
from chiso.plans.services.copying import CopySummary, copy_plan_to_next_year
from chiso.plans.services.drafting import (
    delete_objective,
    delete_section,
    move_objective,
    move_section,
    save_objective,
    save_section,
)
from chiso.plans.services.importing import ImportSummary, import_objectives
from chiso.plans.services.periods import set_assignment_schedule, set_schedule
from chiso.plans.services.plans import create_plan, update_plan
from chiso.plans.services.reporting_rules import save_reporting_rules
from chiso.plans.services.reports import (
    resubmit_report,
    review_report,
    sign_off_report,
    submit_report,
)
from chiso.plans.services.tasks import create_task, delete_task, update_task

__all__ = [
    "CopySummary",
    "GroupDrift",
    "ImportSummary",
    "PlanError",
    "apply_group_drift",
    "assign_task",
    "copy_plan_to_next_year",
    "create_plan",
    "create_task",
    "delete_objective",
    "delete_section",
    "delete_task",
    "group_drift",
    "import_objectives",
    "move_objective",
    "move_section",
    "relation_for",
    "resubmit_report",
    "review_report",
    "save_objective",
    "save_reporting_rules",
    "save_section",
    "set_assignment_schedule",
    "set_schedule",
    "sign_off_report",
    "split_assignment",
    "submit_report",
    "update_plan",
    "update_task",
    "withdraw_sub_assignment",
]
