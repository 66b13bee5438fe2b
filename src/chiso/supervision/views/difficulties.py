"""Pages of difficulties and supervision recommendations: the list, raising one, one item with
its actions (answer, hand over, escalate, resolve) and history."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

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
from chiso.site import clock
from chiso.supervision import access, services
from chiso.supervision.forms import (
    AnswerForm,
    DifficultyForm,
    EscalateForm,
    HandOverForm,
    RecommendationForm,
    ResolveForm,
)
from chiso.supervision.listing import FILTERS, filtered
from chiso.supervision.models import Difficulty, Kind, State
from chiso.workflow.forms import run

if TYPE_CHECKING:
    from chiso.accounts.models import User

PAGE_SIZE = 25


@login_required
def difficulty_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    shown = request.GET.get("loc", "open")
    kind = request.GET.get("loai", "")
    qs = access.difficulties_for(request.user).filter(plan=plan)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    qs = filtered(qs, shown if shown in FILTERS else "open", clock.today())
    page = Paginator(qs.select_related("raised_by_agency", "handler", "task"), PAGE_SIZE).get_page(
        request.GET.get("trang")
    )
    return render(
        request,
        "supervision/difficulty_list.html",
        {
            "plan": plan,
            "page": page,
            "filters": FILTERS,
            "shown": shown,
            "query": urlencode({"ke-hoach": plan.pk, "loc": shown, "loai": kind}),
            "kind": kind,
            "kinds": Kind.choices,
            "today": clock.today(),
            "can_raise": access.can_raise(request.user),
            "can_recommend": access.can_recommend(request.user),
        },
    )


def _create(
    request: HttpRequest, form_class: type, service: Callable[..., Difficulty]
) -> HttpResponse:
    plan = current_plan(request)
    form = form_class(request.POST or None, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        item = run(form, service, request.user, plan, **form.cleaned_data)
        if item is not None:
            messages.success(
                request, _("Đã ghi nhận; cơ quan xử lý sẽ thấy trong danh sách của mình.")
            )
            return redirect("supervision:difficulty-detail", pk=item.pk)
    title = (
        _("Ghi kiến nghị giám sát")
        if form_class is RecommendationForm
        else _("Nêu khó khăn, vướng mắc")
    )
    return render(
        request,
        "supervision/form.html",
        {
            "form": form,
            "title": title,
            "subtitle": plan.title,
            "back": "supervision:difficulty-list",
        },
    )


@login_required
def difficulty_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_raise(request.user):
        raise PermissionDenied
    return _create(request, DifficultyForm, services.raise_difficulty)


@login_required
def recommendation_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_recommend(request.user):
        raise PermissionDenied
    return _create(request, RecommendationForm, services.add_recommendation)


def _item(request: HttpRequest, pk: int) -> Difficulty:
    qs = access.difficulties_for(request.user).select_related(
        "plan", "task", "raised_by_agency", "handler", "answered_by", "report", "direction"
    )
    return get_or_404(qs, pk=pk)


def _actions(user: User, item: Difficulty, bound: dict[str, Any]) -> dict[str, Any]:
    """The action forms this user may use on the item (a bound one keeps its errors)."""
    version = {"version": item.version}
    forms: dict[str, Any] = {}
    if access.can_handle(user, item):
        forms["answer_form"] = bound.get("answer_form") or AnswerForm(initial=version)
    if access.can_steer(user, item):
        forms["escalate_form"] = bound.get("escalate_form") or EscalateForm(initial=version)
        forms["hand_over_form"] = bound.get("hand_over_form") or HandOverForm(
            initial=version, plan=item.plan
        )
    if access.can_close(user, item):
        forms["resolve_form"] = bound.get("resolve_form") or ResolveForm(initial=version)
    return forms


def _detail(request: AuthenticatedHttpRequest, item: Difficulty, **bound: Any) -> HttpResponse:
    return render(
        request,
        "supervision/difficulty_detail.html",
        {
            "item": item,
            "today": clock.today(),
            "history": history_of(item),
            "can_record_direction": item.state == State.ESCALATED
            and access.can_record_direction(request.user),
            **_actions(request.user, item, bound),
        },
        status=400 if bound else 200,
    )


@login_required
def difficulty_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _item(request, pk))


def _act(
    request: AuthenticatedHttpRequest,
    pk: int,
    name: str,
    allowed: Callable[[Any, Difficulty], bool],
    make: Callable[[HttpRequest, Difficulty], Any],
    service: Callable[..., Difficulty],
    done: str,
) -> HttpResponse:
    item = _item(request, pk)
    if not allowed(request.user, item):
        raise PermissionDenied
    form = make(request, item)
    if form.is_valid() and run(form, service, request.user, item, **form.cleaned_data) is not None:
        messages.success(request, done)
        return redirect("supervision:difficulty-detail", pk=item.pk)
    return _detail(request, item, **{name: form})


@login_required
@require_POST
def difficulty_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "answer_form",
        access.can_handle,
        lambda r, i: AnswerForm(r.POST),
        services.answer,
        _("Đã gửi hướng dẫn, trả lời."),
    )


@login_required
@require_POST
def difficulty_escalate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "escalate_form",
        access.can_steer,
        lambda r, i: EscalateForm(r.POST),
        services.escalate,
        _("Đã ghi nội dung tham mưu UBND tỉnh."),
    )


@login_required
@require_POST
def difficulty_hand_over(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "hand_over_form",
        access.can_steer,
        lambda r, i: HandOverForm(r.POST, plan=i.plan),
        services.hand_over,
        _("Đã chuyển cơ quan xử lý."),
    )


@login_required
@require_POST
def difficulty_resolve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _act(
        request,
        pk,
        "resolve_form",
        access.can_close,
        lambda r, i: ResolveForm(r.POST),
        services.resolve,
        _("Đã ghi nhận giải quyết xong."),
    )
