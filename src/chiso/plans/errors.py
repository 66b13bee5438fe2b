"""Errors raised by the plan services. Messages are translated and meant for the user."""

from __future__ import annotations

from django.utils.functional import Promise


class PlanError(Exception):
    """A rule of the plan workspace refused the change; `field` names the form field if any."""

    def __init__(self, message: str | Promise, field: str | None = None) -> None:
        self.message = str(message)
        self.field = field
        super().__init__(self.message)


class StaleVersion(PlanError):
    """Someone else saved the same object since the form was opened (optimistic locking)."""
