"""The review inbox ("Báo cáo chờ duyệt"): one page for everyone who reviews, and the agency's
reports sent back for more."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chiso.plans import access, inbox
from chiso.site import clock

PAGE_SIZE = 25


def _query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def inbox_page(request: HttpRequest) -> HttpResponse:
    chosen = inbox.InboxFilter.from_query(request.GET)
    waiting = inbox.review_queue(request.user)
    returned = inbox.returned_queue(request.user)
    reviews = access.reviewable_filter(request.user) is not None
    today = clock.today()
    # A province may have thousands of reports waiting: the review list is paged.
    page = Paginator(inbox.detailed(chosen.apply(waiting)), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "plans/inbox.html",
        {
            "filter": chosen,
            "reviews": reviews,
            "waiting": inbox.rows(page.object_list, today) if reviews else [],
            "page": page,
            "query": _query_without_page(request),
            "returned": inbox.rows(inbox.detailed(returned), today),
            "signoff": inbox.rows(inbox.detailed(inbox.signoff_queue(request.user)), today),
            "choices": inbox.filter_choices(request.user, waiting, chosen) if reviews else None,
            "today": today,
        },
    )
