"""PAPI survey support pages. Every page that shows survey locations carries the guardrail
(`activities/_survey_guardrail.html`): the sample is small and is no basis to rank communes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities import access, services
from chiso.activities.forms import (
    ContactForm,
    LocationForm,
    LogisticsForm,
    LogisticsStateForm,
    SurveyRoundForm,
)
from chiso.activities.models import LogisticsTask, SurveyRound
from chiso.audit.history import history_of
from chiso.plans.access import get_or_404
from chiso.workflow.forms import run


@login_required
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    surveys = access.surveys_for(request.user).prefetch_related("locations__district")
    return render(
        request,
        "activities/survey_list.html",
        {
            "surveys": surveys,
            "can_manage": access.can_manage_survey(request.user),
        },
    )


@login_required
def survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_manage_survey(request.user) or request.user.province is None:
        raise PermissionDenied
    form = SurveyRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        survey = run(
            form,
            services.create_survey_round,
            request.user,
            request.user.province,
            **form.cleaned_data,
        )
        if survey is not None:
            messages.success(request, _("Đã tạo đợt khảo sát."))
            return redirect("activities:survey-detail", pk=survey.pk)
    return render(
        request,
        "activities/form.html",
        {
            "form": form,
            "title": _("Thêm đợt khảo sát PAPI"),
            "back": "activities:survey-list",
        },
        status=400 if form.errors else 200,
    )


def _survey(request: HttpRequest, pk: int) -> SurveyRound:
    return get_or_404(access.surveys_for(request.user), pk=pk)


def _render_survey(
    request: AuthenticatedHttpRequest, survey: SurveyRound, **bound: forms.Form
) -> HttpResponse:
    user = request.user
    logistics = list(survey.logistics.select_related("agency"))
    context: dict[str, Any] = {
        "updatable": {task.pk for task in logistics if access.can_update_logistics(user, task)},
        "survey": survey,
        "locations": survey.locations.select_related("district"),
        "contacts": survey.contacts.select_related("agency"),
        "logistics": logistics,
        "can_manage": access.can_manage_survey(user, survey),
        "location_form": bound.get("location_form") or LocationForm(user=user),
        "contact_form": bound.get("contact_form") or ContactForm(user=user),
        "logistics_form": bound.get("logistics_form") or LogisticsForm(user=user),
        "state_form": bound.get("state_form"),
        "history": history_of(survey),
    }
    return render(request, "activities/survey_detail.html", context, status=400 if bound else 200)


@login_required
def survey_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _render_survey(request, _survey(request, pk))


def _survey_add(
    request: AuthenticatedHttpRequest,
    pk: int,
    form_class: type[forms.Form],
    name: str,
    service: Any,
    done: str,
) -> HttpResponse:
    survey = _survey(request, pk)
    if not access.can_manage_survey(request.user, survey):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:survey-detail", pk=survey.pk)
    form = form_class(request.POST, user=request.user)  # type: ignore[call-arg]
    if (
        form.is_valid()
        and run(form, service, request.user, survey, **form.cleaned_data) is not None
    ):
        messages.success(request, done)
        return redirect("activities:survey-detail", pk=survey.pk)
    return _render_survey(request, survey, **{name: form})


@login_required
def location_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _survey_add(
        request,
        pk,
        LocationForm,
        "location_form",
        services.add_location,
        _("Đã thêm địa bàn khảo sát."),
    )


@login_required
def contact_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _survey_add(
        request,
        pk,
        ContactForm,
        "contact_form",
        services.add_contact,
        _("Đã thêm đầu mối liên hệ."),
    )


@login_required
def logistics_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _survey_add(
        request,
        pk,
        LogisticsForm,
        "logistics_form",
        services.add_logistics_task,
        _("Đã thêm công việc hậu cần."),
    )


@login_required
def logistics_update(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    task: LogisticsTask = get_or_404(
        LogisticsTask.objects.filter(survey__in=access.surveys_for(request.user)).select_related(
            "survey"
        ),
        pk=pk,
    )
    if not access.can_update_logistics(request.user, task):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:survey-detail", pk=task.survey_id)
    form = LogisticsStateForm(request.POST)
    if (
        form.is_valid()
        and run(form, services.update_logistics_state, request.user, task, **form.cleaned_data)
        is not None
    ):
        messages.success(request, _("Đã cập nhật công việc hậu cần."))
        return redirect("activities:survey-detail", pk=task.survey_id)
    form.task_id = task.pk
    return _render_survey(request, task.survey, state_form=form)
