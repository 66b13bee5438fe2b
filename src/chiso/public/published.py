"""The plan as published: objectives with their status and the public task framework.

Only what the coordinator marked public is read (a public plan, its public tasks), and only the
fields a citizen should see: never progress reports, evidence, review comments or people's names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from chiso.accounts.models import Agency, AgencyKind
from chiso.index import Results
from chiso.plans.models import Assignment, Plan, Relation, Task
from chiso.plans.objectives import evaluate_by_index, standing_text
from chiso.plans.status import STATUS_TONE, Status
from chiso.public.figures import is_english

# Districts and communes first: the per-agency version is mostly printed for them.
_KIND_ORDER: dict[str, int] = {AgencyKind.DISTRICT_COMMITTEE: 0, AgencyKind.COMMUNE_COMMITTEE: 1}


@dataclass(frozen=True)
class PublicObjective:
    code: str
    text: str
    status: str  # met | not_met | pending
    status_label: str
    summary: str
    standing: str = ""  # the latest published year's reading while the plan year's is not out
    index: str = ""  # the objective's index when it is not the plan's ("PCI")


@dataclass(frozen=True)
class PublicTask:
    id: int  # the citizens' feedback form for the task links by it
    code: str
    title: str
    areas: tuple[str, ...]  # "5.1 Thủ tục chứng thực, xác nhận"
    leads: tuple[str, ...]  # agency names (bodies, never people)
    partners: tuple[str, ...]
    deadline: dt.date | None
    recurring: bool
    status: Status
    status_label: str
    tone: str
    progress: int


@dataclass(frozen=True)
class PublicSection:
    code: str
    title: str
    tasks: tuple[PublicTask, ...]


@dataclass(frozen=True)
class AgencyOption:
    id: int
    name: str


@dataclass(frozen=True)
class PublishedPlan:
    id: int
    number: str
    label: str  # the number, or "Kế hoạch PAPI năm 2023" while it is a placeholder
    has_number: bool
    title: str
    year: int
    issued_on: dt.date | None
    issuer: str
    province: str
    objectives_year: int
    objectives: tuple[PublicObjective, ...]
    sections: tuple[PublicSection, ...]
    agency: AgencyOption | None  # the per-agency version, when one is selected
    agencies: tuple[AgencyOption, ...]
    status_counts: tuple[tuple[str, str, int], ...]  # (tone, label, count)
    updated_at: dt.datetime


def public_plans() -> QuerySet[Plan]:
    return Plan.objects.filter(is_public=True).select_related("province")


def get_public_plan(plan_id: int) -> Plan:
    plan = public_plans().select_related("issuer").filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


def _objectives(plan: Plan, lang: str) -> tuple[PublicObjective, ...]:
    """Each objective judged on its own index (a PAPI plan's "PCI ≥ 68 điểm" on PCI's results):
    pending ("Chưa có kết quả") where that index has no result for the province and year."""
    labels = {"met": _("Đạt"), "not_met": _("Chưa đạt"), "pending": _("Chưa có kết quả")}
    objectives = list(plan.objectives.all())
    evaluated = evaluate_by_index(plan, objectives).judged
    found = []
    for o in objectives:
        r, now = evaluated.get(o.code, (None, None))
        status = r.status if r else "pending"
        # A pending objective's summary ("chưa có kết quả năm 2023") only repeats its label.
        summary = r.summary.get(lang) if r and status != "pending" else ""
        index = o.index.replace("_", " ") if o.index != plan.index else ""
        found.append(
            PublicObjective(
                o.code, o.text, status, labels[status], summary, standing_text(now), index
            )
        )
    return tuple(found)


def task_status(assignments: list[Assignment], today: dt.date) -> Status:
    """One status for a task from its agencies' parts: done when all are done, overdue when
    any is overdue, in progress when any has started."""
    statuses = [a.status(today) for a in assignments]
    if not statuses:
        return Status.NOT_STARTED
    if all(s in (Status.DONE, Status.DONE_LATE) for s in statuses):
        return Status.DONE_LATE if Status.DONE_LATE in statuses else Status.DONE
    if Status.OVERDUE in statuses:
        return Status.OVERDUE
    if any(s != Status.NOT_STARTED for s in statuses):
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def _assignments(tasks: list[Task]) -> dict[int, list[Assignment]]:
    rows = (
        Assignment.objects.top_level()
        .filter(task__in=tasks)
        .select_related("agency", "via_group")
        .only(
            "task_id",
            "relation",
            "deadline",
            "progress",
            "completed_on",
            "last_report_at",
            "agency__name",
            "agency__kind",
            "via_group__name",
        )
    )
    found: dict[int, list[Assignment]] = defaultdict(list)
    for a in rows:
        found[a.task_id].append(a)
    return found


def _names(parts: Iterable[Assignment]) -> tuple[str, ...]:
    """Who does it, as the plan says it: a group assignment ("UBND các huyện, thị xã, thành
    phố") is named once by its group, not as the list of its thirty members."""
    names: dict[str, None] = {}
    for a in parts:
        names[a.via_group.name if a.via_group else a.agency.name] = None
    return tuple(names)


def _asked(parts: Iterable[Assignment]) -> tuple[str, ...]:
    return tuple(_("%(name)s (đề nghị)") % {"name": name} for name in _names(parts))


def _public_task(
    task: Task, parts: list[Assignment], areas: tuple[str, ...], today: dt.date
) -> PublicTask:
    status = task_status(parts, today)
    deadlines = [a.deadline for a in parts if a.deadline]
    return PublicTask(
        id=task.pk,
        code=task.code,
        title=task.title,
        areas=areas,
        leads=(
            *_names(a for a in parts if a.relation == Relation.LEAD),
            # Bodies the committee cannot order (the Front, Party bodies) are asked, not told;
            # each in the part it plays (a requested partner never prints as "Chủ trì").
            *_asked(a for a in parts if a.relation == Relation.REQUEST and a.leads),
        ),
        partners=(
            *_names(a for a in parts if a.relation == Relation.COORDINATE),
            *_asked(a for a in parts if a.relation == Relation.REQUEST and not a.leads),
        ),
        deadline=task.deadline or (min(deadlines) if deadlines else None),
        recurring=task.recurring,
        status=status,
        status_label=str(status.label),
        tone=STATUS_TONE[status],
        progress=round(sum(a.progress for a in parts) / len(parts)) if parts else 0,
    )


def _area_labels(
    results: Results | None, codes: list[str], year: int, lang: str
) -> tuple[str, ...]:
    if results is None:
        return tuple(codes)
    fw, language = results.framework, "en" if is_english(lang) else "vi"
    labels = []
    for code in codes:
        labels.append(f"{code} {fw.unit(code).name(year, language)}" if fw.has_unit(code) else code)
    return tuple(labels)


def _agency_options(assignments: dict[int, list[Assignment]]) -> tuple[AgencyOption, ...]:
    agencies: dict[int, Agency] = {}
    for parts in assignments.values():
        for a in parts:
            agencies[a.agency_id] = a.agency
    ordered = sorted(agencies.values(), key=lambda g: (_KIND_ORDER.get(g.kind, 2), g.name))
    return tuple(AgencyOption(g.id, g.name) for g in ordered)


def _status_counts(tasks: list[PublicTask]) -> tuple[tuple[str, str, int], ...]:
    counts = {s: 0 for s in Status}
    for t in tasks:
        counts[t.status] += 1
    return tuple((STATUS_TONE[s], str(s.label), n) for s, n in counts.items() if n)


def published_plan(
    plan: Plan, results: Results | None, agency_id: int | None, today: dt.date, lang: str
) -> PublishedPlan:
    """The public view of `plan`; with `agency_id`, only that agency's tasks and its own part."""
    tasks = list(
        plan.tasks.filter(is_public=True)
        .select_related("section")
        .prefetch_related("units")
        .only("code", "title", "deadline", "recurring", "order", "plan_id", "section")
    )
    assignments = _assignments(tasks)
    agencies = _agency_options(assignments)
    agency = None
    if agency_id is not None:
        agency = next((a for a in agencies if a.id == agency_id), None)
        if agency is None:
            raise Http404
    sections: dict[int | None, list[PublicTask]] = defaultdict(list)
    for task in tasks:
        parts = assignments.get(task.id, [])
        if agency is not None:
            parts = [a for a in parts if a.agency_id == agency.id]
            if not parts:
                continue
        codes = [u.unit_code for u in task.units_of(plan.index)]
        areas = _area_labels(results, codes, plan.year, lang)
        sections[task.section_id].append(_public_task(task, parts, areas, today))
    return PublishedPlan(
        id=plan.pk,
        number=plan.number,
        label=plan.label,
        has_number=plan.has_number,
        title=plan.title,
        year=plan.year,
        issued_on=plan.issued_on,
        issuer=plan.issuer.name if plan.issuer else "",
        province=plan.province.name,
        objectives_year=plan.year,
        objectives=_objectives(plan, lang),
        sections=_sections(plan, sections),
        agency=agency,
        agencies=agencies,
        status_counts=_status_counts([t for group in sections.values() for t in group]),
        updated_at=plan.updated_at,
    )


def _sections(plan: Plan, grouped: dict[int | None, list[PublicTask]]) -> tuple[PublicSection, ...]:
    found = [
        PublicSection(s.code, s.title, tuple(grouped[s.pk]))
        for s in plan.sections.all()
        if grouped.get(s.pk)
    ]
    if grouped.get(None):
        found.append(PublicSection("", _("Nhiệm vụ khác"), tuple(grouped[None])))
    return tuple(found)
