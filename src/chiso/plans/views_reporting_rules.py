"""The coordinator's page for the province's report-review rules (ReportingSettings)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import own_province_id
from chiso.audit.history import entries_for, history_rows
from chiso.plans import access, services
from chiso.plans.forms_reporting_rules import ReportingRulesForm
from chiso.workflow.forms import run


@login_required
def reporting_rules(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_edit_plan(request.user):
        raise PermissionDenied
    province_id = own_province_id(request.user)
    rules = access.reporting_settings(province_id)
    if request.method == "POST":
        form = ReportingRulesForm(request.POST, province_id=province_id)
        if (
            form.is_valid()
            and run(form, services.save_reporting_rules, request.user, **form.cleaned_data)
            is not None
        ):
            messages.success(request, _("Đã lưu cài đặt duyệt báo cáo."))
            return redirect("plans:reporting-rules")
    else:
        form = ReportingRulesForm(
            initial=ReportingRulesForm.initial_from(rules), province_id=province_id
        )
    history = history_rows(entries_for([rules])) if rules is not None else []
    return render(request, "plans/reporting_rules.html", {"form": form, "history": history[:10]})
