"""An assignment's thread of progress reports as its page shows it.

The rendered thread is cached (chiso.web.fragments) for everyone who cannot review: an agency
officer opening the report form costs no thread queries. Reviewers get it rendered on every
request because it carries their review forms (with CSRF tokens).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from chiso.accounts.models import User
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.plans import access
from chiso.plans.forms import ReviewForm, SignOffForm
from chiso.plans.models import Assignment, ProgressReport, ReportState
from chiso.web.fragments import Fragment


@dataclass(frozen=True)
class ThreadPart:
    html: SafeString
    waiting: bool  # the latest report awaits review: no new report until it is reviewed
    returned: ProgressReport | None  # the first returned report not yet revised


def load_thread(assignment: Assignment) -> list[ProgressReport]:
    return list(
        assignment.reports.select_related("author", "reviewer", "head_reviewer", "revises")
        .prefetch_related("evidence", "revisions")
        .order_by("submitted_at", "id")
    )


WAITING = (ReportState.SUBMITTED, ReportState.AWAITING_HEAD)


def _decision_form(
    user: User, assignment: Assignment, report: ProgressReport
) -> ReviewForm | SignOffForm | None:
    """The form the user may decide a report with: Sở Nội vụ's review, the head's sign-off."""
    initial = {"version": report.version}
    if report.author_id == user.pk:
        return None  # nobody decides on their own report
    if report.state == ReportState.SUBMITTED and access.can_review(user, assignment):
        return ReviewForm(initial=initial)
    if report.state == ReportState.AWAITING_HEAD and access.can_sign_off(user, assignment):
        return SignOffForm(initial=initial)
    return None


def thread_part(
    request: AuthenticatedHttpRequest,
    assignment: Assignment,
    review_forms: dict[int, ReviewForm | SignOffForm] | None,
    page: Fragment,
) -> ThreadPart:
    """The thread; `page` is the assignment page's fragment key for this viewer."""
    if access.can_review(request.user, assignment) or access.can_sign_off(request.user, assignment):
        return _render(request, assignment, review_forms or {}, reviewing=True)
    key = f"thread:{page.key}"
    part: ThreadPart | None = cache.get(key)
    if part is None:
        part = _render(request, assignment, {}, reviewing=False)
        cache.set(key, part, page.ttl)
    return part


def _render(
    request: AuthenticatedHttpRequest,
    assignment: Assignment,
    review_forms: dict[int, ReviewForm | SignOffForm],
    *,
    reviewing: bool,
) -> ThreadPart:
    thread = load_thread(assignment)
    forms = dict(review_forms)
    if reviewing:
        for report in thread:
            form = _decision_form(request.user, assignment, report)
            if form is not None and report.pk not in forms:
                forms[report.pk] = form
    html = render_to_string(
        "plans/_thread.html",
        {
            "thread": [(r, forms.get(r.pk)) for r in thread],
            # A sub-assignment's reports are reviewed by the agency that handed it down.
            "reviewing_agency": (
                assignment.parent.agency.name  # type: ignore[union-attr]
                if assignment.parent_id is not None
                else ""
            ),
        },
        request=request if reviewing else None,  # the review forms' CSRF tokens
    )
    returned = [r for r in thread if r.state == ReportState.RETURNED and not r.revisions.all()]
    return ThreadPart(
        mark_safe(html),  # rendered (and escaped) by the template engine
        waiting=any(r.state in WAITING for r in thread),
        returned=returned[0] if returned else None,
    )
