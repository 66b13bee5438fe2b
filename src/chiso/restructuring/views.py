"""The restructuring pages: what was done, abolish a level (form → preview → confirm), merge two
provinces (the same three steps, administrators only), and the predecessors' results side by
side. Thin views over chiso.restructuring.abolition, .merger and .series."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chiso.accounts.models import Province
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.restructuring import abolition, merger, overview
from chiso.restructuring.access import can_abolish, can_merge
from chiso.restructuring.forms import AbolishForm, MergeForm
from chiso.restructuring.models import Restructuring
from chiso.restructuring.series import side_by_side
from chiso.results import store
from chiso.results.errors import NoResults
from chiso.site import clock
from chiso.workflow.errors import ServiceError

PAGE_SIZE = 10  # restructurings listed a page on /sap-xep/


def _province(request: AuthenticatedHttpRequest) -> Province:
    province: Province | None = getattr(request.user, "province", None)
    if province is None or not can_abolish(request.user, province):
        raise PermissionDenied
    return province


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    done = Restructuring.objects.filter(province=province).select_related("actor", "absorbed")
    page = Paginator(done, PAGE_SIZE).get_page(request.GET.get("trang"))
    context = {
        "page": page,
        "done": overview.done_records(page.object_list),
        "lowered_later": overview.lowered_later(province),
        "can_merge": can_merge(request.user),
    }
    return render(request, "restructuring/index.html", context)


@login_required
def abolish(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    form = AbolishForm(province, request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        successors, day = form.successors(), form.cleaned_data["effective_on"]
        if "confirm" in request.POST:
            try:
                done = abolition.abolish(request.user, province, successors, day)
            except ServiceError:
                pass  # the preview below names every problem
            else:
                moved = done.summary["moved"]
                messages.success(
                    request,
                    _("Đã giải thể %(n)s cơ quan, chuyển %(moved)s phân công đang thực hiện.")
                    % {"n": len(done.summary["agencies"]), "moved": moved},
                )
                return redirect("restructuring:index")
        found = abolition.preview(province, successors, day)
    return render(request, "restructuring/abolish.html", {"form": form, "found": found})


@login_required
def merge(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not can_merge(request.user):
        raise PermissionDenied
    form = MergeForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        absorbed, into = form.cleaned_data["absorbed"], form.cleaned_data["into"]
        day = form.cleaned_data["effective_on"]
        if not can_merge(request.user, absorbed, into):
            raise PermissionDenied
        if "confirm" in request.POST:
            try:
                merger.merge(request.user, absorbed, into, day)
            except ServiceError:
                pass  # the preview below names every problem
            else:
                messages.success(
                    request,
                    _("Đã hợp nhất %(old)s vào %(new)s.")
                    % {"old": absorbed.name, "new": into.name},
                )
                return redirect("restructuring:merge")
        found = merger.preview(absorbed, into, day)
    return render(request, "restructuring/merge.html", {"form": form, "found": found})


@login_required
def results(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = getattr(request.user, "province", None)
    if province is None:
        raise PermissionDenied
    try:
        table = side_by_side(store.load_results("PAPI", clock.today()), province)
    except NoResults:
        table = None
    context = {
        "province": province,
        "table": table,
        "can_restructure": can_abolish(request.user, province),
    }
    return render(request, "restructuring/results.html", context)
