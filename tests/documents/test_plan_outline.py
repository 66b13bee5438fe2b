"""The plan document prints the plan as issued: a task given later in the year (a remedy after
an inspection) is tracked like any other but is not in the plan's text (issue 16; the demo's
plan dated 26/05 printed July's follow-up task KT1)."""

from __future__ import annotations

import datetime as dt

from chiso.accounts.models import Role
from chiso.documents.plan_document import plan_outline
from chiso.documents.plan_words import plan_words
from chiso.plans import services
from chiso.plans.models import Plan, Section


def test_follow_up_tasks_are_not_printed_in_the_plan(province, make_agency, make_user):
    home_affairs = make_agency(province, "Sở Nội vụ")
    coordinator = make_user("sonoivu", Role.COORDINATOR, province, home_affairs)
    plan = Plan.objects.create(
        province=province,
        number="100/KH-UBND",
        title="Kế hoạch PAPI 2023",
        year=2023,
        baseline_year=2022,
        issued_on=dt.date(2023, 5, 26),
    )
    section = Section.objects.create(plan=plan, code="II.1", title="Quán triệt", order=1)
    for title, follow_up in (("Quán triệt kế hoạch", False), ("Khắc phục sau kiểm tra", True)):
        services.create_task(
            coordinator,
            plan,
            title=title,
            section=section,
            lead_agencies=[home_affairs],
            follow_up=follow_up,
        )
    words = plan_words(plan, "UBND tỉnh", "Kế hoạch", None, ())
    outline = plan_outline(plan, words)
    printed = [line.title for s in outline.sections for g in s.groups for line in g.tasks]
    assert printed == ["Quán triệt kế hoạch"]
    assert plan.tasks.count() == 2  # still tracked
