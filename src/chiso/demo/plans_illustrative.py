"""Illustrative copies of the 2023 plan for 2022 and 2024, so that "did the plan work?" has
several plan years to compare. Marked "[Minh họa]" in number and title: they are not Khánh
Hòa's real plans. Their assignments are completed in bulk with plausible rates (most on time,
some late, some never) — illustrative data set up by the loader, not user actions.

Idempotent: a copy that exists is left as it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.db import transaction

from chiso.accounts.models import User
from chiso.demo import organisations as org
from chiso.demo import plan2023
from chiso.plans.models import Assignment, Objective, Plan, Section, Task
from chiso.plans.services.copying import copy_plan_to_next_year

Say = Callable[[str], None]
MARK = "[Minh họa]"
# Per plan year: of every 10 assignments, how many were done on time and how many late.
RATES = {2022: (7, 2), 2024: (6, 2)}


def number_for(year: int) -> str:
    return f"{MARK} …/KH-UBND-{year}"


def load(say: Say) -> None:
    province = org.khanh_hoa()
    source = Plan.objects.filter(province=province, number=plan2023.NUMBER).first()
    if source is None:
        say("  chưa có kế hoạch 2023 — bỏ qua các bản minh họa")
        return
    coordinator = User.objects.get(username="sonoivu")
    for year in (2022, 2024):
        if Plan.objects.filter(province=province, number=number_for(year)).exists():
            continue
        _copy(coordinator, source, year)
        say(f"  kế hoạch minh họa năm {year}: đã tạo")


@transaction.atomic
def _copy(coordinator: User, source: Plan, year: int) -> None:
    title = f"{MARK} Kế hoạch cải thiện và nâng cao Chỉ số PAPI tỉnh Khánh Hòa năm {year}"
    copy = copy_plan_to_next_year(coordinator, source, number=number_for(year), title=title)
    plan = copy.plan
    shift = year - source.year  # the copy service moved one year on; move to `year`
    if shift != 1:
        Plan.objects.filter(pk=plan.pk).update(year=year, baseline_year=year - 1)
        _texts_back(plan, {source.year + 1: year, source.year: year - 1})
    for task in Task.objects.filter(plan=plan):
        if task.deadline is not None:
            Task.objects.filter(pk=task.pk).update(deadline=_moved(task.deadline, shift - 1))
    on_time, late = RATES[year]
    for i, a in enumerate(Assignment.objects.filter(task__plan=plan).order_by("pk")):
        deadline = _moved(a.deadline, shift - 1) if a.deadline else dt.date(year, 12, 15)
        slot = (i * 7) % 10  # a fixed spread over the tasks, the same on every load
        done = None
        if slot < on_time:
            done = deadline - dt.timedelta(days=3 + slot)
        elif slot < on_time + late:
            done = deadline + dt.timedelta(days=10 + slot)
        Assignment.objects.filter(pk=a.pk).update(
            deadline=deadline, completed_on=done, progress=100 if done else 40
        )


def _texts_back(plan: Plan, years: dict[int, int]) -> None:
    """The copy service wrote next year's years into the texts; say the copy's years instead."""
    pattern = re.compile(r"\b((?:năm|PAPI)\s+)(\d{4})\b", re.IGNORECASE)

    def fix(text: str) -> str:
        return pattern.sub(lambda m: m.group(1) + str(years.get(int(m.group(2)), m.group(2))), text)

    for task in Task.objects.filter(plan=plan):
        Task.objects.filter(pk=task.pk).update(
            title=fix(task.title), description=fix(task.description)
        )
    for section in Section.objects.filter(plan=plan):
        Section.objects.filter(pk=section.pk).update(title=fix(section.title))
    for objective in Objective.objects.filter(plan=plan):
        Objective.objects.filter(pk=objective.pk).update(text=fix(objective.text))


def _moved(day: dt.date | None, years: int) -> dt.date:
    assert day is not None
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)
