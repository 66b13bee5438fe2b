"""API views of the supervision loop (issue 20): difficulties and the Front's supervision
recommendations (list, raise, answer, hand over, escalate, resolve), the People's Committee's
directions (list, record one with its follow-up work), citizens' feedback for staff (moderate,
answer).

Objects come only through `chiso.supervision.access` (another province's, or another agency's,
is a 404); every change is a `chiso.supervision.services` function, which checks the rules and
writes the audit log. A step the item's state does not take now, or a well-formed value the
rules refuse, is a 409; a step the user may not take is a 403, said before any field is read; a
malformed field is a 400 naming it."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.api import forms_supervision as forms
from chiso.api.auth import api_view
from chiso.api.errors import ApiError, forbidden, json_response
from chiso.api.forms_activities import form_choice, require_form
from chiso.api.query import bool_param, choice_param, int_param, paged
from chiso.api.representations_supervision import (
    difficulty_json,
    direction_detail_json,
    direction_json,
    feedback_detail_json,
    feedback_json,
)
from chiso.plans.access import get_or_404
from chiso.plans.models import Assignment
from chiso.site import clock
from chiso.supervision import access, services
from chiso.supervision.listing import direction_status_q, overdue_q
from chiso.supervision.models import (
    OPEN_STATES,
    Difficulty,
    DirectionStatus,
    Feedback,
    FeedbackState,
    Kind,
    State,
)
from chiso.workflow.errors import ServiceError, StaleVersion

STEP_STATES = frozenset({State.OPEN, State.ANSWERED})


def _filtered(request: HttpRequest, qs: QuerySet[Any], **fields: str) -> QuerySet[Any]:
    for name, field in fields.items():
        value = int_param(request, name)
        if value is not None:
            qs = qs.filter(**{field: value})
    return qs


def _conflict(exc: ServiceError) -> ServiceError | ApiError:
    """A well-formed request the rules refuse (a due date before today, an unknown PAPI code, an
    assignment of another agency, a post already moderated) conflicts with the data as they
    stand: 409, naming the field when there is one. A version that moved on stays 409
    `stale_version`."""
    if isinstance(exc, StaleVersion):
        return exc
    return ApiError(409, "conflict", exc.message, exc.field)


# --- difficulties and recommendations ---------------------------------------------------


def _items(request: HttpRequest) -> QuerySet[Difficulty]:
    return access.difficulties_for(request.user).select_related("raised_by_agency", "handler")


def _item_response(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    return json_response(difficulty_json(_items(request).get(pk=pk), clock.today()), status)


def _list_items(request: HttpRequest, kind: str | None) -> HttpResponse:
    today = clock.today()
    qs = _items(request).order_by("-raised_on", "-id")
    kind = kind or choice_param(request, "kind", Kind.values)
    if kind:
        qs = qs.filter(kind=kind)
    qs = _filtered(
        request, qs, plan="plan_id", handler="handler_id", raised_by="raised_by_agency_id"
    )
    state = choice_param(request, "state", State.values)
    if state:
        qs = qs.filter(state=state)
    overdue = bool_param(request, "overdue")
    if overdue is not None:
        qs = qs.filter(overdue_q(today)) if overdue else qs.exclude(overdue_q(today))
    return json_response(paged(request, qs, lambda rows: [difficulty_json(d, today) for d in rows]))


@api_view(methods=("GET", "POST"))
def difficulty_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _list_items(request, None)
    if not access.can_raise(request.user):
        raise forbidden(_("Anh/chị không được nêu khó khăn, vướng mắc."))
    require_form(request)
    plan, fields = forms.difficulty_fields(request)
    try:
        item = services.raise_difficulty(request.user, plan, **fields)
    except ServiceError as exc:
        raise _conflict(exc) from None
    return _item_response(request, item.pk, 201)


@api_view(methods=("GET", "POST"))
def recommendation_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _list_items(request, Kind.RECOMMENDATION)
    if not access.can_recommend(request.user):
        raise forbidden(_("Chỉ Mặt trận Tổ quốc ghi kiến nghị giám sát."))
    require_form(request)
    plan, fields = forms.recommendation_fields(request)
    try:
        item = services.add_recommendation(request.user, plan, **fields)
    except ServiceError as exc:
        raise _conflict(exc) from None
    return _item_response(request, item.pk, 201)


@api_view()
def difficulty_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return json_response(difficulty_json(get_or_404(_items(request), pk=pk), clock.today()))


StepItem = TypeVar("StepItem", Difficulty, Feedback)


def _take_step(
    request: HttpRequest,
    item: StepItem,
    states: Collection[str],
    allowed: Callable[[Any, StepItem], bool],
    act: Callable[[StepItem], Any],
    wrong_state: str,
) -> None:
    """One step of a difficulty's or a post's handling: 409 in a state that does not allow it,
    403 for a role that may not take it (before any field is read), 409 naming the field the
    service refuses."""
    if item.state not in states:
        raise ApiError(409, "conflict", wrong_state % {"state": item.get_state_display()})
    if not allowed(request.user, item):
        raise PermissionDenied
    require_form(request)
    try:
        act(item)
    except ServiceError as exc:
        raise _conflict(exc) from None


def _step(
    request: HttpRequest,
    pk: int,
    states: Collection[str],
    allowed: Callable[[Any, Difficulty], bool],
    act: Callable[[Difficulty], Any],
) -> HttpResponse:
    item = get_or_404(_items(request).select_related("plan"), pk=pk)
    wrong_state = _("Mục này đang ở trạng thái “%(state)s”: không thực hiện được bước này.")
    _take_step(request, item, states, allowed, act, wrong_state)
    return _item_response(request, item.pk)


@api_view(methods=("POST",))
def difficulty_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def act(item: Difficulty) -> Any:
        text = forms.step_text(request, "text")
        return services.answer(request.user, item, text=text, version=forms.version(request))

    return _step(request, pk, STEP_STATES, access.can_handle, act)


@api_view(methods=("POST",))
def difficulty_hand_over(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def act(item: Difficulty) -> Any:
        fields = forms.hand_over_fields(request, item.plan)
        return services.hand_over(request.user, item, **fields, version=forms.version(request))

    return _step(request, pk, STEP_STATES, access.can_steer, act)


@api_view(methods=("POST",))
def difficulty_escalate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def act(item: Difficulty) -> Any:
        proposal = forms.step_text(request, "proposal")
        return services.escalate(
            request.user, item, proposal=proposal, version=forms.version(request)
        )

    return _step(request, pk, STEP_STATES, access.can_steer, act)


@api_view(methods=("POST",))
def difficulty_resolve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def act(item: Difficulty) -> Any:
        resolution = forms.step_text(request, "resolution")
        return services.resolve(
            request.user, item, resolution=resolution, version=forms.version(request)
        )

    return _step(request, pk, OPEN_STATES, access.can_close, act)


# --- directions ---------------------------------------------------------------------------


def _list_directions(request: HttpRequest) -> HttpResponse:
    today = clock.today()
    qs = _filtered(
        request, access.directions_for(request.user).order_by("-issued_on", "-id"), plan="plan_id"
    )
    status = choice_param(request, "status", DirectionStatus.values)
    if status:
        qs = qs.filter(direction_status_q(status, today))
    return json_response(paged(request, qs, lambda rows: [direction_json(d, today) for d in rows]))


@api_view(methods=("GET", "POST"))
def direction_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _list_directions(request)
    if not access.can_record_direction(request.user):
        raise forbidden(_("Chỉ Sở Nội vụ ghi nhận chỉ đạo của UBND tỉnh."))
    require_form(request)
    plan, fields = forms.direction_fields(request)
    try:
        direction = services.record_direction(request.user, plan, **fields)
    except ServiceError as exc:
        raise _conflict(exc) from None
    return _direction_response(request, direction.pk, 201)


@api_view()
def direction_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    get_or_404(access.directions_for(request.user), pk=pk)
    return _direction_response(request, pk)


def _direction_response(request: HttpRequest, pk: int, status: int = 200) -> HttpResponse:
    """The direction with its follow-up's parts and the difficulties it answers."""
    direction = access.directions_for(request.user).get(pk=pk)
    parts = (
        Assignment.objects.top_level()
        .filter(task_id=direction.follow_up_task_id)
        .select_related("agency", "task")
        .order_by("agency__name", "id")
        if direction.follow_up_task_id
        else Assignment.objects.none()
    )
    answered = access.difficulties_for(request.user).filter(direction=direction).order_by("id")
    return json_response(
        direction_detail_json(direction, clock.today(), list(parts), list(answered)), status
    )


# --- citizens' feedback -----------------------------------------------------------------


def _feedback(request: HttpRequest) -> QuerySet[Feedback]:
    return access.feedback_for(request.user).select_related("commune", "answering_agency")


def _feedback_response(request: HttpRequest, pk: int) -> HttpResponse:
    item = _feedback(request).select_related("task").get(pk=pk)
    shown = access.may_see_contact(request.user, item)
    return json_response(feedback_detail_json(item, contact_shown=shown))


@api_view()
def feedback_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = _feedback(request).order_by("-received_at", "-id")
    qs = _filtered(request, qs, plan="plan_id", task="task_id", commune="commune_id")
    state = choice_param(request, "state", FeedbackState.values)
    if state:
        qs = qs.filter(state=state)
    return json_response(paged(request, qs, lambda rows: [feedback_json(f) for f in rows]))


@api_view()
def feedback_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    get_or_404(_feedback(request), pk=pk)
    return _feedback_response(request, pk)


def _feedback_step(
    request: HttpRequest,
    pk: int,
    states: Collection[str],
    allowed: Callable[[Any, Feedback], bool],
    act: Callable[[Feedback], Any],
) -> HttpResponse:
    item = get_or_404(_feedback(request).select_related("task"), pk=pk)
    wrong_state = _("Góp ý này đang ở trạng thái “%(state)s”: không thực hiện được bước này.")
    _take_step(request, item, states, allowed, act, wrong_state)
    return _feedback_response(request, item.pk)


@api_view(methods=("POST",))
def feedback_moderate(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def act(item: Feedback) -> Any:
        accept = form_choice(request, "decision", ["accept", "reject"]) == "accept"
        return services.moderate(request.user, item, accept=accept, version=forms.version(request))

    return _feedback_step(request, pk, (FeedbackState.PENDING,), access.can_moderate, act)


@api_view(methods=("POST",))
def feedback_answer(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    def act(item: Feedback) -> Any:
        answer = forms.step_text(request, "answer")
        publish = forms.flag(request, "publish")
        return services.answer_feedback(
            request.user, item, answer=answer, publish=publish, version=forms.version(request)
        )

    states = (FeedbackState.ACCEPTED, FeedbackState.ANSWERED)
    return _feedback_step(request, pk, states, access.can_answer_feedback, act)
