"""Errors of the results services; messages are translated and meant for the user."""

from __future__ import annotations

from django.utils.functional import Promise


class ResultsError(Exception):
    def __init__(self, message: str | Promise) -> None:
        self.message = str(message)
        super().__init__(self.message)


class NoResults(ResultsError):
    """No release of this index has been imported yet."""
