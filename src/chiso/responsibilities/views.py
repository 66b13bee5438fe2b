"""The responsibilities map (who guides which PAPI unit), an agency's areas ("lĩnh vực của cơ
quan") and the coordinator's form to set an agency's part of the map. Thin views."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chiso.accounts.models import Province
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.activities.units import unit_choices
from chiso.plans.access import current_plans_first, get_or_404, plans_for
from chiso.responsibilities import access
from chiso.responsibilities.models import Duty, Responsibility
from chiso.responsibilities.queries import agency_areas, unit_map
from chiso.responsibilities.services import set_agency_units
from chiso.site import clock
from chiso.web.widgets import choice_field
from chiso.workflow.errors import ServiceError
from chiso.workflow.forms import show_error


def _province_user(request: AuthenticatedHttpRequest) -> Province:
    if request.user.province is None:
        raise Http404  # a national viewer has no province map
    return request.user.province


@login_required
def map_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    rows = unit_map(_province_user(request))
    return render(
        request,
        "responsibilities/map.html",
        {
            "rows": rows,
            "illustrative": any(r.illustrative for r in rows),
            "can_edit": access.can_edit_map(request.user, request.user.province_id),
            "agencies": access.agencies_for(request.user)
            .filter(active=True)
            .order_by("kind", "name"),
        },
    )


@login_required
def agency_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = get_or_404(access.agencies_for(request.user).select_related("province"), pk=pk)
    today = clock.today()
    plan = current_plans_first(plans_for(request.user), today).first()
    return render(
        request,
        "responsibilities/agency.html",
        {
            "areas": agency_areas(agency, plan, today),
            "can_edit": access.can_edit_map(request.user, agency.province_id),
        },
    )


class AgencyUnitsForm(forms.Form):
    guides = forms.MultipleChoiceField(
        label=gettext_lazy("Hướng dẫn, kiểm tra"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    answers = forms.MultipleChoiceField(
        label=gettext_lazy("Chịu trách nhiệm thực hiện"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: object, year: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        choices = unit_choices(year)
        choice_field(self, "guides").choices = choices
        choice_field(self, "answers").choices = choices


@login_required
def agency_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    agency = get_or_404(access.agencies_for(request.user).select_related("province"), pk=pk)
    if not access.can_edit_map(request.user, agency.province_id):
        raise PermissionDenied
    current = Responsibility.objects.filter(agency=agency, index="PAPI")
    initial = {
        "guides": [r.unit_code for r in current if r.duty == Duty.GUIDES],
        "answers": [r.unit_code for r in current if r.duty == Duty.ANSWERS],
    }
    form = AgencyUnitsForm(request.POST or None, initial=initial, year=clock.today().year)
    if request.method == "POST" and form.is_valid():
        try:
            set_agency_units(
                request.user,
                agency,
                guides=form.cleaned_data["guides"],
                answers=form.cleaned_data["answers"],
            )
        except ServiceError as exc:
            show_error(form, exc)
        else:
            messages.success(request, _("Đã lưu lĩnh vực của %(agency)s.") % {"agency": agency})
            return redirect("responsibilities:agency", agency.pk)
    return render(request, "responsibilities/edit.html", {"agency": agency, "form": form})
