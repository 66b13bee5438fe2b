"""The dashboard's "by responsible agency" filter (?phu-trach=<agency>), contributed by the app
that keeps the responsibilities map (chiso.responsibilities registers it at start-up), so the
dashboard does not import that app. Without a registered filter the dashboard shows every unit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

from chiso.accounts.models import Agency
from chiso.dashboards.dashboard import PlanDashboard


@dataclass(frozen=True)
class AreaFilter:
    choices: Callable[[Any], QuerySet[Agency]]  # the agencies the user may filter by
    chosen: Callable[[Any, int], Agency | None]  # the one asked for, if the user may see it
    apply: Callable[[PlanDashboard, Agency], PlanDashboard]  # the units that agency answers for


_REGISTERED: list[AreaFilter] = []


def register_area_filter(area_filter: AreaFilter) -> None:
    _REGISTERED[:] = [area_filter]


def area_filter() -> AreaFilter | None:
    return _REGISTERED[0] if _REGISTERED else None
