"""The review inbox ("Báo cáo chờ duyệt"): one page for everyone who reviews, and the agency's
reports sent back for more.

Its lists are a cached fragment (chiso.web.fragments) of the viewer's own: every report
submitted, decided or revised is an audited change that retires it, and the days waiting are
counted from today, which is part of the key."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.contrib.auth.decorators import login_required
from django.core.paginator import Page, Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from chiso.accounts import roles
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.plans import access, inbox
from chiso.plans.models import ProgressReport
from chiso.site import clock
from chiso.web.fragments import province_fragment

if TYPE_CHECKING:
    from chiso.accounts.models import User

PAGE_SIZE = 25


@dataclass(frozen=True)
class InboxLists:
    reviews: bool  # the user reviews reports: the waiting list and its filters are shown
    page: Page[ProgressReport]
    waiting: list[ProgressReport]
    returned: list[ProgressReport]
    signoff: list[ProgressReport]
    choices: inbox.FilterChoices | None


def _lists(
    request: AuthenticatedHttpRequest, chosen: inbox.InboxFilter, today: dt.date
) -> InboxLists:
    user: User = request.user
    waiting = inbox.review_queue(user)
    # The province's reviewers, and agencies that handed work down to the agencies under them.
    reviews = access.reviews_for_province(user) or access.oversees_sub_assignments(user)
    # A province may have thousands of reports waiting: the review list is paged.
    page = Paginator(inbox.detailed(chosen.apply(waiting)), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return InboxLists(
        reviews=reviews,
        page=page,
        waiting=inbox.rows(page.object_list, today) if reviews else [],
        returned=inbox.rows(inbox.detailed(inbox.returned_queue(user)), today),
        signoff=inbox.rows(inbox.detailed(inbox.signoff_queue(user)), today),
        choices=inbox.filter_choices(user, waiting, chosen) if reviews else None,
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
    return render(
        request,
        "plans/inbox.html",
        {
            # The user's own key: the queues leave out their own reports.
            "fragment": province_fragment(
                user, "inbox", user.pk, roles.viewer_key(user), sorted(request.GET.lists())
            ),
            "inbox": SimpleLazyObject(lambda: _lists(request, chosen, today)),
            "filter": chosen,
            "query": _query_without_page(request),
            "today": today,
        },
    )
