"""Inspection pages: plans, visits with checklist and findings, recommendations, responses."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import agencies_for
from chiso.activities import access, services
from chiso.activities.forms import (
    CloseForm,
    ConcludeForm,
    FindingForm,
    InspectionPlanForm,
    RecommendationForm,
    ResponseForm,
    VisitForm,
)
from chiso.activities.models import Finding, InspectionVisit
from chiso.activities.summary import agency_inspections
from chiso.activities.views.common import current_plan
from chiso.audit.history import history_of
from chiso.plans.access import get_or_404
from chiso.site import clock
from chiso.workflow.errors import ServiceError
from chiso.workflow.forms import run


@dataclass(frozen=True)
class FindingRow:
    """A finding as the visit page shows it, with the viewer's forms for it."""

    finding: Finding
    can_respond: bool
    rec_form: forms.Form
    resp_form: forms.Form


@login_required
def inspection_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plans = (
        access.inspection_plans_for(request.user)
        .select_related("lead_agency", "plan")
        .prefetch_related("targets", "visits")
    )
    return render(
        request,
        "activities/inspection_list.html",
        {
            "inspections": plans,
            "can_create": access.can_create_inspection_plan(request.user),
        },
    )


@login_required
def inspection_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.can_create_inspection_plan(request.user):
        raise PermissionDenied
    plan = current_plan(request)
    form = InspectionPlanForm(request.POST or None, user=request.user, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        inspection = run(
            form,
            services.create_inspection_plan,
            request.user,
            data["plan"],
            title=data["title"],
            kind=data["kind"],
            lead_agency=data["lead_agency"],
            targets=data["targets"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            unit_codes=data["unit_codes"],
            notes=data["notes"],
        )
        if inspection is not None:
            messages.success(request, _("Đã lập kế hoạch kiểm tra."))
            return redirect("activities:inspection-detail", pk=inspection.pk)
    return render(
        request,
        "activities/form.html",
        {
            "form": form,
            "title": _("Lập kế hoạch kiểm tra"),
            "back": "activities:inspection-list",
        },
        status=400 if form.errors else 200,
    )


@login_required
def inspection_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    inspection = get_or_404(
        access.inspection_plans_for(request.user).select_related("lead_agency", "plan"), pk=pk
    )
    visits = (
        access.visits_for(request.user)
        .filter(inspection_plan=inspection)
        .select_related("agency")
        .prefetch_related("findings")
    )
    return render(
        request,
        "activities/inspection_detail.html",
        {
            "inspection": inspection,
            "visits": visits,
            "can_manage": access.can_manage_inspection(request.user, inspection),
            "history": history_of(inspection),
        },
    )


@login_required
def visit_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    inspection = get_or_404(access.inspection_plans_for(request.user), pk=pk)
    if not access.can_manage_inspection(request.user, inspection):
        raise PermissionDenied
    form = VisitForm(request.POST or None, inspection=inspection)
    if request.method == "POST" and form.is_valid():
        visit = run(form, services.add_visit, request.user, inspection, **form.cleaned_data)
        if visit is not None:
            messages.success(request, _("Đã ghi nhận đợt kiểm tra; danh mục kiểm tra đã được lập."))
            return redirect("activities:visit-detail", pk=visit.pk)
    return render(
        request,
        "activities/form.html",
        {
            "form": form,
            "title": _("Thêm đợt kiểm tra"),
            "subtitle": inspection.title,
            "back_url": inspection_url(inspection.pk),
        },
        status=400 if form.errors else 200,
    )


def inspection_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("activities:inspection-detail", args=[pk])


def _visit(request: HttpRequest, pk: int) -> InspectionVisit:
    return get_or_404(
        access.visits_for(request.user).select_related(
            "agency", "inspection_plan", "inspection_plan__lead_agency", "inspection_plan__plan"
        ),
        pk=pk,
    )


def _render_visit(request: HttpRequest, visit: InspectionVisit, **bound: Any) -> HttpResponse:
    """The visit page; `bound` replaces a blank form with one the user just submitted."""
    user = request.user
    found = list(
        visit.findings.select_related(
            "checklist_item", "recorded_by", "responded_by"
        ).prefetch_related(
            "attachments",
            "recommendations__follow_up_task__assignments",
            "recommendations__finding__visit",
        )
    )
    bound_id = bound.get("finding_id")
    findings = []
    for finding in found:
        # One small form per finding, with its own ids; the one just submitted keeps its input.
        mine = bound_id == finding.pk
        rec_form = (mine and bound.get("recommendation_form")) or RecommendationForm(
            auto_id=f"id_rec{finding.pk}_%s"
        )
        resp_form = (mine and bound.get("response_form")) or ResponseForm(
            auto_id=f"id_resp{finding.pk}_%s"
        )
        findings.append(FindingRow(finding, access.can_respond(user, finding), rec_form, resp_form))
    context = {
        "visit": visit,
        "inspection": visit.inspection_plan,
        "checklist": visit.checklist.select_related("assignment").prefetch_related("findings"),
        "findings": findings,
        "can_manage": access.can_manage_inspection(user, visit.inspection_plan),
        "can_follow_up": access.can_assign_follow_up(user, visit),
        "finding_form": bound.get("finding_form") or FindingForm(visit=visit),
        "conclude_form": bound.get("conclude_form")
        or ConcludeForm(initial={"version": visit.version, "conclusion": visit.conclusion}),
        "close_form": bound.get("close_form"),
        "today": clock.today(),
        "history": history_of(visit),
    }
    status = 400 if bound else 200
    return render(request, "activities/visit_detail.html", context, status=status)


@login_required
def visit_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _render_visit(request, _visit(request, pk))


@login_required
def finding_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    visit = _visit(request, pk)
    if not access.can_manage_inspection(request.user, visit.inspection_plan):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:visit-detail", pk=visit.pk)
    form = FindingForm(request.POST, request.FILES, visit=visit)
    if form.is_valid():
        data = form.cleaned_data
        finding = run(
            form,
            services.record_finding,
            request.user,
            visit,
            verdict=data["verdict"],
            description=data["description"],
            checklist_item=data["checklist_item"],
            files=data["files"],
            links=form.link_list(),
        )
        if finding is not None:
            messages.success(request, _("Đã ghi kết quả kiểm tra."))
            return redirect(f"{visit_url(visit.pk)}#ket-qua-{finding.pk}")
    return _render_visit(request, visit, finding_form=form)


def visit_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("activities:visit-detail", args=[pk])


@login_required
def visit_conclude(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    visit = _visit(request, pk)
    if not access.can_manage_inspection(request.user, visit.inspection_plan):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:visit-detail", pk=visit.pk)
    form = ConcludeForm(request.POST)
    if (
        form.is_valid()
        and run(
            form,
            services.conclude_visit,
            request.user,
            visit,
            conclusion=form.cleaned_data["conclusion"],
            version=form.cleaned_data["version"],
        )
        is not None
    ):
        messages.success(request, _("Đã lưu kết luận."))
        return redirect("activities:visit-detail", pk=visit.pk)
    return _render_visit(request, visit, conclude_form=form)


@login_required
def finding_respond(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    finding = get_or_404(access.findings_for(request.user).select_related("visit"), pk=pk)
    if not access.can_respond(request.user, finding):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:visit-detail", pk=finding.visit_id)
    form = ResponseForm(request.POST)
    if (
        form.is_valid()
        and run(
            form,
            services.respond_to_finding,
            request.user,
            finding,
            response=form.cleaned_data["response"],
        )
        is not None
    ):
        messages.success(request, _("Đã gửi giải trình."))
        return redirect(f"{visit_url(finding.visit_id)}#ket-qua-{finding.pk}")
    return _render_visit(
        request, _visit(request, finding.visit_id), response_form=form, finding_id=finding.pk
    )


@login_required
def recommendation_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    finding = get_or_404(
        access.findings_for(request.user).select_related("visit__inspection_plan"), pk=pk
    )
    if not access.can_manage_inspection(request.user, finding.visit.inspection_plan):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:visit-detail", pk=finding.visit_id)
    form = RecommendationForm(request.POST)
    if (
        form.is_valid()
        and run(form, services.add_recommendation, request.user, finding, **form.cleaned_data)
        is not None
    ):
        messages.success(request, _("Đã ghi kiến nghị."))
        return redirect(f"{visit_url(finding.visit_id)}#ket-qua-{finding.pk}")
    return _render_visit(
        request, _visit(request, finding.visit_id), recommendation_form=form, finding_id=finding.pk
    )


@login_required
def recommendation_assign(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = get_or_404(access.recommendations_for(request.user).select_related("finding"), pk=pk)
    if not access.can_assign_follow_up(request.user, rec):
        raise PermissionDenied
    if request.method == "POST":
        try:
            services.assign_follow_up(request.user, rec)
            messages.success(request, _("Đã giao nhiệm vụ khắc phục cho đơn vị được kiểm tra."))
        except ServiceError as error:
            messages.error(request, error.message)
    return redirect(f"{visit_url(rec.finding.visit_id)}#ket-qua-{rec.finding_id}")


@login_required
def recommendation_close(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    rec = get_or_404(access.recommendations_for(request.user).select_related("finding"), pk=pk)
    if not access.can_assign_follow_up(request.user, rec):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:visit-detail", pk=rec.finding.visit_id)
    form = CloseForm(request.POST)
    if (
        form.is_valid()
        and run(
            form,
            services.close_recommendation,
            request.user,
            rec,
            note=form.cleaned_data["note"],
            version=form.cleaned_data["version"],
        )
        is not None
    ):
        messages.success(request, _("Đã đóng kiến nghị."))
        return redirect(f"{visit_url(rec.finding.visit_id)}#ket-qua-{rec.finding_id}")
    form.recommendation_id = rec.pk
    return _render_visit(request, _visit(request, rec.finding.visit_id), close_form=form)


@login_required
def agency_inspections_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Inspection results of one agency: any agency for province-wide readers, their own for
    agency staff (another agency's page is a 404, like its assignments)."""
    agency = get_or_404(agencies_for(request.user), pk=pk)
    return render(
        request,
        "activities/agency_inspections.html",
        {
            "agency": agency,
            "panel": {"visits": agency_inspections(agency), "compact": False},
        },
    )


@login_required
def attachment_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    attachment = get_or_404(access.attachments_for(request.user), pk=pk)
    if attachment.is_link:
        return redirect(attachment.url)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    return response
