"""The provinces this deployment serves (accounts.Province), matched to the results' provinces."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chiso.accounts.models import Province as ServedProvince
from chiso.accounts.models import User
from chiso.accounts.roles import Viewer
from chiso.index import Province, Results, UnknownProvince, normalize_name
from chiso.index.provinces import match_deployment
from chiso.public.figures import Figure, figure
from chiso.public.slugs import province_slug


@dataclass(frozen=True)
class ProvinceLink:
    name: str
    slug: str
    year: int
    aggregate: Figure | None


@dataclass(frozen=True)
class MergedInto:
    """A province of this deployment merged into another (chiso.restructuring.merger), as its
    profile says it: the successor's name, the slug of its profile in the same results (None
    when they do not hold it), and the day."""

    name: str
    slug: str | None
    merged_on: dt.date


def codes() -> frozenset[str]:
    return frozenset(ServedProvince.objects.served().values_list("code", flat=True))


def _match(results: Results, name: str, code: str, year: int) -> Province | None:
    try:
        return results.province(match_deployment(name, code, year).name, year)
    except UnknownProvince:
        return None


def served(results: Results, year: int) -> list[Province]:
    # A province merged into another is no longer served (its results stay in the data).
    rows = ServedProvince.objects.served().order_by("code").values_list("name", "code")
    found = (_match(results, name, code, year) for name, code in rows)
    return [p for p in found if p is not None]


def profile_links(results: Results, lang: str = "vi") -> list[ProvinceLink]:
    """The latest aggregate of each served province, for the index page and the home panel."""
    year = results.years[-1]
    links = []
    for province in served(results, year):
        result = results.unit_result(province, year, "aggregate")
        links.append(
            ProvinceLink(
                province.display(),
                province_slug(province),
                year,
                figure(result, lang) if result else None,
            )
        )
    return links


def province_choices(results: Results, year: int, lang: str) -> list[tuple[str, str]]:
    """(slug, name) of every province in the data, alphabetical without diacritics."""
    names = [(province_slug(p), p.display()) for p in results.provinces]
    return sorted(names, key=lambda item: normalize_name(item[1]))


def home_province(user: Viewer, results: Results, year: int) -> Province:
    """The user's own province; else the first served one; else the first in the data."""
    if isinstance(user, User) and user.province is not None:
        own = _match(results, user.province.name, user.province.code, year)
        if own is not None:
            return own
    served_now = served(results, year)
    return served_now[0] if served_now else results.provinces[0]


def merged_into(results: Results, province: Province, year: int) -> MergedInto | None:
    """The merger of the deployment's province that `province` (of `results`, in `year`) is, or
    None. A province's name matched across the merger (2025 on) is the successor itself: no
    note on the successor's own page."""
    rows = ServedProvince.objects.filter(merged_into__isnull=False, merged_on__isnull=False)
    for row in rows.select_related("merged_into").order_by("code"):
        into = row.merged_into
        if into is None or row.merged_on is None:
            continue
        successor = _match(results, into.name, into.code, year)
        if successor == province or _match(results, row.name, row.code, year) != province:
            continue
        return MergedInto(
            successor.display() if successor else into.name,
            province_slug(successor) if successor else None,
            row.merged_on,
        )
    return None


def mergers_token() -> str:
    """Changes when a province of the deployment is merged (the public profile's note)."""
    rows = ServedProvince.objects.filter(merged_into__isnull=False).order_by("code")
    return ";".join(
        f"{code}>{into}@{day}"
        for code, into, day in rows.values_list("code", "merged_into_id", "merged_on")
    )
