"""Errors of the activities services: a PlanError, so views handle both apps' errors alike."""

from chiso.plans.errors import PlanError, StaleVersion


class ActivityError(PlanError):
    """A rule refused the change; the message is translated, `field` names the form field."""


__all__ = ["ActivityError", "PlanError", "StaleVersion"]
