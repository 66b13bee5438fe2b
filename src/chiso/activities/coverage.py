"""Coverage views: which communes posted the task framework (and which have not), which PAPI
areas communication reached, and audience totals by month or quarter."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import ExtractMonth, ExtractQuarter
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.activities import units
from chiso.activities.models import Activity, Posting
from chiso.plans.models import Plan


@dataclass(frozen=True)
class CommuneCoverage:
    commune: Agency
    places: int
    first_posted: dt.date | None
    last_checked: dt.date | None
    taken_down: int  # places found no longer posted at the last check
    villages: int = 0  # its active villages and residential groups (chiso.places)
    villages_posted: int = 0  # of those, posted at their hall and not found taken down

    @property
    def posted(self) -> bool:
        return self.places > 0


@dataclass(frozen=True)
class DistrictCoverage:
    district: Agency | None  # None: communes not placed under a district
    communes: tuple[CommuneCoverage, ...]

    @property
    def posted(self) -> int:
        return sum(1 for c in self.communes if c.posted)

    @property
    def villages(self) -> int:
        return sum(c.villages for c in self.communes)

    @property
    def villages_posted(self) -> int:
        return sum(c.villages_posted for c in self.communes)


@dataclass(frozen=True)
class PostingCoverage:
    districts: tuple[DistrictCoverage, ...]
    communes_total: int
    communes_posted: int
    villages_total: int = 0
    villages_posted: int = 0

    @property
    def not_posted(self) -> list[Agency]:
        return [c.commune for d in self.districts for c in d.communes if not c.posted]


def posting_coverage(plan: Plan, as_of: dt.date | None = None) -> PostingCoverage:
    """Every active commune committee of the plan's province, grouped by its district, with
    the first posting date and last check; communes without any posting are listed too. With
    `as_of`, only postings made by that day count (a report's cut-off date)."""
    communes = list(
        Agency.objects.filter(
            province_id=plan.province_id, kind=AgencyKind.COMMUNE_COMMITTEE, active=True
        )
        .select_related("parent")
        .order_by("parent__name", "name")
    )
    by_commune: dict[int, list[Posting]] = {}
    postings = Posting.objects.filter(plan=plan)
    if as_of is not None:
        postings = postings.filter(posted_on__lte=as_of)
    for posting in postings.order_by("posted_on", "id"):
        by_commune.setdefault(posting.commune_id, []).append(posting)
    villages, villages_posted = village_counts(plan, [c.pk for c in communes], as_of)
    groups: dict[int | None, list[CommuneCoverage]] = {}
    parents: dict[int | None, Agency | None] = {None: None}
    for commune in communes:
        rows = by_commune.get(commune.pk, [])
        checked = [p.checked_on for p in rows if p.checked_on]
        groups.setdefault(commune.parent_id, []).append(
            CommuneCoverage(
                commune=commune,
                places=len(rows),
                first_posted=rows[0].posted_on if rows else None,
                last_checked=max(checked) if checked else None,
                taken_down=sum(1 for p in rows if p.still_posted is False),
                villages=villages.get(commune.pk, 0),
                villages_posted=villages_posted.get(commune.pk, 0),
            )
        )
        parents[commune.parent_id] = commune.parent
    districts = tuple(
        DistrictCoverage(parents[key], tuple(items))
        for key, items in sorted(
            groups.items(), key=lambda kv: (kv[0] is None, str(parents[kv[0]]))
        )
    )
    posted = sum(d.posted for d in districts)
    return PostingCoverage(
        districts,
        len(communes),
        posted,
        sum(villages.values()),
        sum(villages_posted.values()),
    )


def village_counts(
    plan: Plan, commune_ids: list[int], as_of: dt.date | None = None
) -> tuple[dict[int, int], dict[int, int]]:
    """Per commune: its active villages, and those with a posting of `plan` at the village
    (made by `as_of`, if given) not found taken down at its last check."""
    from chiso.places.models import Village

    total = dict(
        Village.objects.filter(commune_id__in=commune_ids, active=True)
        .values_list("commune_id")
        .annotate(n=Count("id"))
        .values_list("commune_id", "n")
    )
    standing = Posting.objects.filter(plan=plan, village=OuterRef("pk")).exclude(still_posted=False)
    if as_of is not None:
        standing = standing.filter(posted_on__lte=as_of)
    posted = dict(
        Village.objects.filter(commune_id__in=commune_ids, active=True)
        .filter(Exists(standing))
        .values_list("commune_id")
        .annotate(n=Count("id"))
        .values_list("commune_id", "n")
    )
    return total, posted


@dataclass(frozen=True)
class AreaCoverage:
    code: str
    label: str
    is_dimension: bool
    activities: int
    audience: int


def area_coverage(plan: Plan) -> list[AreaCoverage]:
    """For each PAPI dimension and sub-dimension of the plan's year: how many activities named
    it and their audience. A dimension counts activities naming it or any of its
    sub-dimensions (each activity once); a sub-dimension counts those naming it or its
    dimension as a whole."""
    year = plan.year
    rows = list(Activity.objects.filter(plan=plan).values_list("unit_codes", "audience_count"))
    out = []
    for unit in units.areas(year, plan.index):
        is_dimension = unit.level == "dimension"
        matching = [
            people for codes, people in rows if touches(codes, unit.code, is_dimension, plan.index)
        ]
        out.append(
            AreaCoverage(
                code=unit.code,
                label=units.unit_label(unit.code, year, plan.index),
                is_dimension=is_dimension,
                activities=len(matching),
                audience=sum(p or 0 for p in matching),
            )
        )
    return out


def touches(codes: list[str], code: str, is_dimension: bool, index: str) -> bool:
    """Does an activity naming `codes` count for the area `code` (see `area_coverage`)?"""
    if is_dimension:
        return any(units.dimension_of(c, index) == code for c in codes if _known(c, index))
    return code in codes or (_known(code, index) and units.dimension_of(code, index) in codes)


def _known(code: str, index: str) -> bool:
    return units.framework(index).has_unit(code)


@dataclass(frozen=True)
class PeriodTotal:
    number: int  # month 1–12 or quarter 1–4
    label: str
    activities: int
    audience: int


def audience_by_period(plan: Plan, today: dt.date, period: str = "month") -> list[PeriodTotal]:
    """Activities and audience of the plan's year per month (or quarter), empty periods included
    up to the one `today` is in: months still to come are not rows of zeros."""
    extract = ExtractQuarter if period == "quarter" else ExtractMonth
    last = 4 if period == "quarter" else 12
    if plan.year > today.year:
        return []
    if plan.year == today.year:
        last = (today.month - 1) // 3 + 1 if period == "quarter" else today.month
    counted = {
        number: (n, people or 0)
        for number, n, people in Activity.objects.filter(plan=plan, held_on__year=plan.year)
        .annotate(number=extract("held_on"))
        .values_list("number")
        .annotate(n=Count("id"), people=Sum("audience_count"))
        .values_list("number", "n", "people")
    }
    label = _("Quý %(n)s/%(year)s") if period == "quarter" else _("Tháng %(n)s/%(year)s")
    return [
        PeriodTotal(n, label % {"n": n, "year": plan.year}, *counted.get(n, (0, 0)))
        for n in range(1, last + 1)
    ]
