"""The plan workspace's state changes, one named function each.

Each function runs in one transaction, checks permissions (`chiso.plans.access`) and rules,
records the change in the audit log and raises `PermissionDenied` or a translated `PlanError`.
Import them from here: `from chiso.plans.services import submit_report`.
"""

from chiso.plans.errors import PlanError, StaleVersion
from chiso.plans.services.assigning import (
    GroupDrift,
    apply_group_drift,
    assign_task,
    group_drift,
    relation_for,
)
from chiso.plans.services.plans import (
    create_objective,
    create_plan,
    create_section,
    delete_objective,
    update_objective,
    update_plan,
    update_section,
)
from chiso.plans.services.reports import resubmit_report, review_report, submit_report
from chiso.plans.services.tasks import create_task, delete_task, update_task

__all__ = [
    "GroupDrift",
    "PlanError",
    "StaleVersion",
    "apply_group_drift",
    "assign_task",
    "create_objective",
    "create_plan",
    "create_section",
    "create_task",
    "delete_objective",
    "delete_task",
    "group_drift",
    "relation_for",
    "resubmit_report",
    "review_report",
    "submit_report",
    "update_objective",
    "update_plan",
    "update_section",
    "update_task",
]
