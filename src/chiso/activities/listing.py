"""Filters of the activities list: by type, by period (a month or a quarter of the plan's
year) and by PAPI area, counted the way the coverage page counts them so a row of that page
and the list it links to agree."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from chiso.activities import units
from chiso.activities.coverage import touches
from chiso.activities.models import Activity, ActivityKind
from chiso.plans.models import Plan


def period_choices(year: int) -> list[tuple[str, str]]:
    """Quarters then months, as `?ky=` values: "quy-3", "thang-7"."""
    quarters = [(f"quy-{n}", _("Quý %(n)s/%(year)s") % {"n": n, "year": year}) for n in range(1, 5)]
    months = [
        (f"thang-{n}", _("Tháng %(n)s/%(year)s") % {"n": n, "year": year}) for n in range(1, 13)
    ]
    return quarters + months


@dataclass(frozen=True)
class ActivityFilter:
    kind: str = ""
    period: str = ""
    area: str = ""

    @classmethod
    def from_query(cls, query: Mapping[str, str], plan: Plan) -> ActivityFilter:
        """Values the page did not offer are ignored (the list shows everything instead)."""
        kind = query.get("loai", "")
        period = query.get("ky", "")
        area = query.get("chi-so", "")
        return cls(
            kind=kind if kind in ActivityKind.values else "",
            period=period if period in dict(period_choices(plan.year)) else "",
            area=area if area in dict(units.unit_choices(plan.year, plan.index)) else "",
        )

    @property
    def active(self) -> bool:
        return bool(self.kind or self.period or self.area)

    def apply(self, activities: QuerySet[Activity], plan: Plan) -> QuerySet[Activity]:
        if self.kind:
            activities = activities.filter(kind=self.kind)
        if self.period:
            unit, number = self.period.split("-")
            lookup = "held_on__quarter" if unit == "quy" else "held_on__month"
            activities = activities.filter(held_on__year=plan.year, **{lookup: int(number)})
        if self.area:
            # Unit codes are a JSON list; SQLite has no JSON "contains", so match in Python.
            is_dimension = units.framework(plan.index).unit(self.area).level == "dimension"
            ids = [
                pk
                for pk, codes in activities.values_list("pk", "unit_codes")
                if touches(codes, self.area, is_dimension, plan.index)
            ]
            activities = activities.filter(pk__in=ids)
        return activities
