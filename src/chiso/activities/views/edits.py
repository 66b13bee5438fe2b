"""Edit pages of an activity and of a posting (optimistic locking: a stale save is refused,
the input kept, and the copy someone else saved is shown next to it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities import access, services
from chiso.activities.forms import ActivityEditForm, PostingEditForm
from chiso.activities.models import Activity, Posting
from chiso.plans.access import get_or_404
from chiso.workflow.errors import ServiceError, StaleVersion
from chiso.workflow.forms import show_error


def _edit(
    request: HttpRequest,
    obj: Activity | Posting,
    form: ActivityEditForm | PostingEditForm,
    service: Callable[..., Any],
    *,
    detail: str,
    context: dict[str, Any],
) -> HttpResponse:
    latest = None
    if request.method == "POST" and form.is_valid():
        try:
            saved = service(
                request.user, obj, version=form.cleaned_data["version"], **form.service_fields()
            )
        except ServiceError as error:
            show_error(form, error)
            if isinstance(error, StaleVersion):
                latest = type(obj)._default_manager.get(pk=obj.pk)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect(detail, pk=saved.pk)
    status = 409 if latest is not None else 400 if form.errors else 200
    back_url = reverse(detail, kwargs={"pk": obj.pk})
    return render(
        request,
        "activities/edit.html",
        {"form": form, "object": obj, "latest": latest, "back_url": back_url, **context},
        status=status,
    )


@login_required
def activity_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = get_or_404(
        access.activities_for(request.user).select_related("organiser", "plan"), pk=pk
    )
    if not access.records_for(request.user, activity.organiser):
        raise PermissionDenied
    form = ActivityEditForm(request.POST or None, user=request.user, activity=activity)
    return _edit(
        request,
        activity,
        form,
        services.update_activity,
        detail="activities:activity-detail",
        context={
            "title": _("Sửa hoạt động tập huấn, tuyên truyền"),
            "facts": "activities/_activity_facts.html",
            "section": "activities",
        },
    )


@login_required
def posting_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    posting = get_or_404(
        access.postings_for(request.user).select_related("commune", "commune__parent", "plan"),
        pk=pk,
    )
    if not access.records_for(request.user, posting.commune):
        raise PermissionDenied
    form = PostingEditForm(request.POST or None, user=request.user, posting=posting)
    return _edit(
        request,
        posting,
        form,
        services.update_posting,
        detail="activities:posting-detail",
        context={
            "title": _("Sửa thông tin niêm yết Bộ khung nhiệm vụ"),
            "facts": "activities/_posting_facts.html",
            "section": "postings",
        },
    )
