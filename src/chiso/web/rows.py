"""Rows of a table cached one by one, each under the key of its own data.

A page whose rows change one at a time (a report on task 12 changes task 12's row of the task
list, nothing else) keeps each row's HTML under a key that holds what that row depends on (e.g.
the province's `shared` counter and the task's own `ScopeRevision`, `chiso.web.fragments.fragment`).
On a request the page asks the cache for all its rows at once (`get_many`) and renders only the
ones it misses, in one call, so a change re-renders the rows it touched and no others.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

from chiso.web.fragments import FRAGMENT_TTL

K = TypeVar("K", bound=Hashable)

PREFIX = "row:"


def cached_rows(
    keys: Sequence[tuple[K, str]],
    render: Callable[[list[K]], dict[K, str]],
    ttl: int = FRAGMENT_TTL,
) -> list[SafeString]:
    """The HTML of each row, in the order of `keys` ((row id, cache key) pairs). `render` is
    called once with the ids of the rows not in the cache and returns their HTML by id (already
    escaped: a rendered template); those are stored for the next request. A ttl of 0 stores
    nothing (every row rendered)."""
    found: dict[str, str] = cache.get_many([PREFIX + key for _id, key in keys]) if ttl else {}
    missing = [row_id for row_id, key in keys if PREFIX + key not in found]
    if missing:
        fresh = render(missing)
        new = {PREFIX + key: fresh[row_id] for row_id, key in keys if row_id in fresh}
        if ttl:
            cache.set_many(new, ttl)
        found.update(new)
    # A row `render` did not return (deleted meanwhile) is left out.
    return [mark_safe(found[PREFIX + key]) for _id, key in keys if PREFIX + key in found]  # noqa: S308
