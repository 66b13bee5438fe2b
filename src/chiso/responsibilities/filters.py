"""The dashboard filtered by responsible agency: its units table keeps the dimensions and
sub-dimensions the agency guides or answers for (a dimension keeps all its sub-dimensions)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from django.db.models import QuerySet

from chiso.accounts.models import Agency
from chiso.dashboards.area_filter import AreaFilter, register_area_filter
from chiso.dashboards.dashboard import PlanDashboard
from chiso.responsibilities import access
from chiso.responsibilities.models import Responsibility

if TYPE_CHECKING:
    from chiso.accounts.models import User


def responsible_agencies(user: User) -> QuerySet[Agency]:
    """The province's agencies named in its map (the filter's choices)."""
    named = access.responsibilities_for(user).values("agency_id")
    return access.agencies_for(user).filter(pk__in=named).order_by("kind", "name")


def chosen_agency(user: User, pk: int) -> Agency | None:
    return access.agencies_for(user).filter(pk=pk).first()


def for_agency(dash: PlanDashboard, agency: Agency) -> PlanDashboard:
    codes = set(
        Responsibility.objects.filter(agency=agency, index=dash.index).values_list(
            "unit_code", flat=True
        )
    )
    blocks = []
    for block in dash.dimensions:
        if block.dimension.code in codes:
            blocks.append(block)
            continue
        subs = tuple(s for s in block.subdimensions if s.code in codes)
        if subs:
            blocks.append(dataclasses.replace(block, subdimensions=subs))
    return dataclasses.replace(dash, dimensions=blocks)


register_area_filter(AreaFilter(responsible_agencies, chosen_agency, for_agency))
