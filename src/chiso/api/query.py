"""Reading query parameters and paging lists, with a 400 naming the parameter on bad input."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.core.exceptions import EmptyResultSet
from django.db.models import Count, QuerySet, Window
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chiso.api.errors import bad_request, not_found
from chiso.api.schemas import Schema

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
T = TypeVar("T")
_INTEGER = re.compile(r"-?[0-9]+")  # ASCII digits only: int() would also take "1_0", "٣"


@dataclass(frozen=True)
class IntRange:
    """The values an integer parameter may take: the views check them and the OpenAPI document
    declares them from the same object, so the two cannot disagree."""

    minimum: int
    maximum: int

    def schema(self) -> Schema:
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum}

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int) and self.minimum <= value <= self.maximum


# Ids are 64-bit on both databases; a larger number can name no row.
ID = IntRange(1, 2**63 - 1)
YEAR = IntRange(2000, 2100)
PAGE = IntRange(1, 2**63 - 1)
PAGE_SIZE = IntRange(1, MAX_PAGE_SIZE)


def _raw(request: HttpRequest, name: str) -> str | None:
    """The parameter as sent, or None when absent. Present but empty is not absent: `?plan=`
    is no integer, and the document says so."""
    return request.GET.get(name)


def int_param(request: HttpRequest, name: str, allowed: IntRange = ID) -> int | None:
    raw = _raw(request, name)
    if raw is None:
        return None
    if not _INTEGER.fullmatch(raw):
        raise bad_request(_("Tham số “%(name)s” phải là số nguyên.") % {"name": name}, name)
    # More digits than any allowed value has is out of range without converting (int() refuses
    # very long strings).
    value = int(raw) if len(raw) <= 25 else None
    if value not in allowed:
        raise bad_request(
            _("Tham số “%(name)s” phải từ %(min)s đến %(max)s.")
            % {"name": name, "min": allowed.minimum, "max": allowed.maximum},
            name,
        )
    return value


def bool_param(request: HttpRequest, name: str) -> bool | None:
    raw = _raw(request, name)
    if raw is None:
        return None
    if raw == "true":
        return True
    if raw == "false":
        return False
    raise bad_request(_("Tham số “%(name)s” phải là true hoặc false.") % {"name": name}, name)


def choice_param(request: HttpRequest, name: str, choices: Iterable[str]) -> str | None:
    raw = _raw(request, name)
    if raw is None:
        return None
    allowed = list(choices)
    if raw not in allowed:
        raise bad_request(
            _("Tham số “%(name)s” phải là một trong: %(choices)s.")
            % {"name": name, "choices": ", ".join(allowed)},
            name,
        )
    return raw


@dataclass(frozen=True)
class PageRequest:
    number: int
    size: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size


def page_request(request: HttpRequest) -> PageRequest:
    size = int_param(request, "page_size", PAGE_SIZE) or DEFAULT_PAGE_SIZE
    return PageRequest(int_param(request, "page", PAGE) or 1, size)


def _page_url(request: HttpRequest, number: int) -> str:
    query = request.GET.copy()
    query["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


# Beyond this no table has rows (and SQLite's OFFSET overflows): such a page is not read.
MAX_OFFSET = 2**53


def _counted(qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.annotate(_count=Window(Count("pk"))).values_list("pk", "_count")


def _page_ids(qs: QuerySet[Any], page: PageRequest) -> tuple[list[Any], int | None]:
    """The page's ids and the count of all rows, in one query on one table: the ids read in the
    index's order, the count as a window over them (None when it cannot be had that way: an
    empty page, or a DISTINCT list, whose window would count the duplicates)."""
    if qs.query.distinct:
        return list(qs.values_list("pk", flat=True)[page.offset : page.offset + page.size]), None
    pairs = list(_counted(qs)[page.offset : page.offset + page.size])
    return [pk for pk, _n in pairs], (pairs[0][1] if pairs else None)


def page_sql(qs: QuerySet[Any], page: PageRequest) -> tuple[str, tuple[Any, ...]] | None:
    """The SQL and parameters of `_page_ids`'s query (the page's ids, then the count of all
    rows), for a reader that joins the rows to it in one statement; None for a DISTINCT list,
    or a list that can hold nothing (`none()`: a viewer who sees no assignment), which has no
    SQL at all."""
    if qs.query.distinct:
        return None
    try:
        sql, params = _counted(qs)[page.offset : page.offset + page.size].query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, tuple(params)


def _page_rows(qs: QuerySet[Any], ids: list[Any]) -> list[Any]:
    """The rows of `ids` with their related rows, in the ids' order. Read apart from the ids:
    in one query PostgreSQL may join every matching row of the province (or walk the joined
    tables' keys from the first) before it takes the page."""
    found = qs.order_by().in_bulk(ids)  # no sort in SQL (the models' orderings join tables)
    return [found[pk] for pk in ids if pk in found]


def paged(
    request: HttpRequest,
    qs: QuerySet[Any],
    render: Callable[[list[Any]], list[dict[str, Any]]],
    rows: Callable[[list[Any]], list[Any]] | None = None,
    joined: Callable[[str, tuple[Any, ...]], tuple[list[Any], int | None]] | None = None,
) -> dict[str, Any]:
    """One page of `qs` as `{count, next, previous, results}`; `render` turns the page's rows
    into JSON objects all at once, so related rows can be fetched in a fixed number of queries.
    `rows` reads the page's rows from their ids (in their order) when the list's filters and
    annotations would cost more to compile and evaluate again than the ids need; the ids come
    from `qs` either way. `joined` instead reads the rows and the count at once, given the SQL
    of the page's ids and count (`page_sql`). A page past the last is 404."""
    page = page_request(request)
    found: list[Any] | None = None
    ids: list[Any] = []
    count: int | None = None
    if page.offset < MAX_OFFSET:
        sql = page_sql(qs, page) if joined is not None else None
        if sql is not None and joined is not None:
            found, count = joined(*sql)
        else:
            ids, count = _page_ids(qs, page)
    if count is None:
        count = qs.count()
    if page.number > 1 and page.offset >= count:
        raise not_found(_("Trang %(page)s không tồn tại.") % {"page": page.number}, "page")
    if found is None:
        found = _page_rows(qs, ids) if rows is None else rows(ids)
    has_next = page.offset + page.size < count
    return {
        "count": count,
        "page": page.number,
        "page_size": page.size,
        "next": _page_url(request, page.number + 1) if has_next else None,
        "previous": _page_url(request, page.number - 1) if page.number > 1 else None,
        "results": render(found),
    }
