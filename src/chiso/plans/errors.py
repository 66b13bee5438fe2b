"""Errors raised by the plan services (shown by views through `chiso.workflow.forms`)."""

from __future__ import annotations

from chiso.workflow.errors import ServiceError


class PlanError(ServiceError):
    """A rule of the plan workspace refused the change; `field` names the form field if any."""
