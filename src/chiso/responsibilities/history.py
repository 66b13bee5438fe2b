"""The audit action of the responsibilities map, worded for people (chiso.audit.history)."""

from django.utils.translation import pgettext_lazy

from chiso.audit.history import register_actions, register_fields
from chiso.responsibilities.models import Duty

register_actions(
    {"responsibility.set": pgettext_lazy("history", "Phân công trách nhiệm theo chỉ số")}
)

# The change keys are the duties.
register_fields({duty.value: duty.label for duty in Duty})
