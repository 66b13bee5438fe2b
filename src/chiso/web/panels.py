"""Panels that higher apps put on pages drawn by lower ones: the home page, a plan's dashboard,
an agency's page. The page names its place and what it is about; each app registers a provider
for the places it has something to say about (from its AppConfig.ready), so the page's app never
imports the panel's app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest
from django.utils.functional import Promise

HOME = "home"  # provider(request)
PLAN_DASHBOARD = "plan-dashboard"  # provider(request, plan)
AGENCY = "agency"  # provider(request, agency)
# Inside an assignment's report thread, under its reports: provider(request, assignment).
ASSIGNMENT_THREAD = "assignment-thread"


@dataclass(frozen=True)
class Panel:
    title: str | Promise
    template: str  # rendered with `ctx` = context
    context: dict[str, object] = field(default_factory=dict)
    testid: str = ""
    link_url: str = ""  # "more" under the panel, if any
    link_label: str | Promise = ""
    # On the home page, "what do I need to do now" comes first: lower comes first (the person's
    # own work 10-30, province-wide overviews 100); `wide` spans the whole row (lists to act on).
    priority: int = 100
    wide: bool = False


PanelProvider = Callable[..., Panel | None]
_PROVIDERS: dict[str, list[PanelProvider]] = {
    HOME: [],
    PLAN_DASHBOARD: [],
    AGENCY: [],
    ASSIGNMENT_THREAD: [],
}


def register_panel(place: str, provider: PanelProvider) -> None:
    """Add `provider` to `place` (once: AppConfig.ready may run again in tests)."""
    if provider not in _PROVIDERS[place]:
        _PROVIDERS[place].append(provider)


def panels(place: str, request: HttpRequest, *about: Any) -> list[Panel]:
    found = (provider(request, *about) for provider in _PROVIDERS[place])
    return [panel for panel in found if panel is not None]


def home_panels(request: HttpRequest) -> list[Panel]:
    # sorted() is stable: panels of one priority keep the apps' registration order.
    return sorted(panels(HOME, request), key=lambda panel: panel.priority)
