"""Parts of pages kept in the cache until the province's data changes.

The heavy parts of the dashboard, the task list, the deadline lists and an assignment's page are
cached with Django's `{% cache %}` tag under a `Fragment` key that holds everything their HTML
depends on: the province's data revision (raised in the same transaction as every audited
change), today's date (statuses are derived from it), the language, and what the view adds (the
viewer's scope, filters, page number). A change anywhere in the province retires its fragments
at once.

Fragments never hold CSRF tokens or other per-request values: forms stay outside them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

from chiso.accounts.roles import sees_all_provinces
from chiso.audit.services import revision_of
from chiso.site import clock

if TYPE_CHECKING:
    from chiso.accounts.models import User

# A backstop for changes made outside the audited services (an agency renamed in the admin):
# they show within this many seconds.
FRAGMENT_TTL = 600


@dataclass(frozen=True)
class Fragment:
    key: str
    ttl: int = FRAGMENT_TTL


T = TypeVar("T")


def kept(key: str, ttl: int, make: Callable[[], T]) -> T:
    """`make()`, kept in the cache under `key` for `ttl` seconds (a fragment's key and ttl, or
    a value's of the same data); a ttl of 0 (a national viewer's: never stored) makes it every
    time and stores nothing."""
    found: T | None = cache.get(key) if ttl else None
    if found is None:
        found = make()
        if ttl:
            cache.set(key, found, ttl)
    return found


def province_fragment(user: User, *parts: object) -> Fragment:
    """A fragment of the user's own province's data; for a national viewer (every province's
    data) a key that is never stored (ttl 0: rendered on every request)."""
    if sees_all_provinces(user) or user.province_id is None:
        return Fragment("", ttl=0)
    return fragment(user.province_id, *parts)


def fragment(province_id: int, *parts: object, revision: int | None = None) -> Fragment:
    """The cache key of a fragment of `province_id`'s data; `parts` are the view's own
    variables (reprs must be stable: ints, strings, dates, tuples of those). Pass `revision`
    when the page's object was fetched `with_revision` (one query fewer)."""
    if revision is None:
        revision = revision_of(province_id)
    raw = repr((province_id, revision, clock.today().isoformat(), get_language(), parts))
    return Fragment(hashlib.sha256(raw.encode()).hexdigest()[:32])
