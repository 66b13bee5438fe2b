from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from chiso.web.navigation import menu


def site(request: HttpRequest) -> dict[str, object]:
    """The header shows the user's province; anonymous visitors see the app's own name."""
    user = getattr(request, "user", None)
    province = getattr(user, "province", None) if user and user.is_authenticated else None
    return {
        # Not "site_name": Django's log-in view puts the request's host under that name.
        "chiso_site_name": settings.CHISO_SITE_NAME or _("chiso — Chỉ số quản trị"),
        "user_province": province,
        # Read only when the header is rendered, not taken from the cache (chiso.web.header).
        "nav_items": SimpleLazyObject(lambda: nav_items(request)),
    }


class NavItem(NamedTuple):
    url: str
    label: str
    badge_id: str  # "": no badge; else the element the menu counts fill in (web.views)


def nav_items(request: HttpRequest) -> list[NavItem]:
    """Navigation entries registered by the apps, shown only where the URL exists."""
    from django.urls import NoReverseMatch, reverse

    user = getattr(request, "user", None)
    logged_in = bool(user and user.is_authenticated)
    items = []
    for entry in menu():
        if (entry.requires_login and not logged_in) or (entry.anonymous_only and logged_in):
            continue
        if entry.visible_to is not None and not entry.visible_to(user):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append(NavItem(url, str(entry.label), entry.badge_id))
    return items
