"""HTTP caching of the public pages: `Cache-Control` plus an ETag built from what the page shows.

The ETag is computed before the page is built, from the data's fingerprint, the language, the
visitor (a logged-in visitor sees their name in the header) and the build token (chiso's code,
templates and served assets), so an unchanged page answers `304 Not Modified` without being
rendered again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language
from django.views.decorators.http import condition

from chiso.site.build import build_token

PUBLIC_MAX_AGE = 600  # ten minutes: results change a few times a year, plan statuses daily

View = Callable[..., HttpResponse]
EtagParts = Callable[..., str | None]


def _etag(parts: EtagParts, request: HttpRequest, *args: Any, **kwargs: Any) -> str | None:
    data = parts(request, *args, **kwargs)
    if data is None:
        return None
    user = request.user.pk if request.user.is_authenticated else "anon"
    raw = "|".join([build_token(), data, get_language() or "", str(user), request.get_full_path()])
    return hashlib.sha1(raw.encode()).hexdigest()[:24]


def cached_page(parts: EtagParts, max_age: int = PUBLIC_MAX_AGE) -> Callable[[View], View]:
    """Public, cacheable for anonymous visitors; private (browser only) for logged-in users.
    `parts(request, *args)` returns a token of the data the page depends on."""

    def decorate(view: View) -> View:
        conditional = condition(etag_func=lambda r, *a, **k: _etag(parts, r, *a, **k))(view)

        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = conditional(request, *args, **kwargs)
            if response.status_code in (200, 304):
                if request.user.is_authenticated:
                    patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
                else:
                    patch_cache_control(response, public=True, max_age=max_age)
                patch_vary_headers(response, ("Cookie", "Accept-Language"))
            return response

        return wrapped

    return decorate
