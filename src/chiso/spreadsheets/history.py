"""The audit action of the task-framework import, worded for people (chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions

register_actions(
    {
        "plan.import_tasks": pgettext_lazy("history", "Nhập khung nhiệm vụ từ tệp Excel"),
    }
)
