"""The site's header (brand, language switch, user menu, main menu), rendered once per kind of
viewer and language and kept in the cache: every page shows it, and rendering it (the menu's
entries, their checks and links, a dozen translations) cost ~1 ms a page.

What the cached HTML depends on is all in its key (`header_key`): the language, the viewer's
role, province (and its name), agency and staff flag, and the code that renders it (template,
menu entries, site name, URL prefix). A role changed, a province renamed, another language:
another key, shown on the next request. Users who share a key share the HTML, so what differs
between them (their name) and what differs between requests (the CSRF token, the page's own
address, the menu's current entry) are put in at each request in place of placeholders.

Menu entries' `visible_to` checks must therefore depend only on what the key holds (the role,
province and agency, through `chiso.accounts.roles`).
"""

from __future__ import annotations

import hashlib
import re
from functools import cache

from django.conf import settings
from django.core.cache import cache as django_cache
from django.http import HttpRequest
from django.template import Context, Engine
from django.template.defaulttags import CsrfTokenNode
from django.urls import get_script_prefix, get_urlconf
from django.utils import translation
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from chiso.accounts.models import User
from chiso.accounts.roles import viewer_key
from chiso.web.navigation import menu

TEMPLATE = "web/_header.html"
# A backstop only: the key changes with everything the header shows.
HEADER_TTL = 600

# Stand-ins for the per-request values while the shared HTML is rendered; letters and dashes
# only, so escaping leaves them as they are.
_CSRF = "chiso-header-csrf-input"
_NEXT = "chiso-header-next-path"
_NAME = "chiso-header-user-name"
_PLACEHOLDERS = re.compile(f"{_CSRF}|{_NEXT}|{_NAME}")


def _code_version() -> str:
    """What of the code the HTML depends on: the template's text and the menu's entries (a
    deploy that changes either must not be served the old header). Once per process, but on
    every request under DEBUG, where templates are edited while the server runs."""
    return _digest_of_code() if settings.DEBUG else _digest_once()


def _digest_of_code() -> str:
    source = Engine.get_default().get_template(TEMPLATE).source
    with translation.override(settings.LANGUAGE_CODE):
        entries = [
            (e.url_name, str(e.label), e.order, e.requires_login, e.anonymous_only) for e in menu()
        ]
    raw = repr((source, entries, settings.CHISO_SITE_NAME))
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


_digest_once = cache(_digest_of_code)


def header_key(request: HttpRequest) -> str:
    user = request.user
    logged_in = user.is_authenticated
    province = getattr(user, "province", None) if logged_in else None
    parts = (
        _code_version(),
        translation.get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
        logged_in,
        viewer_key(user),
        # What the user menu shows besides the name: the role's label and the admin link.
        str(user.get_role_display()) if isinstance(user, User) and logged_in else "",
        bool(user.is_staff) if logged_in else False,
        province.name if province is not None else None,
    )
    return "chiso-header:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def _render(context: Context, csrf_input: str, next_path: str, name: str) -> str:
    template = Engine.get_default().get_template(TEMPLATE)
    with context.push(header_csrf_input=csrf_input, header_next=next_path, header_name=name):
        return template.render(context).strip()


def render_header(context: Context) -> SafeString:
    """The header for the page being rendered: the shared HTML of the viewer's key with the
    request's own values put in (rendered outright where there is no request: error pages)."""
    csrf_input = CsrfTokenNode().render(context)
    request = context.get("request")
    if request is None or not hasattr(request, "user"):
        return mark_safe(_render(context, csrf_input, "", ""))
    key = header_key(request)
    html: str | None = django_cache.get(key)
    if html is None:
        html = _render(context, mark_safe(_CSRF), _NEXT, _NAME)
        django_cache.set(key, html, HEADER_TTL)
    user = request.user
    name = (user.get_full_name() or user.get_username()) if user.is_authenticated else ""
    values = {
        _CSRF: csrf_input,
        _NEXT: escape(request.get_full_path()),
        _NAME: conditional_escape(name),
    }
    html = _PLACEHOLDERS.sub(lambda m: values[m.group(0)], html)
    # The current page's entry in the menu: its link is the page's own path.
    path = escape(request.path)
    html = html.replace(f'<li><a href="{path}">', f'<li><a href="{path}" aria-current="page">', 1)
    return mark_safe(html)  # noqa: S308 - rendered by the template engine, values escaped above
