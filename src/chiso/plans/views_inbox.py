"""The review inbox ("Báo cáo chờ duyệt"): one page for everyone who reviews, and the agency's
reports sent back for more."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from chiso.plans import access, inbox
from chiso.site import clock


@login_required
def inbox_page(request: HttpRequest) -> HttpResponse:
    chosen = inbox.InboxFilter.from_query(request.GET)
    waiting = inbox.review_queue(request.user)
    returned = inbox.returned_queue(request.user)
    reviews = access.reviewable_filter(request.user) is not None
    today = clock.today()
    return render(
        request,
        "plans/inbox.html",
        {
            "filter": chosen,
            "reviews": reviews,
            "waiting": inbox.rows(chosen.apply(waiting), today) if reviews else [],
            "returned": inbox.rows(returned, today),
            "signoff": inbox.rows(inbox.signoff_queue(request.user), today),
            "choices": inbox.filter_choices(request.user, waiting, chosen) if reviews else None,
            "today": today,
        },
    )
