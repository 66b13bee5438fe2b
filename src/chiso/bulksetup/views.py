"""Bulk set-up pages: upload and export, preview with row-level errors, confirm, prefill from
the official list of communes and wards. Thin views over chiso.bulksetup.services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chiso.accounts.models import Province
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.bulksetup import services
from chiso.bulksetup.checks import check
from chiso.bulksetup.models import SetupImport
from chiso.bulksetup.workbook import WorkbookError, to_bytes
from chiso.plans.access import get_or_404
from chiso.site.links import site_url
from chiso.spreadsheets.xlsx import xlsx_response


def _province(request: AuthenticatedHttpRequest) -> Province:
    province = getattr(request.user, "province", None)
    if not services.can_set_up(request.user, province):
        raise PermissionDenied
    assert province is not None
    return province


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    errors: list[str] = []
    if request.method == "POST":
        upload = request.FILES.get("tep")
        if upload is None:
            errors = [_("Chưa chọn tệp.")]
        else:
            try:
                setup = services.upload(request.user, province, upload.name or "", upload.read())
            except WorkbookError as exc:
                errors = exc.errors
            else:
                return redirect("bulksetup:preview", setup.pk)
    return render(
        request, "bulksetup/index.html", {"errors": errors[:200], "more": max(0, len(errors) - 200)}
    )


@login_required
def preview(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    province = _province(request)
    setup = get_or_404(SetupImport.objects.filter(province=province), pk=pk)
    checked = check(province, setup.parsed)
    return render(request, "bulksetup/preview.html", {"setup": setup, "checked": checked})


@login_required
@require_POST
def confirm(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    province = _province(request)
    setup = get_or_404(SetupImport.objects.filter(province=province), pk=pk)
    try:
        done = services.apply(request.user, setup, site_url(request))
    except WorkbookError as exc:
        for error in exc.errors[:20]:
            messages.error(request, error)
        return redirect("bulksetup:preview", setup.pk)
    messages.success(
        request,
        _("Đã lưu: thêm %(created)s, cập nhật %(updated)s; đã gửi %(invited)s thư đặt mật khẩu.")
        % {"created": done.created, "updated": done.updated, "invited": done.invited},
    )
    return redirect("bulksetup:index")


@login_required
def export(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    return xlsx_response("thiet-lap.xlsx", to_bytes(services.export_workbook(province)))


@login_required
def prefill(request: AuthenticatedHttpRequest) -> HttpResponse:
    province = _province(request)
    wb, _added = services.prefill_workbook(province)
    return xlsx_response("thiet-lap-xa-phuong-2025.xlsx", to_bytes(wb))
