"""What the home page shows: each app registers a panel provider (declared as data)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.http import HttpRequest


@dataclass(frozen=True)
class HomePanel:
    title: str
    template: str
    context: dict[str, object] = field(default_factory=dict)


PanelProvider = Callable[[HttpRequest], HomePanel | None]
PANEL_PROVIDERS: list[PanelProvider] = []


def home_panels(request: HttpRequest) -> list[HomePanel]:
    panels = (provider(request) for provider in PANEL_PROVIDERS)
    return [panel for panel in panels if panel is not None]
