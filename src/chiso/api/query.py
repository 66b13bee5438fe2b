"""Reading query parameters and paging lists, with a 400 naming the parameter on bad input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.api.errors import bad_request

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
T = TypeVar("T")


def int_param(request: HttpRequest, name: str, *, minimum: int = 1) -> int | None:
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return None
    try:
        value = int(raw)
    except ValueError:
        raise bad_request(
            _("Tham số “%(name)s” phải là số nguyên.") % {"name": name}, name
        ) from None
    if value < minimum:
        raise bad_request(
            _("Tham số “%(name)s” phải từ %(min)s trở lên.") % {"name": name, "min": minimum}, name
        )
    return value


def bool_param(request: HttpRequest, name: str) -> bool | None:
    raw = request.GET.get(name, "").strip().lower()
    if raw == "":
        return None
    if raw in {"1", "true", "yes"}:
        return True
    if raw in {"0", "false", "no"}:
        return False
    raise bad_request(_("Tham số “%(name)s” phải là true hoặc false.") % {"name": name}, name)


def choice_param(request: HttpRequest, name: str, choices: Iterable[str]) -> str | None:
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return None
    allowed = list(choices)
    if raw not in allowed:
        raise bad_request(
            _("Tham số “%(name)s” phải là một trong: %(choices)s.")
            % {"name": name, "choices": ", ".join(allowed)},
            name,
        )
    return raw


def date_param(request: HttpRequest, name: str) -> dt.date | None:
    raw = request.GET.get(name, "").strip()
    if raw == "":
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise bad_request(
            _("Tham số “%(name)s” phải là ngày dạng YYYY-MM-DD.") % {"name": name}, name
        ) from None


@dataclass(frozen=True)
class PageRequest:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def page_request(request: HttpRequest) -> PageRequest:
    size = int_param(request, "page_size") or DEFAULT_PAGE_SIZE
    if size > MAX_PAGE_SIZE:
        raise bad_request(_("page_size tối đa là %(max)s.") % {"max": MAX_PAGE_SIZE}, "page_size")
    return PageRequest(int_param(request, "page") or 1, size)


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paged(
    request: HttpRequest,
    qs: QuerySet[Any],
    render: Callable[[list[Any]], list[dict[str, Any]]],
) -> dict[str, Any]:
    """One page of `qs` as `{count, next, previous, results}`; `render` turns the page's rows
    into JSON objects all at once, so related rows can be fetched in a fixed number of queries."""
    page = page_request(request)
    count = qs.count()
    rows = list(qs[page.offset : page.offset + page.size])
    if page.number > 1 and not rows:
        raise bad_request(_("Trang %(page)s không tồn tại.") % {"page": page.number}, "page")
    has_next = page.offset + page.size < count
    return {
        "count": count,
        "page": page.number,
        "page_size": page.size,
        "next": _page_url(request, page.number + 1) if has_next else None,
        "previous": _page_url(request, page.number - 1) if page.number > 1 else None,
        "results": render(rows),
    }
