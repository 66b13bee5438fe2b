"""Errors of the results services; messages are translated and meant for the user."""

from __future__ import annotations

from chiso.workflow.errors import ServiceError


class ResultsError(ServiceError):
    """An import, a restore or a hand entry refused (its problems name the form's fields)."""


class NoResults(ResultsError):
    """No release of this index has been imported yet."""
