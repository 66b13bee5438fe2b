"""The dashboard's table lines (chiso.dashboards.lines): links built from the task list's URL
resolved once give the same URLs as the `tasks_url` tag, and the figures print as before."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import translation

from chiso.dashboards.dashboard import build_dashboard
from chiso.dashboards.lines import dashboard_lines
from chiso.dashboards.links import TaskLinks, task_list_url
from tests.dashboards.conftest import PlanData


def test_row_links_are_the_tags_urls() -> None:
    links = TaskLinks(7)
    for filters in ({"agency": 12}, {"section": None}, {"unit": "PCI:time_costs"}, {}):
        row = links.row(**filters)
        assert row.all == task_list_url(7, **filters)
        for status in ("done", "done_late", "overdue"):
            assert getattr(row, status) == task_list_url(7, **filters, status=status)
    assert links.row(unit="2.4").overdue == "/ke-hoach/7/nhiem-vu/?unit=2.4&status=overdue"


def test_lines_of_the_plan(plan_data: PlanData, users: dict[str, Any], today_2023: dt.date) -> None:
    with translation.override("vi"):
        dash = build_dashboard(plan_data.plan, users["nhatrang"], today_2023)
        lines = dashboard_lines(dash, dash.agencies, users["nhatrang"].agency_id)
    nha_trang = next(a for a in lines.agencies if a.agency_id == plan_data.nha_trang.pk)
    assert nha_trang.mine and nha_trang.last_report == "01/08/2023"
    assert (nha_trang.figures.total, nha_trang.figures.overdue) == (2, 1)
    assert nha_trang.figures.finished_pct == "0%" and "<svg" in nha_trang.figures.bar
    others = [a for a in lines.agencies if a is not nha_trang]
    assert not any(a.mine for a in others)
    unsorted = next(s for s in lines.sections if s.code == "—")  # tasks outside any section
    assert unsorted.figures.links.all == task_list_url(plan_data.plan.pk)
    assert [u.code for u in lines.units] == [r.code for r in dash.unit_rows]
