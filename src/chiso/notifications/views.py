"""The bell's page: a person's notifications, newest first; opening one marks it read."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_info, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.notifications import services
from chiso.notifications.models import EmailMode, Notification
from chiso.notifications.text import describe
from chiso.plans.access import get_or_404

PAGE_SIZE = 30


class PreferenceForm(forms.Form):
    email_mode = forms.ChoiceField(
        label=gettext_lazy("Nhận thông báo qua thư điện tử"),
        choices=EmailMode.choices,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Ngôn ngữ của thư"),
        # Each language in its own name, as language choosers do.
        choices=[
            (code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES
        ],
        widget=forms.RadioSelect,
    )


def _preference_form(request: AuthenticatedHttpRequest) -> PreferenceForm:
    choice = services.mail_choice(request.user, default_language=get_language() or "vi")
    return PreferenceForm(initial={"email_mode": choice.email_mode, "language": choice.language})


@login_required
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = Notification.objects.filter(recipient_id=request.user.pk).order_by("-created_at", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "rows": [(n, describe(n)) for n in page.object_list],
            "form": _preference_form(request),
            "has_email": bool(request.user.email),
        },
    )


@login_required
def notification_open(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    notification = get_or_404(Notification.objects.filter(recipient_id=request.user.pk), pk=pk)
    services.mark_read(request.user, notification)
    if not url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(notification.url)


@login_required
@require_POST
def mark_all_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    count = services.mark_all_read(request.user)
    messages.success(request, _("Đã đánh dấu %(n)s thông báo là đã đọc.") % {"n": count})
    return redirect("notifications:list")


@login_required
@require_POST
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = PreferenceForm(request.POST)
    if form.is_valid():
        services.set_mail_choice(
            request.user, form.cleaned_data["email_mode"], form.cleaned_data["language"]
        )
        messages.success(request, _("Đã lưu cách nhận thông báo qua thư."))
    else:
        messages.error(request, _("Hãy chọn một cách nhận thông báo."))
    return redirect("notifications:list")
