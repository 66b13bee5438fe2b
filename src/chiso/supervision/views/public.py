"""The citizens' feedback form on the published plan (no log-in), and the answers published
next to the task. Abuse is held off without third-party services: a size limit on the request,
a honeypot field, a limit of posts per address (chiso.supervision.throttle) and moderation
before anything a citizen wrote is shown."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from chiso.plans.models import Plan, Task
from chiso.public.published import get_public_plan
from chiso.supervision import services, throttle
from chiso.supervision.forms import PublicFeedbackForm
from chiso.supervision.models import Feedback, FeedbackState
from chiso.web.params import int_param
from chiso.workflow.forms import run

# A form of 1,000 characters of Vietnamese text (up to 4 bytes each, URL-encoded ×3) and a
# contact fits well within this; anything larger is refused before it is parsed.
MAX_BODY_BYTES = 16_384
PUBLISHED_SHOWN = 50


def _task(request: HttpRequest, plan: Plan) -> Task | None:
    task_id = int_param(request.GET, "nhiem-vu")
    if task_id is None:
        return None
    return plan.tasks.filter(pk=task_id, is_public=True).first()


def _published(plan: Plan, task: Task | None) -> list[Feedback]:
    qs = Feedback.objects.filter(plan=plan, state=FeedbackState.ANSWERED, published=True)
    if task is not None:
        qs = qs.filter(task=task)
    # Only what the page shows: never the contact, the address key or who answered.
    fields = ("text", "answer", "answered_on", "received_at", "task__code", "task__title")
    return list(
        qs.select_related("task", "commune", "answering_agency").only(
            *fields, "commune__name", "answering_agency__name"
        )[:PUBLISHED_SHOWN]
    )


def feedback_page(request: HttpRequest, plan_id: int) -> HttpResponse:
    plan = get_public_plan(plan_id)
    task = _task(request, plan)
    status = 200
    if request.method == "POST":
        length = request.META.get("CONTENT_LENGTH") or "0"
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return HttpResponse(_("Nội dung gửi quá lớn."), status=413, content_type="text/plain")
        form = PublicFeedbackForm(request.POST, plan=plan)
        if form.data.get("website"):
            # A robot filled the honeypot: it is told "sent", nothing is stored.
            return redirect(_sent_url(plan, task))
        key = throttle.address_key(request)
        if not throttle.allowed(key):
            form.add_error(
                None, _("Anh/chị đã gửi nhiều góp ý trong thời gian ngắn; xin gửi lại sau.")
            )
            status = 429
        elif form.is_valid():
            data = form.cleaned_data
            sent = run(
                form,
                services.post_feedback,
                plan,
                text=data["text"],
                contact=data["contact"],
                task=task,
                commune=data["commune"],
                address_key=key,
            )
            if sent is not None:
                return redirect(_sent_url(plan, task))
        if status == 200:
            status = 400
    else:
        form = PublicFeedbackForm(plan=plan)
    return render(
        request,
        "supervision/public_feedback.html",
        {
            "plan": plan,
            "task": task,
            "form": form,
            "sent": request.GET.get("da-gui") == "1",
            "published": _published(plan, task),
        },
        status=status,
    )


def _sent_url(plan: Plan, task: Task | None) -> str:
    url = reverse("feedback:form", args=[plan.pk]) + "?da-gui=1"
    return url + (f"&nhiem-vu={task.pk}" if task is not None else "")
