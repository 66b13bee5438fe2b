"""Optimistic locking, one scheme for every app: a row two people may edit at once carries a
`version`; a form remembers the version it showed, the service re-reads the row under a lock and
refuses when the version moved on (`StaleVersion`), and every saved change bumps it.
Reordering rows is not a change of their content and bumps nothing."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models

from chiso.workflow.errors import StaleVersion

M = TypeVar("M", bound=models.Model)


def lock_current(obj: M, version: int | None) -> M:
    """Re-read `obj` under a row lock and refuse if its version moved on since `version` was read.

    `version=None` means the caller is not a form (an import, a demo step) and takes the latest.
    """
    locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
    current = int(locked.version)  # type: ignore[attr-defined]
    if version is not None and current != int(version):
        raise StaleVersion(current)
    return locked


def bump(obj: Any) -> None:
    """Count a saved change of `obj` (call before its save)."""
    obj.version = obj.version + 1
