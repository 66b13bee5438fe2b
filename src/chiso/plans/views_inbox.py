"""The review inbox ("Báo cáo chờ duyệt"): one page for everyone who reviews, and the agency's
reports sent back for more.

Its lists are a cached fragment (chiso.web.fragments) of the viewer's own: every report
submitted, decided or revised is an audited change that retires it, and the days waiting are
counted from today, which is part of the key. Under it, each list is its reports' ids (one query)
and each row's HTML is cached under its own report's changes (plans.inbox_rows), so after a
review only the rows that changed are rendered again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString

from chiso.accounts import roles
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.plans import access, inbox, inbox_filters, inbox_rows
from chiso.site import clock
from chiso.web.fragments import Fragment, fragment

if TYPE_CHECKING:
    from chiso.accounts.models import User

PAGE_SIZE = 25


@dataclass(frozen=True)
class InboxLists:
    reviews: bool  # the user reviews reports: the waiting list and its filters are shown
    page: Page[Any] | None  # the waiting list's page: (id, version, state, task id) tuples
    waiting: list[SafeString]  # each list's rows, as HTML
    returned: list[SafeString]
    signoff: list[SafeString]
    filters: SafeString  # the filters' form (empty: the user reviews nothing)


@dataclass(frozen=True)
class Body:
    """The cached body's fragment, and the province's `shared` counter read with its key."""

    fragment: Fragment
    shared: int


def _body(user: User, *parts: object) -> Body:
    """Like `province_fragment`, with the `shared` counter from the same query."""
    if roles.sees_all_provinces(user) or user.province_id is None:
        return Body(Fragment("", ttl=0), 0)
    number, shared = inbox_rows.counters(user.province_id)
    return Body(fragment(user.province_id, *parts, revision=number), shared)


def _lists(
    request: AuthenticatedHttpRequest, chosen: inbox.InboxFilter, today: dt.date, body: Body
) -> InboxLists:
    user: User = request.user
    parts = access.reviewable(user)  # the review rules, read once
    waiting = inbox.review_queue(user, parts)
    # The province's reviewers, and agencies that handed work down to the agencies under them.
    reviews = parts.province is not None or access.oversees_sub_assignments(user)
    # One grouped query for the filters' choices and, unfiltered, the list's length.
    summary = inbox_filters.waiting_summary(waiting) if reviews else None
    count = summary.count if summary is not None and not chosen.active else None
    # A province may have thousands of reports waiting: the review list is paged.
    page = (
        inbox_rows.page_of(chosen.apply(waiting), request.GET.get("page"), PAGE_SIZE, count)
        if reviews
        else None
    )
    lists = [
        inbox_rows.refs(page.object_list) if page is not None else [],
        inbox_rows.refs(inbox_rows.frame(inbox.returned_queue(user))),
        inbox_rows.refs(inbox_rows.frame(inbox.signoff_queue(user))),
    ]
    province_id = user.province_id or 0
    ttl = body.fragment.ttl
    # A national viewer's body is never stored (ttl 0): nor are its rows.
    html = inbox_rows.row_html(province_id, lists, body.shared, today, ttl)
    filters = (
        inbox_filters.filters_html(
            inbox_filters.filter_choices(user, summary, chosen, body.shared, ttl), chosen
        )
        if summary is not None
        else SafeString()
    )
    return InboxLists(
        reviews=reviews,
        page=page,
        waiting=html[0],
        returned=html[1],
        signoff=html[2],
        filters=filters,
    )


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def inbox_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    user: User = request.user
    chosen = inbox.InboxFilter.from_query(request.GET)
    today = clock.today()
    # The user's own key: the queues leave out their own reports.
    body = _body(user, "inbox", user.pk, roles.viewer_key(user), sorted(request.GET.lists()))
    return render(
        request,
        "plans/inbox.html",
        {
            "fragment": body.fragment,
            "inbox": SimpleLazyObject(lambda: _lists(request, chosen, today, body)),
            "filter": chosen,
            "query": _query_without_page(request),
            "today": today,
        },
    )
