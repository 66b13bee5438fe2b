"""Pages to edit a plan document's words and the province's "Nơi nhận" lists."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import own_province_id
from chiso.documents.editing import (
    EditError,
    can_edit_documents,
    delete_recipient_list,
    save_plan_text,
    save_recipient_list,
)
from chiso.documents.forms_words import PlanTextForm, RecipientListForm
from chiso.documents.models import RecipientList
from chiso.documents.plan_words import plan_text
from chiso.plans.access import get_or_404, plans_for


def _editor(request: AuthenticatedHttpRequest) -> None:
    if not can_edit_documents(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def plan_words_page(request: AuthenticatedHttpRequest, plan_id: int) -> HttpResponse:
    _editor(request)
    plan = get_or_404(plans_for(request.user), pk=plan_id)
    province_id = plan.province_id
    form = PlanTextForm(request.POST or None, instance=plan_text(plan), province_id=province_id)
    if request.method == "POST" and form.is_valid():
        try:
            save_plan_text(request.user, plan, **form.values())
        except EditError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu lời văn của kế hoạch."))
            return redirect("documents:plan-words", plan_id=plan.pk)
    return render(request, "documents/plan_words.html", {"plan": plan, "form": form})


def _lists(request: AuthenticatedHttpRequest) -> QuerySet[RecipientList]:
    return RecipientList.objects.filter(province_id=own_province_id(request.user))


@login_required
@require_http_methods(["GET", "POST"])
def recipient_lists(request: AuthenticatedHttpRequest) -> HttpResponse:
    _editor(request)
    return _recipient_form(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def recipient_list_edit(request: AuthenticatedHttpRequest, list_id: int) -> HttpResponse:
    _editor(request)
    return _recipient_form(request, get_or_404(_lists(request), pk=list_id))


def _recipient_form(
    request: AuthenticatedHttpRequest, current: RecipientList | None
) -> HttpResponse:
    form = RecipientListForm(request.POST or None, instance=current)
    if request.method == "POST" and request.POST.get("action") == "delete" and current:
        delete_recipient_list(request.user, current)
        messages.success(request, _("Đã xóa danh sách nơi nhận."))
        return redirect("documents:recipients")
    if request.method == "POST" and form.is_valid():
        try:
            save_recipient_list(request.user, current, **form.cleaned_data)
        except EditError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Đã lưu danh sách nơi nhận."))
            return redirect("documents:recipients")
    context = {"form": form, "current": current, "lists": _lists(request)}
    return render(request, "documents/recipients.html", context)
