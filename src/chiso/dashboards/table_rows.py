"""The dashboard's tables (units, sections, a page of agencies and of current-period
compliance) as rows of HTML, each cached under its own figures (chiso.web.rows): a report
changes the counts of its task's agencies, units and section, so after it only those rows are
made into lines (dashboards.lines) and rendered; the others come from the cache. A row's key is
everything it prints: its data (names, counts, tier, last report), the bar's scale, whether it
is the viewer's agency, the language, today and the province's `shared` counter (names and
frameworks change with it)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from functools import cached_property
from typing import Any

from django.template.loader import get_template
from django.utils.safestring import SafeString

from chiso.dashboards.dashboard import PlanDashboard
from chiso.dashboards.lines import agency_line, section_line, unit_line
from chiso.dashboards.links import TaskLinks
from chiso.dashboards.metrics import AgencyRow
from chiso.plans.compliance import AgencyCompliance
from chiso.web.fragments import fragment
from chiso.web.rows import cached_rows


class _Table:
    """One table's rows: their keys now, their HTML when asked (`cached_rows`)."""

    def __init__(self, keys: list[tuple[int, str]], render: Callable[[list[int]], dict[int, str]]):
        self.keys = keys
        self.render = render

    @cached_property
    def html(self) -> list[SafeString]:
        return cached_rows(self.keys, self.render)


class TableRows:
    """The four tables' rows. `key` holds every row's key: the tables' fragment is kept under it,
    so a report that changes no figure (most reviews) renders no table at all."""

    def __init__(self, units: _Table, sections: _Table, agencies: _Table, compliance: _Table):
        self._tables = (units, sections, agencies, compliance)
        every = repr([[key for _i, key in table.keys] for table in self._tables])
        self.key = hashlib.blake2b(every.encode(), digest_size=16).hexdigest()

    @property
    def units(self) -> list[SafeString]:
        return self._tables[0].html

    @property
    def sections(self) -> list[SafeString]:
        return self._tables[1].html

    @property
    def agencies(self) -> list[SafeString]:
        return self._tables[2].html

    @property
    def compliance(self) -> list[SafeString]:
        return self._tables[3].html


def _rendered(
    province_id: int,
    shared: int,
    kind: str,
    rows: Sequence[Any],
    line: Callable[[Any], Any],
    template_name: str,
    *parts: object,
) -> _Table:
    """`rows` to be rendered one by one with `template_name` (its line as `row`), cached by
    their data and `parts`."""
    # The table's own key once, each row's data hashed onto it (a whole fragment key per row
    # cost more than rendering the one row a report changes).
    table = fragment(province_id, kind, *parts, revision=shared).key
    keys = [
        (i, table + hashlib.blake2b(repr(row).encode(), digest_size=12).hexdigest())
        for i, row in enumerate(rows)
    ]

    def render(missing: list[int]) -> dict[int, str]:
        template = get_template(template_name)
        return {i: template.render({"row": line(rows[i])}) for i in missing}

    return _Table(keys, render)


def table_rows(
    dash: PlanDashboard,
    agencies: Sequence[AgencyRow],
    compliance: Sequence[AgencyCompliance],
    own_agency: int | None,
    shared: int,
) -> TableRows:
    """The rows of the units and sections tables, of `agencies` and of `compliance` (those
    tables' pages)."""
    plan = dash.plan
    links = TaskLinks(plan.pk)
    scale = dash.max_agency_total
    province = plan.province_id
    return TableRows(
        _rendered(
            province,
            shared,
            "dashboard-unit",
            dash.unit_rows,
            lambda r: unit_line(r, links),
            "dashboards/_unit_row.html",
            plan.pk,
        ),
        _rendered(
            province,
            shared,
            "dashboard-section",
            dash.sections,
            lambda r: section_line(r, links),
            "dashboards/_section_row.html",
            plan.pk,
        ),
        _rendered(
            province,
            shared,
            "dashboard-agency",
            agencies,
            lambda r: agency_line(r, links, scale, own_agency),
            "dashboards/_agency_row.html",
            plan.pk,
            scale,
            own_agency,
        ),
        _rendered(
            province,
            shared,
            "dashboard-compliance",
            compliance,
            lambda r: r,
            "plans/_compliance_row.html",
        ),
    )
