"""What the home page shows: each app registers a panel provider (declared as data).

Panels answer "what do I need to do now" first: a provider gives its panel a `priority`
(lower comes first; the person's own work is 10-30, province-wide overviews 100) and marks it
`wide` when it spans the whole row (lists of things to act on)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass(frozen=True)
class HomePanel:
    title: str
    template: str
    context: dict[str, object] = field(default_factory=dict)
    priority: int = 100
    wide: bool = False


PanelProvider = Callable[[HttpRequest], HomePanel | None]
PANEL_PROVIDERS: list[PanelProvider] = []


def home_panels(request: HttpRequest) -> list[HomePanel]:
    panels = (provider(request) for provider in PANEL_PROVIDERS)
    # sorted() is stable: panels of one priority keep the apps' registration order.
    return sorted((panel for panel in panels if panel is not None), key=lambda p: p.priority)
