"""Training and communication activities, postings and the coverage views."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from chiso.accounts.models import AgencyKind
from chiso.accounts.requests import AuthenticatedHttpRequest
from chiso.accounts.roles import reads_province
from chiso.activities import access, coverage, services, units
from chiso.activities.exports import posting_coverage_xlsx
from chiso.activities.forms import ActivityForm, EvidenceFields, PostingCheckForm, PostingForm
from chiso.activities.listing import ActivityFilter, period_choices
from chiso.activities.models import Activity, ActivityKind, Posting
from chiso.activities.summary import activity_summary, inspection_summary
from chiso.activities.views.common import current_plan
from chiso.audit.history import history_of
from chiso.plans.access import get_or_404, plans_for
from chiso.site import clock
from chiso.spreadsheets.xlsx import xlsx_response
from chiso.workflow.forms import run


@login_required
def index(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    reads_all = reads_province(request.user)
    return render(
        request,
        "activities/index.html",
        {
            "plan": plan,
            "plans": plans_for(request.user),
            "inspections_ctx": {
                "summary": inspection_summary(plan.province, plan),
                # Agency staff open only their own agency's inspection page (others are a 404).
                "only_agency_id": None if reads_all else (request.user.agency_id or 0),
            },
            "activities": activity_summary(plan.province, plan),
            "reads_province": reads_all,
        },
    )


@login_required
def activity_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    activities = access.activities_for(request.user).filter(plan=plan).select_related("organiser")
    chosen = ActivityFilter.from_query(request.GET, plan)
    return render(
        request,
        "activities/activity_list.html",
        {
            "plan": plan,
            "activities": chosen.apply(activities, plan),
            "kinds": ActivityKind.choices,
            "periods": period_choices(plan.year),
            "areas": units.unit_choices(plan.year, plan.index),
            "chosen": chosen,
            "can_record": access.recordable_agencies(request.user).exists(),
        },
    )


@login_required
def activity_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if not access.recordable_agencies(request.user).exists():
        raise PermissionDenied
    plan = current_plan(request)
    form = ActivityForm(request.POST or None, request.FILES or None, user=request.user, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        activity = run(
            form,
            services.record_activity,
            request.user,
            data["plan"],
            kind=data["kind"],
            title=data["title"],
            held_on=data["held_on"],
            organiser=data["organiser"],
            audience_type=data["audience_type"],
            audience_count=data["audience_count"],
            unit_codes=data["unit_codes"],
            place=data["place"],
            village=data["village"],
            description=data["description"],
            files=data["files"],
            links=form.link_list(),
        )
        if activity is not None:
            messages.success(request, _("Đã ghi nhận hoạt động."))
            return redirect("activities:activity-detail", pk=activity.pk)
    return render(
        request,
        "activities/form.html",
        {
            "form": form,
            "title": _("Ghi nhận hoạt động tập huấn, tuyên truyền"),
            "back": "activities:activity-list",
            "multipart": True,
        },
        status=400 if form.errors else 200,
    )


def _owner_page(
    request: HttpRequest, template: str, owner: Activity | Posting, **extra: Any
) -> HttpResponse:
    agency = owner.organiser if isinstance(owner, Activity) else owner.commune
    context = {
        "object": owner,
        "attachments": owner.attachments.all(),
        "can_record": access.records_for(request.user, agency),
        "evidence_form": extra.pop("evidence_form", None) or EvidenceFields(),
        "history": history_of(owner),
        **extra,
    }
    return render(request, template, context, status=400 if extra.get("bound") else 200)


@login_required
def activity_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = get_or_404(
        access.activities_for(request.user).select_related("organiser", "plan"), pk=pk
    )
    return _owner_page(request, "activities/activity_detail.html", activity)


@login_required
def activity_evidence(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    activity = get_or_404(access.activities_for(request.user).select_related("organiser"), pk=pk)
    return _add_evidence(
        request, activity, "activities/activity_detail.html", "activities:activity-detail"
    )


def _add_evidence(
    request: HttpRequest, owner: Activity | Posting, template: str, detail: str
) -> HttpResponse:
    agency = owner.organiser if isinstance(owner, Activity) else owner.commune
    if not access.records_for(request.user, agency):
        raise PermissionDenied
    if request.method != "POST":
        return redirect(detail, pk=owner.pk)
    form = EvidenceFields(request.POST, request.FILES)
    if (
        form.is_valid()
        and run(
            form,
            services.add_evidence,
            request.user,
            owner,
            files=form.cleaned_data["files"],
            links=form.link_list(),
        )
        is not None
    ):
        messages.success(request, _("Đã bổ sung minh chứng."))
        return redirect(detail, pk=owner.pk)
    return _owner_page(request, template, owner, evidence_form=form, bound=True)


@login_required
def posting_coverage(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    return render(
        request,
        "activities/posting_coverage.html",
        {
            "plan": plan,
            "coverage": coverage.posting_coverage(plan),
            "can_record": access.recordable_agencies(request.user)
            .filter(kind=AgencyKind.COMMUNE_COMMITTEE)
            .exists(),
            "postings": access.postings_for(request.user)
            .filter(plan=plan)
            .select_related("commune", "commune__parent"),
        },
    )


@login_required
def posting_coverage_download(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    postings = list(
        access.postings_for(request.user)
        .filter(plan=plan)
        .select_related("commune", "village")
        .order_by("commune__parent__name", "commune__name", "posted_on", "id")
    )
    data = posting_coverage_xlsx(plan, coverage.posting_coverage(plan), postings)
    return xlsx_response(f"niem-yet-bo-khung-{plan.year}.xlsx", data)


@login_required
def posting_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    if (
        not access.recordable_agencies(request.user)
        .filter(kind=AgencyKind.COMMUNE_COMMITTEE)
        .exists()
    ):
        raise PermissionDenied
    plan = current_plan(request)
    form = PostingForm(request.POST or None, request.FILES or None, user=request.user, plan=plan)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        posting = run(
            form,
            services.record_posting,
            request.user,
            data["plan"],
            commune=data["commune"],
            village=data["village"],
            place_type=data["place_type"],
            place=data["place"],
            posted_on=data["posted_on"],
            notes=data["notes"],
            files=data["files"],
            links=form.link_list(),
        )
        if posting is not None:
            messages.success(request, _("Đã ghi nhận việc niêm yết."))
            return redirect("activities:posting-detail", pk=posting.pk)
    return render(
        request,
        "activities/form.html",
        {
            "form": form,
            "title": _("Ghi nhận niêm yết Bộ khung nhiệm vụ"),
            "back": "activities:posting-coverage",
            "multipart": True,
        },
        status=400 if form.errors else 200,
    )


def _posting(request: HttpRequest, pk: int) -> Posting:
    return get_or_404(
        access.postings_for(request.user).select_related("commune", "commune__parent", "plan"),
        pk=pk,
    )


@login_required
def posting_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    posting = _posting(request, pk)
    return _owner_page(
        request,
        "activities/posting_detail.html",
        posting,
        check_form=PostingCheckForm(initial={"version": posting.version}),
    )


@login_required
def posting_evidence(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _add_evidence(
        request,
        _posting(request, pk),
        "activities/posting_detail.html",
        "activities:posting-detail",
    )


@login_required
def posting_check(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    posting = _posting(request, pk)
    if not access.records_for(request.user, posting.commune):
        raise PermissionDenied
    if request.method != "POST":
        return redirect("activities:posting-detail", pk=posting.pk)
    form = PostingCheckForm(request.POST)
    if (
        form.is_valid()
        and run(form, services.check_posting, request.user, posting, **form.cleaned_data)
        is not None
    ):
        messages.success(request, _("Đã ghi nhận kết quả kiểm tra lại."))
        return redirect("activities:posting-detail", pk=posting.pk)
    return _owner_page(
        request, "activities/posting_detail.html", posting, check_form=form, bound=True
    )


@login_required
def coverage_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    plan = current_plan(request)
    period = "quarter" if request.GET.get("ky") == "quy" else "month"
    periods = coverage.audience_by_period(plan, clock.today(), period)
    return render(
        request,
        "activities/coverage.html",
        {
            "plan": plan,
            "areas": coverage.area_coverage(plan),
            "periods": periods,
            "period": period,
            "year_to_date": len(periods) < (4 if period == "quarter" else 12),
            "total_audience": sum(p.audience for p in periods),
            "total_activities": sum(p.activities for p in periods),
        },
    )
