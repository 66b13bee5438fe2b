"""Changing and resetting one's password: Django's views with chiso's pages and e-mail.

Ending the person's other sessions and API tokens happens where the password is saved
(chiso.accounts.signals), so these views, the admin and the command line all do it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse

from chiso.site.links import site_url

T = "accounts/password/"


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = T + "change_form.html"


class PasswordChangeDoneView(auth_views.PasswordChangeDoneView):
    template_name = T + "change_done.html"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = T + "reset_form.html"
    email_template_name = T + "reset_email.txt"
    subject_template_name = T + "reset_subject.txt"

    def form_valid(self, form: Any) -> HttpResponse:
        # The link in the mail starts with the configured site address, not the Host header.
        self.extra_email_context = {"site_url": site_url(self.request)}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = T + "reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = T + "reset_confirm.html"


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = T + "reset_complete.html"
