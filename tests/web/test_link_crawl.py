"""No link to a page the viewer may not open (issue 14, item 5): as each demo role, every link on
the home page and on the menu's pages answers 200 (after the redirects a link is meant to make,
e.g. a notification that opens its page). Links are followed one level deep, each once per role."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urldefrag, urlsplit

from django.core.management import call_command
from django.test import Client, override_settings

from chiso.accounts.models import User

ROLES = ["admin", "sonoivu", "nhatrang", "camranh", "mttq", "lanhdao", "ldnhatrang", "ldcamranh"]
HREF = re.compile(r'href="([^"]+)"')
# Not pages: files served as they are, the language switch, the admin (its own app and tests),
# generated downloads (their own tests), and printing views.
SKIP = re.compile(
    r"^/(static|media|i18n|quan-tri)/|\.(xlsx|docx|pdf|csv|yaml|json|png|svg|ico)(\?|$)|/tai-ve/"
)


def _links(html: str) -> Iterable[str]:
    for href in HREF.findall(html):
        url = urldefrag(href.replace("&amp;", "&"))[0]
        if url.startswith("/") and not url.startswith("//") and not SKIP.search(url):
            yield url


def _menu(client: Client) -> list[str]:
    response = client.get("/")
    return ["/", *(item.url for item in response.context["nav_items"])]


@override_settings(CHISO_TODAY="2023-08-15")
def test_every_link_each_role_is_shown_opens(db, settings, papi_data_dir):
    settings.CHISO_SHARED_DIR = papi_data_dir.parent.parent
    call_command("load_demo", verbosity=0)
    broken: list[str] = []
    for username in ROLES:
        broken += _crawl(username)
    assert not broken, "\n".join(broken)


def _crawl(username: str) -> list[str]:
    client = Client()
    client.force_login(User.objects.get(username=username))
    seen: set[str] = set()
    broken: list[str] = []
    for start in _menu(client):
        page = client.get(start, follow=True)
        if page.status_code != 200:
            broken.append(f"{username}: menu page {start} → {page.status_code}")
            continue
        for url in _links(page.content.decode()):
            if url in seen or urlsplit(url).path == "/dang-xuat/":
                continue
            seen.add(url)
            status = client.get(url, follow=True).status_code
            if status != 200:
                broken.append(f"{username}: {start} → {url}: {status}")
    assert seen, f"{username}: no links found"
    return broken
