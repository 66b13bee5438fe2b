"""Where the public pages get their figures: the results stored with `chiso import-results`."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from chiso.index import Results
from chiso.results import store
from chiso.results.errors import NoResults


def current_results(index: str = "PAPI") -> Results | None:
    """The stored results of `index`, or None before any import (pages then say so)."""
    try:
        return store.load_results(index)
    except NoResults:
        return None


@lru_cache(maxsize=8)
def fingerprint(results: Results) -> str:
    """A short digest of every score: the same data gives the same ETag in every process."""
    digest = hashlib.sha1(results.index.encode())
    digest.update(repr(results.years).encode())
    digest.update(results.arrays.score.tobytes())
    return digest.hexdigest()[:16]
