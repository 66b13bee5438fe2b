"""The main menu and the header's bell, declared as data. Each app registers its own entries
from its AppConfig.ready (`register_entry`), with the checks and counts it owns, so the menu's
app never imports them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from chiso.accounts.models import User


@dataclass(frozen=True)
class NavEntry:
    url_name: str
    label: str | Promise
    # Position in the menu, smallest first.
    order: int = 100
    requires_login: bool = True
    # Shown only when this returns True for the user (the page checks again on the server). The
    # header is cached per role, province and agency (chiso.web.header): read nothing else.
    visible_to: Callable[[Any], bool] | None = None
    # Hidden from logged-in users (they have a fuller page for the same thing).
    anonymous_only: bool = False
    # A count shown beside the label (things waiting for the user); 0 shows nothing. Counted
    # by `web.views.menu_counts`, which the page calls after it loads: pages served from the
    # fragment cache stay a few queries whatever the counts cost.
    badge: Callable[[Any], int] | None = None
    # False: not a menu entry but the header's bell (its badge is counted with the menu's).
    in_menu: bool = True

    @property
    def badge_id(self) -> str:
        return f"badge-{self.url_name.replace(':', '-')}" if self.badge is not None else ""


_ENTRIES: dict[str, NavEntry] = {}


def register_entry(entry: NavEntry) -> None:
    """Add (or, in tests that start the apps again, replace) the entry for its URL name."""
    _ENTRIES[entry.url_name] = entry


def menu() -> list[NavEntry]:
    return sorted((e for e in _ENTRIES.values() if e.in_menu), key=lambda e: e.order)


def badge_counts(user: User) -> list[tuple[str, int]]:
    """(element id, count) for every badge the user sees: the menu's and the bell's."""
    return [
        (entry.badge_id, entry.badge(user))
        for entry in _ENTRIES.values()
        if entry.badge is not None and (entry.visible_to is None or entry.visible_to(user))
    ]


register_entry(NavEntry("home", _("Trang chủ"), order=10, requires_login=False))
