"""Errors of the supervision services: a PlanError, so views handle every app's errors alike."""

from chiso.plans.errors import PlanError, StaleVersion


class SupervisionError(PlanError):
    """A rule refused the change; the message is translated, `field` names the form field."""


__all__ = ["PlanError", "StaleVersion", "SupervisionError"]
