"""The staff side of citizens' feedback: the moderation queue and list with counts per commune
and per PAPI unit, and one post with its moderation and answer forms and history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities.views.common import current_plan
from chiso.audit.history import history_of
from chiso.plans.access import get_or_404
from chiso.supervision import access, services
from chiso.supervision.feedback_counts import feedback_counts
from chiso.supervision.forms import FeedbackAnswerForm, ModerateForm
from chiso.supervision.models import Feedback, FeedbackState
from chiso.workflow.forms import run

PAGE_SIZE = 25


@login_required
def feedback_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    state = request.GET.get("trang-thai", FeedbackState.PENDING)
    state = state if state in FeedbackState.values else FeedbackState.PENDING
    mine = access.feedback_for(request.user).filter(plan=plan)
    page = Paginator(
        mine.filter(state=state).select_related("task", "commune"), PAGE_SIZE
    ).get_page(request.GET.get("trang"))
    return render(
        request,
        "supervision/feedback_list.html",
        {
            "plan": plan,
            "page": page,
            "state": state,
            "states": FeedbackState.choices,
            "counts": feedback_counts(mine, plan.year),
            "query": f"ke-hoach={plan.pk}&trang-thai={state}",
        },
    )


def _item(request: HttpRequest, pk: int) -> Feedback:
    qs = access.feedback_for(request.user).select_related("plan", "task", "commune")
    return get_or_404(qs, pk=pk)


def _detail(request: HttpRequest, item: Feedback, **bound: Any) -> HttpResponse:
    version = {"version": item.version}
    context: dict[str, Any] = {"item": item, "history": history_of(item)}
    if item.state == FeedbackState.PENDING and access.can_moderate(request.user, item):
        context["moderate_form"] = bound.get("moderate_form") or ModerateForm(initial=version)
    if access.can_answer_feedback(request.user, item):
        context["answer_form"] = bound.get("answer_form") or FeedbackAnswerForm(
            initial={**version, "answer": item.answer, "publish": item.published or not item.answer}
        )
    context["shows_contact"] = access.may_see_contact(request.user, item)
    return render(
        request, "supervision/feedback_detail.html", context, status=400 if bound else 200
    )


@login_required
def feedback_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _item(request, pk))


@login_required
@require_POST
def feedback_moderate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    if not access.can_moderate(request.user, item):
        raise PermissionDenied
    form = ModerateForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        done = run(
            form,
            services.moderate,
            request.user,
            item,
            accept=accept,
            version=form.cleaned_data["version"],
        )
        if done is not None:
            messages.success(request, _("Đã kiểm duyệt góp ý."))
            return redirect("supervision:feedback-detail", pk=item.pk)
    return _detail(request, item, moderate_form=form)


@login_required
@require_POST
def feedback_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    if not access.can_answer_feedback(request.user, item):
        raise PermissionDenied
    form = FeedbackAnswerForm(request.POST)
    if form.is_valid():
        answered = run(form, services.answer_feedback, request.user, item, **form.cleaned_data)
        if answered is not None:
            messages.success(request, _("Đã trả lời góp ý."))
            return redirect("supervision:feedback-detail", pk=item.pk)
    return _detail(request, item, answer_form=form)
