"""The review inbox's filters: the choices they offer and the form's HTML.

The agencies and units offered are those of the reports waiting, so they follow every report
sent and decided; one grouped query over the waiting list (`waiting_summary`) gives them and
the list's length. The rest (the province's plans, a plan's sections, each task's units)
changes only with the province's shared data and is kept under its `shared` counter. The form's
HTML is kept under a digest of everything it shows, so it is never stale."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.db.models import Count, QuerySet
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from chiso.plans import access, inbox
from chiso.plans.inbox import InboxFilter
from chiso.plans.models import Plan, ProgressReport, Section
from chiso.web.fragments import FRAGMENT_TTL, fragment, kept

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class FilterChoices:
    plans: list[Plan]
    sections: list[Section]
    agencies: list[tuple[int, str]]
    units: list[str]


@dataclass(frozen=True)
class WaitingSummary:
    """The whole waiting list at a glance: how many reports, from which agencies (id, name; by
    name), on which tasks."""

    count: int
    agencies: list[tuple[int, str]]
    task_ids: frozenset[int]


def waiting_summary(waiting: QuerySet[ProgressReport]) -> WaitingSummary:
    """One grouped query over the queue (by agency and task, unordered: a province may have
    thousands of reports waiting), instead of a count and a DISTINCT for each filter."""
    groups = list(
        waiting.order_by()
        .values_list("assignment__agency_id", "assignment__agency__name", "assignment__task_id")
        .annotate(reports=Count("id"))
    )
    agencies = sorted({(agency, name) for agency, name, _task, _n in groups}, key=_by_name)
    return WaitingSummary(
        count=sum(n for *_group, n in groups),
        agencies=agencies,
        task_ids=frozenset(task for _agency, _name, task, _n in groups),
    )


def _by_name(pair: tuple[int, str]) -> str:
    return pair[1]


@dataclass(frozen=True)
class _Framework:
    """What the filters offer that changes only with the province's shared data (plans and
    sections: neither is confined to one task's changes)."""

    plans: list[Plan]
    sections: list[Section]


def filter_choices(
    user: User, summary: WaitingSummary, chosen: InboxFilter, shared: int, ttl: int
) -> FilterChoices:
    """The choices the filters offer: the province's plans, the chosen plan's sections, and the
    agencies and PAPI units that have reports waiting. The agencies and tasks come from the
    waiting list's summary (read on every rendering); the plans, sections and each task's units
    are kept under the province's `shared` counter, which every change to them raises (the
    units by `inbox.province_task_units`, which the rows share)."""
    province_id = user.province_id or 0
    key = (
        f"inbox-choices:{fragment(province_id, 'inbox-choices', chosen.plan, revision=shared).key}"
    )
    # A national viewer's page is never stored (ttl 0): nor is this.
    framework = kept(key, ttl, lambda: _framework(user, province_id, chosen.plan))
    by_task = inbox.province_task_units(province_id, shared, ttl)
    units = {
        code
        for task in summary.task_ids
        for _label, code, on_index in by_task.get(task, ())
        if on_index
    }
    tops = {code.split(".")[0] for code in units}
    return FilterChoices(
        framework.plans,
        framework.sections,
        summary.agencies,
        sorted(units | tops, key=_unit_order),
    )


def _framework(user: User, province_id: int, plan_id: int | None) -> _Framework:
    plans = list(access.plans_for(user).only("id", "number", "year", "index"))
    # Only a plan of the province offers its sections (the id comes from the query string).
    sections = (
        list(
            Section.objects.filter(plan_id=plan_id, plan__province_id=province_id).only(
                "id", "code", "title"
            )
        )
        if plan_id
        else []
    )
    return _Framework(plans, sections)


def _unit_order(code: str) -> list[int]:
    return [int(part) for part in code.split(".") if part.isdigit()]


def filters_html(choices: FilterChoices, chosen: InboxFilter) -> SafeString:
    """The filters' form (plans/_inbox_filters.html), kept under a digest of what it shows:
    its choices, the chosen values and the language. Rendering a province's hundred agencies
    as options costs more than the rest of the page's lists; their list seldom changes."""
    shown = (
        [(p.pk, p.label, p.has_number, p.year) for p in choices.plans],
        [(s.pk, s.code, s.title) for s in choices.sections],
        choices.agencies,
        choices.units,
        chosen,
        get_language(),
    )
    key = "inbox-filters:" + hashlib.sha256(repr(shown).encode()).hexdigest()[:32]
    html: str | None = cache.get(key)
    if html is None:
        context = {"choices": choices, "filter": chosen}
        html = get_template("plans/_inbox_filters.html").render(context)
        cache.set(key, html, FRAGMENT_TTL)
    return mark_safe(html)  # noqa: S308  (a rendered template: escaped)
