"""Errors raised by the supervision services (shown by views through `chiso.workflow.forms`)."""

from chiso.workflow.errors import ServiceError


class SupervisionError(ServiceError):
    """A rule refused the change; the message is translated, `field` names the form field."""
