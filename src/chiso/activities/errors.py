"""Errors raised by the activities services (shown by views through `chiso.workflow.forms`)."""

from chiso.workflow.errors import ServiceError


class ActivityError(ServiceError):
    """A rule refused the change; the message is translated, `field` names the form field."""
