"""A 2023 plan of Khánh Hòa with tasks on dimension 1 and 2.4, assignments done on time, late
and not done, for the review pages and command."""

from __future__ import annotations

import datetime as dt
from typing import Any


def make_reviewed_plan(province: Any, make_agency: Any) -> Any:
    from chiso.accounts.models import AgencyKind
    from chiso.plans.models import Assignment, Plan, Section, Task, TaskUnit

    a = make_agency(province, "Sở Nội vụ", AgencyKind.DEPARTMENT)
    b = make_agency(province, "Sở Tư pháp", AgencyKind.DEPARTMENT)
    plan = Plan.objects.create(
        province=province,
        number="9/KH-UBND",
        title="Kế hoạch PAPI 2023",
        year=2023,
        baseline_year=2022,
    )
    s1 = Section.objects.create(plan=plan, code="II.1", title="II.1. Tuyên truyền", order=1)
    s2 = Section.objects.create(plan=plan, code="II.2", title="II.2. Công khai", order=2)
    t1 = Task.objects.create(province=province, plan=plan, section=s1, code="a", title="Họp dân")
    t2 = Task.objects.create(province=province, plan=plan, section=s2, code="b", title="Niêm yết")
    TaskUnit.objects.create(task=t1, unit_code="1.2")
    TaskUnit.objects.create(task=t2, unit_code="2.4")
    due = dt.date(2023, 6, 30)
    Assignment.objects.create(
        province=province, task=t1, agency=a, deadline=due, completed_on=dt.date(2023, 6, 1)
    )  # on time
    Assignment.objects.create(
        province=province, task=t1, agency=b, deadline=due, completed_on=dt.date(2023, 7, 15)
    )  # late
    Assignment.objects.create(province=province, task=t2, agency=a, deadline=due)  # not done
    return plan
